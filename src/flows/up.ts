import { makeDir } from '../lab/atomic-write.js';
import { reflowSafeOutput } from '../ui/reflow-safe-output.js';
import { dirname } from 'node:path';
import { createElement } from 'react';
import type { CommandRunner } from '../command-runner.js';
import { ExitCode, ExplainedError } from '../exit-codes.js';
import type { AppContext } from '../context.js';
import { labVarsAt } from '../diagnosis/catalogue-vars.js';
import { diagnoseFile, diagnoseText } from '../diagnosis/scan-log.js';
import type { Finding } from '../diagnosis/finding.js';
import { translator } from '../i18n/define.js';
import { upMessages } from '../i18n/up-messages.js';
import { wizardMessages } from '../i18n/wizard-messages.js';
import type { LabConfig } from '../lab/config-schema.js';
import { readLabSummary, recordVmCount } from '../lab/lab-summary.js';
import { labConfigOrReport } from './lab-config.js';
import { parallelUp } from './up-parallel.js';
import { copyLabKubeconfig } from './up-kubeconfig.js';
import { unusableSecret } from '../lab/lab-secrets.js';
import { unusableSecretText } from './unusable-secret-text.js';
import { nextStepAfterSuccess, nextStepHint } from './next-step.js';
import { ToolError } from '../tools/tool-error.js';
import { vagrantUp } from '../tools/vagrant.js';
import type { VagrantEvent } from '../tools/vagrant-events.js';
import { bringupOrder } from '../up/bringup-order.js';
import type { BringupOutcome, BringupState } from '../up/bringup-reducer.js';
import { BringupStore } from '../up/bringup-store.js';
import { diagnosisInput, outcomeLines, vmSummaryLine, type SummaryLine } from '../up/bringup-summary.js';
import { logFilePath } from '../up/log-file-name.js';
import { plainLine } from '../up/plain-line.js';
import { readProvisionFailed, recordProvisionOutcome } from '../up/provision-retry.js';

export const upCommand: CommandRunner = (ctx, { options }) => upFlow(ctx, { provision: options.provision === true, parallel: options.parallel !== false });

/**
 * `up`: `vagrant up` with the live screen (or plain lines without a terminal), then a summary.
 * Provisions existing VMs again when asked (`--provision`) or when the last `up` failed there.
 */
export async function upFlow(ctx: AppContext, options: { provision?: boolean; parallel?: boolean } = {}): Promise<number> {
  const config = await labConfigOrReport(ctx);
  if (!config) return ExitCode.failed;
  // An empty or broken key would be copied into the VMs by the provisioning: stop before.
  const secret = await unusableSecret(ctx.labDir);
  if (secret) throw new ExplainedError(unusableSecretText(secret, ctx), 'secret-unusable');
  const logFile = logFilePath(ctx.labDir, 'up', new Date());
  await makeDir(dirname(logFile));
  const store = new BringupStore(bringupOrder(config));
  const retry = await readProvisionFailed(ctx.labDir);
  if (retry.length > 0) ctx.stderr.write(`${translator(upMessages, ctx.lang)('provisionAgain', { vms: retry.join(', ') })}\n`);
  const onAbort = () => store.dispatch({ type: 'stopping' });
  ctx.signal.addEventListener('abort', onAbort, { once: true });
  try {
    const run: UpRun = {
      config,
      store,
      logFile,
      provision: options.provision === true,
      retry,
      // One `vagrant up` per VM at once (the default), or Vagrant's own one-by-one order.
      parallel: options.parallel !== false && store.getState().order.length > 1,
    };
    const code = ctx.interactive ? await upWithScreen(ctx, run) : await upPlain(ctx, run);
    await recordProvisionOutcome(ctx.labDir, store.getState());
    // The lab's own cluster, once its node is up: every later kubectl call of the lab uses it.
    await copyLabKubeconfig(ctx, config, store.getState());
    return code;
  } finally {
    ctx.signal.removeEventListener('abort', onAbort);
  }
}

interface UpRun {
  config: LabConfig;
  store: BringupStore;
  logFile: string;
  /** `--provision`: every VM provisions again. */
  provision: boolean;
  /** VMs whose provisioning failed in the last `up`: they provision again. */
  retry: readonly string[];
  parallel: boolean;
}

/** Runs vagrant up, feeding every event to `store` (and `onEvent`); the outcome, never a throw for a vagrant failure. */
async function runUp(ctx: AppContext, run: UpRun, onEvent?: (e: VagrantEvent) => void): Promise<BringupOutcome> {
  const { store, logFile } = run;
  const outcome = run.parallel
    ? await parallelUp(ctx, run.config, { store, logFile, onEvent, provision: (name) => run.provision || run.retry.includes(name) })
    : await sequentialUp(ctx, run, onEvent);
  const vms = store.getState().order.length;
  if (outcome === 'ok') await recordVmCount(ctx.labDir, vms, vms);
  return outcome;
}

/** One `vagrant up` for every VM, in the Vagrantfile's order. */
async function sequentialUp(ctx: AppContext, run: UpRun, onEvent?: (e: VagrantEvent) => void): Promise<BringupOutcome> {
  const { store, logFile } = run;
  let outcome: BringupOutcome;
  try {
    await vagrantUp({
      provision: run.provision || run.retry.length > 0,
      cwd: ctx.labDir,
      env: ctx.env,
      signal: ctx.signal,
      forceSignal: ctx.forceSignal,
      logFile,
      onEvent(event) {
        onEvent?.(event);
        store.dispatch(event);
      },
    });
    outcome = 'ok';
  } catch (error) {
    if (!(error instanceof ToolError)) throw error;
    if (error.kind === 'interrupted' || ctx.signal.aborted) outcome = 'interrupted';
    else {
      outcome = 'failed';
      // vagrant missing, or a crash without an error-exit record: its words are the evidence.
      if (!store.getState().errorExit) {
        for (const text of error.message.split('\n')) store.dispatch({ type: 'line', level: 'error', text });
      }
    }
  }
  store.dispatch({ type: 'finished', outcome });
  return outcome;
}

async function upWithScreen(ctx: AppContext, run: UpRun): Promise<number> {
  const { config, store, logFile } = run;
  const { render } = await import('ink');
  const { BringupScreen } = await import('../ui/bringup-screen.js');
  const simulation = ctx.simulation ? translator(wizardMessages, ctx.lang)('simulation') : undefined;
  const props = { store, lang: ctx.lang, labName: config.name, logFile, simulation, onInterrupt: ctx.interrupt };
  const out = reflowSafeOutput(ctx.stdout);
  const instance = render(createElement(BringupScreen, props), {
    stdout: out.stdout,
    stdin: ctx.stdin,
    exitOnCtrlC: false,
    patchConsole: false,
    maxFps: 10,
  });
  const outcome = await runUp(ctx, run);
  const lines = await endLines(ctx, store.getState(), logFile);
  instance.rerender(createElement(BringupScreen, { ...props, outcome: lines }));
  instance.unmount();
  await instance.waitUntilExit();
  out.dispose();
  return exitCodeOf(outcome);
}

async function upPlain(ctx: AppContext, run: UpRun): Promise<number> {
  const { store, logFile } = run;
  const t = translator(upMessages, ctx.lang);
  const width = Math.max(...store.getState().order.map((n) => n.length));
  const outcome = await runUp(ctx, run, (event) => {
    if (event.type !== 'line' || event.text.trim() === '') return;
    // Unprefixed output (ansible_local) belongs to the VM being brought up.
    ctx.stdout.write(`${plainLine(event.machine ?? store.getState().active, event.text, width)}\n`);
  });
  const state = store.getState();
  const now = state.finishedAt ?? Date.now();
  ctx.stdout.write('\n');
  for (const name of state.order) {
    const vm = state.vms[name];
    if (vm) ctx.stdout.write(`${vmSummaryLine(vm, now, t)}\n`);
  }
  const lines = await endLines(ctx, state, logFile);
  const out = outcome === 'ok' ? ctx.stdout : ctx.stderr;
  for (const line of lines) out.write(`${line.text}\n`);
  ctx.stdout.write(`${t('logFile', { path: logFile })}\n`);
  return exitCodeOf(outcome);
}

async function endLines(ctx: AppContext, state: BringupState, logFile: string): Promise<SummaryLine[]> {
  const findings = state.outcome === 'failed' ? await diagnoseBringup(ctx, state, logFile) : [];
  const lines = outcomeLines(state, findings, logFile, translator(upMessages, ctx.lang));
  if (state.outcome !== 'ok') return lines;
  // What comes next depends on the lab: a lab whose storage is done is not sent to `storage` again.
  const summary = await readLabSummary(ctx.labDir, ctx.lang);
  const next = nextStepAfterSuccess(summary, { running: state.order.length, total: state.order.length });
  return [...lines, { text: nextStepHint(next, ctx.lang), tone: 'plain' }];
}

/** The known issues behind a failed bring-up: the failed VM's last lines first, the whole log if they say nothing. */
async function diagnoseBringup(ctx: AppContext, state: BringupState, logFile: string): Promise<Finding[]> {
  try {
    const options = { lang: ctx.lang, vars: await labVarsAt(ctx.labDir) };
    const found = diagnoseText(diagnosisInput(state), options);
    return found.length > 0 ? found : await diagnoseFile(logFile, options);
  } catch {
    // A broken catalogue must not hide the failure itself: the error lines are still shown.
    return [];
  }
}

function exitCodeOf(outcome: BringupOutcome): number {
  return outcome === 'ok' ? ExitCode.ok : outcome === 'interrupted' ? ExitCode.interrupted : ExitCode.failed;
}
