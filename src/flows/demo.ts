import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandRunner, StepLoader } from '../command-runner.js';
import { ExitCode, UsageError } from '../exit-codes.js';
import type { AppContext } from '../context.js';
import { translator } from '../i18n/define.js';
import { demoMessages } from '../i18n/demo-messages.js';
import { applyInit, planInit } from '../lab/init-lab.js';
import { labFiles } from '../lab/lab-files.js';
import { defaultLabConfig } from '../lab/defaults.js';
import { withKubeNode } from '../lab/kube-node-file.js';
import { kubeVersionFromOption } from '../lab/kube-node-option.js';
import { kubeVersionChoices } from '../lab/kube-versions.js';
import { kubeNodeMessages } from '../i18n/kube-node-messages.js';
import { packageRoot } from '../lab/package-root.js';
// The only production import of the simulator: `demo` is what it exists for.
import { simulatedHostProbes } from '../sim/host-facts.js';
import { isScenarioName, scenarioNames, serverMinor, type ScenarioName } from '../sim/scenarios.js';
import { promptTheme } from '../ui/prompt-theme.js';
import { startSimLab, writeSimLabConfig } from '../sim/sim-lab.js';
import { wizardFlow } from './wizard.js';

interface TourStep {
  command: string;
  args?: string[];
  options: Record<string, unknown>;
}

/** What the tour runs without a terminal, with the answers a person would give. */
const tour: TourStep[] = [
  { command: 'check', options: {} },
  { command: 'up', options: {} },
  { command: 'status', options: {} },
  { command: 'storage', options: { pvc: 'gvol-1', size: '10Gi', client: true } },
  { command: 'default-class', options: {} },
  { command: 'doctor', options: {} },
];

/**
 * On the lab's own cluster the whole path, from nothing to a claim a non-root pod can write
 * to: the claim is repaired for non-root writers before doctor looks at every layer.
 */
const ownClusterTour: typeof tour = [
  ...tour.filter((step) => step.command !== 'doctor'),
  { command: 'fix-permissions', options: {}, args: ['default/gvol-1'] },
  { command: 'doctor', options: {} },
];

/**
 * `demo`: the wizard against the simulated lab in a temporary lab directory. In a
 * terminal it is the wizard itself; in a pipe, a scripted tour of the same steps.
 * Everything it made is removed when it ends, however it ends.
 */
export const demoCommand = (loadStep: StepLoader): CommandRunner => async (ctx, { options }) => {
  const t = translator(demoMessages, ctx.lang);
  const speed = parseSpeed(options.speed, t);
  // With --kubernetes the cluster is the lab's own node: there is no other cluster to pick.
  const scenarios = options.scenario === undefined && options.kubernetes === undefined && ctx.interactive ? await askCluster(ctx, t) : parseScenarios(options.scenario, t);

  const root = await mkdtemp(join(tmpdir(), 'gluster-lab-demo-'));
  const labDir = join(root, 'lab');
  try {
    const nodeVersion = demoNodeVersion(options.kubernetes, ctx);
    const config = nodeVersion === undefined ? undefined : withKubeNode(defaultLabConfig, nodeVersion);
    await applyInit(await planInit(labDir, join(packageRoot(), 'provisioning'), { config }));
    const sim = await startSimLab({ root: join(root, 'sim'), labDir, scenarios, speed });
    try {
      // The lab must never point at its own addresses (192.168.56.x by default): Heketi is the simulator's.
      await writeSimLabConfig(labDir, sim.heketiUrl);
      const demoCtx: AppContext = { ...ctx, labDir, env: sim.env, simulation: true, waitScale: speed, kube: { labKubeconfig: join(labDir, labFiles.kubeconfig) }, hostProbes: simulatedHostProbes(scenarios) };
      ctx.stderr.write(`${t('starting', { dir: labDir })}\n${t('scenarios', { names: scenarios.join(', ') })}\n`);
      if (nodeVersion !== undefined) ctx.stderr.write(`${translator(kubeNodeMessages, ctx.lang)('demoNode', { version: nodeVersion })}\n`);
      return ctx.interactive ? await wizardFlow(demoCtx, loadStep) : await runTour(demoCtx, loadStep, scenarios, t, nodeVersion !== undefined);
    } finally {
      await sim.stop();
    }
  } finally {
    await rm(root, { recursive: true, force: true });
    ctx.stderr.write(`${t('finished')}\n`);
  }
};

async function runTour(ctx: AppContext, loadStep: StepLoader, scenarios: readonly ScenarioName[], t: ReturnType<typeof translator<keyof typeof demoMessages.en>>, ownCluster = false): Promise<number> {
  const tourCtx: AppContext = { ...ctx, yes: true };
  const steps = ownCluster ? ownClusterTour : tourSteps(scenarios);
  for (const step of steps) {
    const run = await loadStep(step.command);
    if (!run) continue;
    ctx.stdout.write(`\n${t('tourStep', { command: [step.command, ...(step.args ?? [])].join(' ') })}\n`);
    const code = await run(tourCtx, { args: step.args ?? [], options: step.options });
    if (ctx.signal.aborted) return ExitCode.interrupted;
    if (code !== ExitCode.ok && step.command !== 'doctor' && step.command !== 'check') {
      ctx.stdout.write(`${t('tourStepFailed', { command: step.command, code })}\n`);
      return code;
    }
  }
  return ExitCode.ok;
}

/**
 * The tour for these scenarios. A fresh claim a non-root pod cannot write to, on either path
 * (a new GlusterFS volume's root and csi-driver-nfs's subdirectory both belong to root), so
 * the repair (proved by a non-root write) comes before the default class and doctor ends
 * the tour with nothing to report. Under 'permission-denied' doctor is the one to find the
 * non-root app's denied write first (on a cluster with the in-tree plugin), and the repair
 * follows it. A scenario's problem is shown by doctor; its repair belongs in the tour too.
 */
function tourSteps(scenarios: readonly ScenarioName[]): TourStep[] {
  const steps = [...tour];
  const repairFirst = serverMinor(scenarios) >= 26 || !scenarios.includes('permission-denied');
  if (repairFirst) steps.splice(steps.findIndex((s) => s.command === 'default-class'), 0, { command: 'fix-permissions', args: ['default/gvol-1'], options: {} });
  if (scenarios.includes('permission-denied')) steps.push({ command: 'fix-permissions', options: { allSuspected: true } });
  return steps;
}

/** In a terminal without --scenario: which Kubernetes the simulated cluster runs, today's (the CSI path) first. */
async function askCluster(ctx: AppContext, t: ReturnType<typeof translator<keyof typeof demoMessages.en>>): Promise<ScenarioName[]> {
  const { select } = await import('@inquirer/prompts');
  const choice = await select<'k8s-1.31' | 'healthy'>(
    { message: t('askCluster'), choices: [{ value: 'k8s-1.31', name: t('clusterToday') }, { value: 'healthy', name: t('clusterGuide') }], default: 'k8s-1.31', theme: promptTheme(ctx.lang).list },
    { signal: ctx.signal, output: ctx.stdout },
  );
  return [choice];
}

/**
 * `--kubernetes [VERSION]`: the version of the lab's own node, undefined without the option.
 * Bare, it is today's release (the CSI path), as `init --kubernetes` chooses; "heketi" is the
 * original guide's v1.25, "current" and v1.N are taken as given.
 */
function demoNodeVersion(value: unknown, ctx: AppContext): string | undefined {
  if (value === undefined || value === false) return undefined;
  const version = kubeVersionFromOption(value === true ? 'current' : value);
  if (version === undefined) throw new UsageError(translator(kubeNodeMessages, ctx.lang)('initBadVersion', { value: typeof value === 'string' ? value : JSON.stringify(value), ...kubeVersionChoices }));
  return version;
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
