import { makeDir } from '../lab/atomic-write.js';
import { dirname } from 'node:path';
import type { CommandRunner } from '../command-runner.js';
import { ExitCode } from '../exit-codes.js';
import type { AppContext } from '../context.js';
import { translator } from '../i18n/define.js';
import { upMessages } from '../i18n/up-messages.js';
import { explainFailure, findingLines } from '../diagnosis/explain-failure.js';
import { ToolError } from '../tools/tool-error.js';
import { VagrantError } from '../tools/vagrant-error.js';
import type { VagrantStreamOptions } from '../tools/vagrant.js';
import { vagrantHalt } from '../tools/vagrant.js';
import { logFilePath } from '../up/log-file-name.js';
import { plainLine } from '../up/plain-line.js';
import { recordVmCount } from '../lab/lab-summary.js';
import { labConfigOrReport } from './lab-config.js';
import { toolOptions } from './tool-options-from-context.js';

export const haltCommand: CommandRunner = (ctx) => haltFlow(ctx);

/** `halt`: stops every VM (their disks and data stay); `up` resumes them. */
export async function haltFlow(ctx: AppContext): Promise<number> {
  const t = translator(upMessages, ctx.lang);
  const config = await labConfigOrReport(ctx);
  if (!config) return ExitCode.failed;
  ctx.stdout.write(`${t('haltStart', { name: config.name })}\n`);
  const result = await runVagrantPlain(ctx, 'halt', vagrantHalt);
  if (result.ok) {
    await recordVmCount(ctx.labDir, 0, config.machines.length);
    ctx.stdout.write(`${t('haltDone')}\n`);
  } else if (result.interrupted) ctx.stderr.write(`${t('interruptedPlain', { path: result.logFile })}\n`);
  else reportVagrantFailure(ctx, 'haltFailed', result);
  return result.ok ? ExitCode.ok : result.interrupted ? ExitCode.interrupted : ExitCode.failed;
}

/**
 * Why halt or destroy failed, as `up` says it: Vagrant's error class (its own paragraph was
 * just printed with the other lines, so it is not repeated), the known issue behind it, and
 * where the full log is.
 */
export function reportVagrantFailure(ctx: AppContext, key: 'haltFailed' | 'destroyFailed', result: Extract<PlainRun, { ok: false }>): void {
  const t = translator(upMessages, ctx.lang);
  const explained = explainFailure(result.error, ctx.lang);
  const reason = result.error instanceof VagrantError ? result.error.errorClass : explained.reason;
  const lines = [t(key, { reason }), ...findingLines(explained.findings.slice(0, 1), ctx.lang), t('logFile', { path: result.logFile })];
  ctx.stderr.write(`${lines.join('\n')}\n`);
}

export type PlainRun = { ok: true; logFile: string } | { ok: false; interrupted: boolean; error: ToolError; logFile: string };

/**
 * Runs a vagrant command that needs no live screen (halt, destroy), printing each
 * line prefixed by its VM — the same lines in a terminal and in a pipe.
 */
export async function runVagrantPlain(ctx: AppContext, name: string, command: (opts: VagrantStreamOptions) => Promise<void>): Promise<PlainRun> {
  const logFile = logFilePath(ctx.labDir, name, new Date());
  await makeDir(dirname(logFile));
  let active: string | undefined;
  try {
    await command({
      ...toolOptions(ctx, { cwd: ctx.labDir }),
      logFile,
      onEvent(event) {
        if (event.type === 'action') active = event.state === 'start' ? event.machine : undefined;
        if (event.type === 'line' && event.text.trim() !== '') ctx.stdout.write(`${plainLine(event.machine ?? active, event.text)}\n`);
      },
    });
    return { ok: true, logFile };
  } catch (error) {
    if (!(error instanceof ToolError)) throw error;
    const interrupted = error.kind === 'interrupted' || ctx.signal.aborted;
    return { ok: false, interrupted, error, logFile };
  }
}
