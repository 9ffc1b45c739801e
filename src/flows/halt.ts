import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CommandRunner } from '../command-runner.js';
import { ExitCode } from '../exit-codes.js';
import type { AppContext } from '../context.js';
import { translator } from '../i18n/define.js';
import { upMessages } from '../i18n/up-messages.js';
import { shortReason } from '../tools/short-reason.js';
import { ToolError } from '../tools/tool-error.js';
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
  }
  else if (result.interrupted) ctx.stderr.write(`${t('interruptedPlain', { path: result.logFile })}\n`);
  else ctx.stderr.write(`${t('haltFailed', { reason: result.reason, path: result.logFile })}\n`);
  return result.ok ? ExitCode.ok : result.interrupted ? ExitCode.interrupted : ExitCode.failed;
}

export type PlainRun = { ok: true; logFile: string } | { ok: false; interrupted: boolean; reason: string; logFile: string };

/**
 * Runs a vagrant command that needs no live screen (halt, destroy), printing each
 * line prefixed by its VM — the same lines in a terminal and in a pipe.
 */
export async function runVagrantPlain(ctx: AppContext, name: string, command: (opts: VagrantStreamOptions) => Promise<void>): Promise<PlainRun> {
  const logFile = logFilePath(ctx.labDir, name, new Date());
  await mkdir(dirname(logFile), { recursive: true });
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
    return { ok: false, interrupted, reason: shortReason(error), logFile };
  }
}
