import { createElement } from 'react';
import { render } from 'ink';
import { commands } from '../cli/commands.js';
import { ExitCode } from '../cli/exit-codes.js';
import { createInterrupts, routeSigint } from '../cli/interrupts.js';
import type { AppContext } from '../context.js';
import { cliMessages } from '../i18n/cli-messages.js';
import { translator } from '../i18n/define.js';
import { wizardMessages } from '../i18n/wizard-messages.js';
import { readLabSummary } from '../lab/lab-summary.js';
import { HomeScreen } from '../ui/home-screen.js';
import { homeModel, type VmCount } from './home-rows.js';
import { simulationLabel } from './simulation-label.js';
import { wizardSteps } from './wizard-steps.js';

/**
 * `gluster-lab` with no command: the home screen, then the chosen step, then home
 * again with the state read afresh — until the user quits.
 */
export async function wizardFlow(ctx: AppContext): Promise<number> {
  const t = translator(wizardMessages, ctx.lang);
  let lastResult: string | undefined;
  for (;;) {
    const summary = await readLabSummary(ctx.labDir, ctx.lang);
    let chosen: string | undefined;
    const screen = (vms?: VmCount) =>
      createElement(HomeScreen, {
        title: t('title'),
        labLine: t('labDir', { dir: ctx.labDir }),
        model: homeModel(summary, ctx.lang, vms),
        labels: { next: t('next'), more: t('more'), help: t('help'), simulation: simulationLabel(ctx) },
        lastResult,
        onChoose: (command) => (chosen = command),
      });
    const app = render(screen(), { stdout: ctx.stdout, stdin: process.stdin, exitOnCtrlC: false, patchConsole: false });
    // The VM states take vagrant a second or two: the screen is usable meanwhile.
    const stopReading = new AbortController();
    if (summary.config) {
      // vagrant (and the process runner) only when there is a lab to ask about.
      const { readVmCount } = await import('./read-vm-count.js');
      void readVmCount(ctx, summary.config, stopReading.signal).then((vms) => {
        if (vms && !stopReading.signal.aborted) app.rerender(screen(vms));
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
    process.stdin.ref();

    const started = Date.now();
    const code = await runStep(ctx, chosen);
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

/** Runs one step with its own Ctrl-C: interrupting a step returns to the home screen. */
async function runStep(ctx: AppContext, command: string): Promise<number> {
  const spec = commands.find((c) => c.name === command);
  if (!spec) return ExitCode.usage;
  const cli = translator(cliMessages, ctx.lang);
  const interrupts = createInterrupts((stage) => ctx.stderr.write(`\n${cli(stage === 1 ? 'interruptedFirst' : 'interruptedForce')}\n`));
  const restore = routeSigint(interrupts.interrupt);
  const stepCtx: AppContext = { ...ctx, signal: interrupts.signal, forceSignal: interrupts.forceSignal, interrupt: interrupts.interrupt };
  // A stop for the whole program (terminal closed, SIGTERM, output pipe closed) stops the step too.
  const stopStep = () => interrupts.abortQuietly();
  ctx.signal.addEventListener('abort', stopStep, { once: true });
  try {
    const run = await spec.load();
    // Steps with an Ink screen draw the simulation banner themselves; the others print
    // plain lines and prompts, so the marker goes above them here.
    const simulation = simulationLabel(ctx);
    if (simulation && !stepsWithOwnBanner.has(command)) ctx.stdout.write(`\n[ ${simulation} ]\n`);
    return await run(stepCtx, { args: [], options: {} });
  } catch (error) {
    if (interrupts.signal.aborted || (error instanceof Error && error.name === 'ExitPromptError')) return ExitCode.interrupted;
    ctx.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return ExitCode.failed;
  } finally {
    ctx.signal.removeEventListener('abort', stopStep);
    restore();
  }
}
