import type { CommandRunner } from '../command-runner.js';
import type { AppContext } from '../context.js';
import { ExitCode, ExplainedError, UsageError } from '../exit-codes.js';
import { translator, type Lang } from '../i18n/define.js';
import { errorMessages } from '../i18n/error-messages.js';
import { HeketiError } from '../tools/heketi-error.js';
import { ToolError } from '../tools/tool-error.js';

/** Why the program was asked to stop, if it was: decides the exit code over the flow's own. */
export type StopCause = 'interrupt' | 'SIGTERM' | 'SIGHUP' | 'output-closed';

/** What a failure becomes: the exit code, and the sentence and stable code `--json` reports. */
export interface ExplainedFailure {
  exitCode: number;
  /** e.g. `usage`, `config-invalid`, `lab-locked`, `EROFS`, `interrupted`, `unexpected`. */
  code: string;
  message: string;
  /** false when nothing more is to be written (the stop was announced already). */
  say: boolean;
}

/** The exit code each way of being stopped ends with (SPEC §3); a closed output pipe is no failure. */
export function stopExitCode(cause: StopCause): number {
  switch (cause) {
    case 'interrupt':
      return ExitCode.interrupted;
    case 'SIGTERM':
      return ExitCode.terminated;
    case 'SIGHUP':
      return ExitCode.hungUp;
    case 'output-closed':
      return ExitCode.ok;
  }
}

const stopCodes: Record<StopCause, string> = { interrupt: 'interrupted', SIGTERM: 'terminated', SIGHUP: 'hung-up', 'output-closed': 'output-closed' };

/**
 * The one place a thrown error becomes an exit code and a sentence (Shopify cli-kit's
 * error-handler idea): being stopped, a cancelled question, a usage error, an explained
 * failure, a failed tool, a problem of the machine's files — and only what is left is a bug.
 */
async function explainFailure(error: unknown, lang: Lang, cause: StopCause | undefined, aborted: boolean): Promise<ExplainedFailure> {
  const t = translator(errorMessages, lang);
  const message = error instanceof Error ? error.message : String(error);
  if (cause) return { exitCode: stopExitCode(cause), code: stopCodes[cause], message, say: false };
  const name = error instanceof Error ? error.name : '';
  // @inquirer/prompts: Ctrl-C at a question (Exit), or the flow's signal aborted it (Abort).
  if (name === 'ExitPromptError' || name === 'CancelPromptError') return { exitCode: ExitCode.interrupted, code: 'interrupted', message: t('promptCancelled'), say: true };
  if (aborted || name === 'AbortPromptError') return { exitCode: ExitCode.interrupted, code: 'interrupted', message, say: false };
  if (error instanceof UsageError) return { exitCode: ExitCode.usage, code: 'usage', message, say: true };
  if (error instanceof ExplainedError) return { exitCode: ExitCode.failed, code: error.code, message, say: true };
  // The one way every command says a tool failed: its own words, cleaned, and the known issue.
  // (The catalogue, with its YAML and schema, is loaded only then: not on every start.)
  if (error instanceof ToolError || error instanceof HeketiError) {
    const { failureLines } = await import('../diagnosis/explain-failure.js');
    return { exitCode: ExitCode.failed, code: 'tool-failed', message: failureLines(error, lang).join('\n'), say: true };
  }
  const env = environmentSentence(error, t);
  if (env) return { exitCode: ExitCode.failed, code: env.code, message: env.message, say: true };
  const detail = error instanceof Error ? (error.stack ?? message) : message;
  return { exitCode: ExitCode.failed, code: 'unexpected', message: `${t('unexpectedError', { message: detail })}\n${t('unexpectedErrorHint')}`, say: true };
}

type ErrorKey = keyof typeof errorMessages.en;

const sentenceFor: Record<string, ErrorKey> = {
  EROFS: 'readOnly',
  ENOSPC: 'noSpace',
  EDQUOT: 'quota',
  EACCES: 'denied',
  EPERM: 'denied',
  ENOTDIR: 'notDir',
  ENOENT: 'missing',
  EISDIR: 'isDir',
  ENAMETOOLONG: 'tooLong',
  ELOOP: 'tooLong',
  EMFILE: 'tooManyFiles',
  ENFILE: 'tooManyFiles',
  EIO: 'ioError',
};

/** An error of the file system (it has an errno code like EROFS and usually the path) as one sentence. */
function environmentSentence(error: unknown, t: (key: ErrorKey, params?: Record<string, string>) => string): { code: string; message: string } | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, path, syscall } = error as NodeJS.ErrnoException;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code) || (syscall === undefined && path === undefined)) return undefined;
  // mkdir answering ENOENT under a folder that exists (makeDir made every missing level above it).
  const key = code === 'ENOENT' && syscall === 'mkdir' ? 'cannotCreate' : sentenceFor[code];
  if (path === undefined) return { code, message: t('noPath', { reason: error.message }) };
  return { code, message: key ? t(key, { path }) : t('otherPath', { path, reason: error.message }) };
}

/** Writes the failure's sentence (when there is one to say) and gives the whole account. */
export async function reportError(error: unknown, ctx: AppContext, cause?: StopCause): Promise<ExplainedFailure> {
  const failure = await explainFailure(error, ctx.lang, cause, ctx.signal.aborted);
  if (failure.say) ctx.stderr.write(`${failure.message}\n`);
  return failure;
}

/**
 * A step as the wizard and the demo's tour run it: its errors end in the same sentences and
 * codes as a command's, so a refused write or a cancelled question returns to the home screen.
 */
export function guardedRunner(run: CommandRunner): CommandRunner {
  return async (ctx, input) => {
    try {
      return await run(ctx, input);
    } catch (error) {
      return (await reportError(error, ctx)).exitCode;
    }
  };
}
