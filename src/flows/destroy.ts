import type { CommandRunner } from '../command-runner.js';
import { ExitCode, UsageError } from '../exit-codes.js';
import type { AppContext } from '../context.js';
import { translator } from '../i18n/define.js';
import { upMessages } from '../i18n/up-messages.js';
import { getPvs } from '../tools/kubectl.js';
import { shortReason } from '../tools/short-reason.js';
import { vagrantDestroy } from '../tools/vagrant.js';
import { destroyLines, type PvLookup } from '../destroy/destroy-plan.js';
import { runVagrantPlain } from './halt.js';
import { forgetDestroyedLab } from '../lab/lab-summary.js';
import { labConfigOrReport } from './lab-config.js';
import { toolOptions } from './tool-options-from-context.js';

export const destroyCommand: CommandRunner = (ctx) => destroyFlow(ctx);

const KUBE_TIMEOUT_MS = 5_000;

/** `destroy`: says exactly what is lost, asks for the lab's name (or `--yes`), then `vagrant destroy`. */
export async function destroyFlow(ctx: AppContext): Promise<number> {
  const t = translator(upMessages, ctx.lang);
  const config = await labConfigOrReport(ctx);
  if (!config) return ExitCode.failed;
  // Without a terminal there is nobody to type the name: fail before asking anything else.
  if (!ctx.yes && !ctx.interactive) throw new UsageError(t('destroyNeedsYes'));
  const pvs = await lookUpPvs(ctx);
  ctx.stdout.write(`${destroyLines(ctx.labDir, config, pvs, t).join('\n')}\n`);
  if (!ctx.yes) {
    const typed = await askName(ctx, t('destroyType', { name: config.name }));
    if (typed.trim() !== config.name) {
      ctx.stderr.write(`${t('destroyWrongName', { typed: typed.trim(), name: config.name })}\n`);
      return ExitCode.failed;
    }
  }
  ctx.stdout.write(`${t('destroyStart')}\n`);
  const result = await runVagrantPlain(ctx, 'destroy', vagrantDestroy);
  if (result.ok) {
    await forgetDestroyedLab(ctx.labDir, config.machines.length);
    ctx.stdout.write(`${t('destroyDone', { name: config.name })}\n`);
    return ExitCode.ok;
  }
  if (result.interrupted) {
    ctx.stderr.write(`${t('interruptedPlain', { path: result.logFile })}\n`);
    return ExitCode.interrupted;
  }
  ctx.stderr.write(`${t('destroyFailed', { reason: result.reason, path: result.logFile })}\n`);
  return ExitCode.failed;
}

async function lookUpPvs(ctx: AppContext): Promise<PvLookup> {
  try {
    const list = await getPvs(ctx.kube, toolOptions(ctx, { timeoutMs: KUBE_TIMEOUT_MS }));
    return { ok: true, pvs: list.items };
  } catch (error) {
    return { ok: false, reason: shortReason(error) };
  }
}

/** The typed answer; Ctrl-C at the question is the top-level handler's to report. */
async function askName(ctx: AppContext, message: string): Promise<string> {
  const { input } = await import('@inquirer/prompts');
  return input({ message }, { signal: ctx.signal, output: ctx.stdout });
}
