import { createElement } from 'react';
import { render } from 'ink';
import type { StepLoader } from '../command-runner.js';
import { ExitCode } from '../exit-codes.js';
import { createInterrupts, routeSigint } from '../interrupts.js';
import type { AppContext } from '../context.js';
import { cliMessages } from '../i18n/cli-messages.js';
import { translator } from '../i18n/define.js';
import { wizardMessages } from '../i18n/wizard-messages.js';
import { readLabSummary } from '../lab/lab-summary.js';
import { HomeScreen } from '../ui/home-screen.js';
import { homeModel, type VmReading } from './home-rows.js';
import { readVmCount } from './read-vm-count.js';
import { simulationLabel } from './simulation-label.js';
import { wizardSteps } from './wizard-steps.js';

/**
 * `gluster-lab` with no command: the home screen, then the chosen step, then home
 * again with the state read afresh — until the user quits.
 */
export async function wizardFlow(ctx: AppContext, loadStep: StepLoader): Promise<number> {
  const t = translator(wizardMessages, ctx.lang);
  let lastResult: string | undefined;
  for (;;) {
    const summary = await readLabSummary(ctx.labDir, ctx.lang);
    let chosen: string | undefined;
    // The first frame shows what the lab recorded last, so the cursor starts where the
    // user expects it; the VM states read meanwhile only update the rows in place.
    const screen = (vms: VmReading) =>
      createElement(HomeScreen, {
        title: t('title'),
        labLine: t('labDir', { dir: ctx.labDir }),
        model: homeModel(summary, ctx.lang, vms),
        labels: { next: t('next'), more: t('more'), help: t('help'), simulation: simulationLabel(ctx) },
        lastResult,
        onChoose: (command) => (chosen = command),
        // Ctrl-C on the home screen is an interruption (exit 130), q and Escape a quit (0).
        onInterrupt: () => ctx.interrupt(),
      });
    const app = render(screen(summary.lastVms ?? 'reading'), { stdout: ctx.stdout, stdin: ctx.stdin, exitOnCtrlC: false, patchConsole: false });
    // The VM states take vagrant a second or two: the screen is usable meanwhile.
    const stopReading = new AbortController();
    if (summary.config) {
      void readVmCount(ctx, summary.config, stopReading.signal).then((vms) => {
        if (!stopReading.signal.aborted) app.rerender(screen(vms ?? 'unreadable'));
      });
    }
    // The terminal went away (SIGHUP), or SIGTERM: leave the home screen, and the wizard.
    const leave = () => app.unmount();
    ctx.signal.addEventListener('abort', leave, { once: true });
    await app.waitUntilExit();
    ctx.signal.removeEventListener('abort', leave);
    stopReading.abort();
    app.cleanup();
    if (ctx.signal.aborted) return ExitCode.interrupted;
    if (chosen === undefined) return ExitCode.ok;
    // Ink unrefs stdin when it lets go of raw mode; a step's prompt must keep the process alive.
    ctx.stdin.ref();

    const started = Date.now();
    const code = await runStep(ctx, loadStep, chosen);
    if (ctx.signal.aborted) return ExitCode.interrupted;
    const step = wizardSteps.find((s) => s.command === chosen);
    const result = await resultText(ctx, chosen, code, started);
    lastResult = t('lastResult', { step: step ? t(step.title) : chosen, result });
  }
}

/** A step's outcome for the home screen; doctor's exit 1 means it found problems, not that it failed. */
async function resultText(ctx: AppContext, command: string, code: number, started: number): Promise<string> {
  const t = translator(wizardMessages, ctx.lang);
  if (code === ExitCode.ok) return t('resultOk');
  if (code === ExitCode.interrupted) return t('resultInterrupted');
  if (command === 'doctor' && code === ExitCode.failed) {
    const found = (await readLabSummary(ctx.labDir, ctx.lang)).lastDoctor;
    // Only this run's record: a doctor stopped before checking (bad config) wrote none.
    if (found && Date.parse(found.at) >= started - 1000) return t('resultFindings', { count: found.errors });
  }
  return t('resultFailed', { code });
}

const stepsWithOwnBanner = new Set(['check', 'up', 'doctor']);

/**
 * Runs one step with its own Ctrl-C: interrupting a step returns to the home screen. The
 * loader's steps map their own errors to codes (the top-level handler), so a refused write
 * or a cancelled question ends the step, not the wizard.
 */
async function runStep(ctx: AppContext, loadStep: StepLoader, command: string): Promise<number> {
  const run = await loadStep(command);
  if (!run) return ExitCode.usage;
  const cli = translator(cliMessages, ctx.lang);
  const interrupts = createInterrupts((stage) => ctx.stderr.write(`\n${cli(stage === 1 ? 'interruptedFirst' : 'interruptedForce')}\n`));
  const restore = routeSigint(interrupts.interrupt);
  const stepCtx: AppContext = { ...ctx, signal: interrupts.signal, forceSignal: interrupts.forceSignal, interrupt: interrupts.interrupt };
  // A stop for the whole program (SIGTERM, terminal closed, output pipe closed) stops the
  // step the same way: asked first, so it cleans up; forced when the program is forced.
  const stopStep = () => interrupts.stop();
  const forceStep = () => interrupts.abortQuietly();
  ctx.signal.addEventListener('abort', stopStep, { once: true });
  ctx.forceSignal.addEventListener('abort', forceStep, { once: true });
  try {
    // Steps with an Ink screen draw the simulation banner themselves; the others print
    // plain lines and prompts, so the marker goes above them here.
    const simulation = simulationLabel(ctx);
    if (simulation && !stepsWithOwnBanner.has(command)) ctx.stdout.write(`\n[ ${simulation} ]\n`);
    return await run(stepCtx, { args: [], options: {} });
  } finally {
    ctx.signal.removeEventListener('abort', stopStep);
    ctx.forceSignal.removeEventListener('abort', forceStep);
    restore();
  }
}
