import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandRunner, StepLoader } from '../command-runner.js';
import { ExitCode, UsageError } from '../exit-codes.js';
import type { AppContext } from '../context.js';
import { translator } from '../i18n/define.js';
import { demoMessages } from '../i18n/demo-messages.js';
import { applyInit, planInit } from '../lab/init-lab.js';
import { packageRoot } from '../lab/package-root.js';
// The only production import of the simulator: `demo` is what it exists for.
import { simulatedHostProbes } from '../sim/host-facts.js';
import { isScenarioName, scenarioNames, type ScenarioName } from '../sim/scenarios.js';
import { startSimLab, writeSimLabConfig } from '../sim/sim-lab.js';
import { wizardFlow } from './wizard.js';

/** What the tour runs without a terminal, with the answers a person would give. */
const tour: Array<{ command: string; options: Record<string, unknown> }> = [
  { command: 'check', options: {} },
  { command: 'up', options: {} },
  { command: 'status', options: {} },
  { command: 'storage', options: { pvc: 'gvol-1', size: '10Gi', client: true } },
  { command: 'default-class', options: {} },
  { command: 'doctor', options: {} },
];

/**
 * `demo`: the wizard against the simulated lab in a temporary lab directory. In a
 * terminal it is the wizard itself; in a pipe, a scripted tour of the same steps.
 * Everything it made is removed when it ends, however it ends.
 */
export const demoCommand = (loadStep: StepLoader): CommandRunner => async (ctx, { options }) => {
  const t = translator(demoMessages, ctx.lang);
  const scenarios = parseScenarios(options.scenario, t);
  const speed = parseSpeed(options.speed, t);

  const root = await mkdtemp(join(tmpdir(), 'gluster-lab-demo-'));
  const labDir = join(root, 'lab');
  try {
    await applyInit(await planInit(labDir, join(packageRoot(), 'provisioning')));
    const sim = await startSimLab({ root: join(root, 'sim'), labDir, scenarios, speed });
    try {
      // The lab must never point at its own addresses (192.168.56.x by default): Heketi is the simulator's.
      await writeSimLabConfig(labDir, sim.heketiUrl);
      const demoCtx: AppContext = { ...ctx, labDir, env: sim.env, simulation: true, waitScale: speed, kube: {}, hostProbes: simulatedHostProbes(scenarios) };
      ctx.stderr.write(`${t('starting', { dir: labDir })}\n${t('scenarios', { names: scenarios.join(', ') })}\n`);
      return ctx.interactive ? await wizardFlow(demoCtx, loadStep) : await runTour(demoCtx, loadStep, scenarios, t);
    } finally {
      await sim.stop();
    }
  } finally {
    await rm(root, { recursive: true, force: true });
    ctx.stderr.write(`${t('finished')}\n`);
  }
};

async function runTour(ctx: AppContext, loadStep: StepLoader, scenarios: readonly ScenarioName[], t: ReturnType<typeof translator<keyof typeof demoMessages.en>>): Promise<number> {
  const tourCtx: AppContext = { ...ctx, yes: true };
  // The scenario's problem is shown by doctor; its repair belongs in the tour too.
  const steps = scenarios.includes('permission-denied') ? [...tour, { command: 'fix-permissions', options: { allSuspected: true } }] : tour;
  for (const step of steps) {
    const run = await loadStep(step.command);
    if (!run) continue;
    ctx.stdout.write(`\n${t('tourStep', { command: step.command })}\n`);
    const code = await run(tourCtx, { args: [], options: step.options });
    if (ctx.signal.aborted) return ExitCode.interrupted;
    if (code !== ExitCode.ok && step.command !== 'doctor' && step.command !== 'check') {
      ctx.stdout.write(`${t('tourStepFailed', { command: step.command, code })}\n`);
      return code;
    }
  }
  return ExitCode.ok;
}

function parseScenarios(value: unknown, t: ReturnType<typeof translator<keyof typeof demoMessages.en>>): ScenarioName[] {
  const names = (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(String);
  for (const name of names) {
    if (!isScenarioName(name)) throw new UsageError(t('badScenario', { name, names: scenarioNames.join(', ') }));
  }
  return names.length > 0 ? (names as ScenarioName[]) : ['healthy'];
}

function parseSpeed(value: unknown, t: ReturnType<typeof translator<keyof typeof demoMessages.en>>): number {
  if (value === undefined) return 5;
  const speed = Number(value);
  if (!Number.isFinite(speed) || speed < 1 || speed > 1000) throw new UsageError(t('badSpeed', { value: typeof value === 'string' ? value : JSON.stringify(value) }));
  return speed;
}
