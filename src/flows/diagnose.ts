import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { CommandRunner } from '../command-runner.js';
import type { AppContext } from '../context.js';
import { ExitCode, ExplainedError } from '../exit-codes.js';
import { labVarsAt } from '../diagnosis/catalogue-vars.js';
import { diagnoseInput, inputLimits } from '../diagnosis/scan-log.js';
import { findingsJson, renderFindings } from '../diagnosis/render-findings.js';
import { translator } from '../i18n/define.js';
import { diagnoseInputMessages } from '../i18n/diagnose-input-messages.js';
import { diagnosisMessages } from '../i18n/diagnosis-messages.js';
import { wizardMessages } from '../i18n/wizard-messages.js';

/**
 * `gluster-lab diagnose FILE|-`: matches a pasted or saved log against the known-issue
 * catalogue. Exit 0 when the log was read (findings or not), 1 when the file cannot be
 * read, 2 for a missing argument. `stdin` is injectable for tests; `pasted` names the
 * source "the pasted log" instead of "standard input" (the wizard's paste box).
 */
export async function diagnoseFlow(
  ctx: AppContext,
  input: string,
  stdin: NodeJS.ReadableStream = ctx.stdin,
  options: { pasted?: boolean; limits?: { maxBytes?: number; maxMs?: number } } = {},
): Promise<number> {
  const t = translator(diagnosisMessages, ctx.lang);
  const inputText = translator(diagnoseInputMessages, ctx.lang);
  if (!input) {
    ctx.stderr.write(`${t('usage')}\n`);
    return 2;
  }
  const fromStdin = input === '-';
  const source = fromStdin ? t(options.pasted ? 'pastedName' : 'stdinName') : t('fileName', { file: input });
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    if (!fromStdin) handle = await open(input, 'r');
    const readable = handle ? handle.createReadStream({ autoClose: false }) : stdin;
    // The fix names the lab's own range when there is a lab here; the default lab's otherwise.
    const read = await diagnoseInput(readable, { lang: ctx.lang, vars: await labVarsAt(ctx.labDir), signal: ctx.signal, ...options.limits });
    if (read.stopped === 'interrupted') return ExitCode.interrupted;
    if (read.binary) throw new ExplainedError(inputText('notText', { source }), 'not-text');
    const { findings, textLines } = read;
    const unread = read.stopped === 'size' ? inputText('stoppedSize', { source, limit: sizeText(options.limits?.maxBytes ?? inputLimits.maxBytes) })
      : read.stopped === 'time' ? inputText('stoppedTime', { source, seconds: Math.round((options.limits?.maxMs ?? inputLimits.maxMs) / 1000) })
        : undefined;
    if (ctx.json) ctx.stdout.write(findingsJson(findings, read.stopped === 'size' || read.stopped === 'time' ? { reason: read.stopped, bytesRead: read.bytesRead } : undefined));
    // "Nothing matched" would send the reader to look for an error that was never there.
    else if (textLines === 0 && !unread) ctx.stdout.write(`${t('emptyInput', { source })}\n`);
    else ctx.stdout.write(renderFindings(findings, ctx.lang, source));
    if (unread) ctx.stderr.write(`${unread}\n`);
    return ExitCode.ok;
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    // Only file-system errors are the user's to fix here; the rest goes to the top-level handler.
    if (!err.syscall) throw error;
    ctx.stderr.write(`${t('unreadable', { file: input, reason: err.code === 'EISDIR' ? t('isDirectory') : err.message })}\n`);
    return 1;
  } finally {
    await handle?.close();
  }
}

/**
 * `diagnose FILE|-`, and in the wizard (no argument, a terminal) a question for the
 * file or a paste box, so a log copied from a browser or chat can be explained too.
 */
export const diagnoseCommand: CommandRunner = async (ctx, { args }) => {
  const file = args[0];
  if (file !== undefined || !ctx.interactive) return diagnoseFlow(ctx, file ?? '');
  const t = translator(wizardMessages, ctx.lang);
  const { input } = await import('@inquirer/prompts');
  const path = (await input({ message: t('diagnoseAskPath') }, { signal: ctx.signal, output: ctx.stdout })).trim();
  if (path) return diagnoseFlow(ctx, path);
  ctx.stdout.write(`${t('diagnosePasteHint')}\n`);
  return diagnoseFlow(ctx, '-', Readable.from(await readPaste(ctx)), { pasted: true });
};

/** Lines typed or pasted until a line that is just END (or the input ends). */
async function readPaste(ctx: AppContext): Promise<string[]> {
  const lines: string[] = [];
  const reader = createInterface({ input: ctx.stdin, terminal: false });
  const stop = () => reader.close();
  ctx.signal.addEventListener('abort', stop, { once: true });
  try {
    for await (const line of reader) {
      if (line.trim() === 'END') break;
      lines.push(`${line}\n`);
    }
  } finally {
    ctx.signal.removeEventListener('abort', stop);
    reader.close();
  }
  return lines;
}

/** 64 MiB, 512 KiB: the limit as a reader of the note thinks of it. */
function sizeText(bytes: number): string {
  return bytes >= 1 << 20 ? `${Math.round(bytes / (1 << 20))} MiB` : `${Math.round(bytes / 1024)} KiB`;
}
