import { stat } from 'node:fs/promises';
import { reflowSafeOutput } from '../ui/reflow-safe-output.js';
import { dirname, join } from 'node:path';
import type { CommandRunner } from '../command-runner.js';
import { ExitCode } from '../exit-codes.js';
import type { AppContext } from '../context.js';
import { checkIds, summarize, type CheckId, type CheckResult } from '../checks/check-result.js';
import { initialBoard, reduceBoard, releasedResults } from '../checks/check-board.js';
import { planChecks, type CheckTask } from '../checks/check-plan.js';
import { checkReportLines } from '../checks/check-report-lines.js';
import { checkText, type CheckText } from '../checks/check-text.js';
import { checkTitleKeys } from '../checks/check-titles.js';
import { sharedProbes, type HostProbes } from '../checks/host-probes.js';
import { gigabytes, labNeeds } from '../checks/lab-needs.js';
import { sortedIpv4 } from '../host/networks-conf.js';
import { shortReason } from '../tools/short-reason.js';
import { realHostProbes } from '../checks/real-host-probes.js';
import { runChecks, type CheckEvent } from '../checks/run-checks.js';
import { hostOs } from '../host/host-os.js';
import type { LabConfig } from '../lab/config-schema.js';
import { LabConfigError, loadLabConfig } from '../lab/config.js';
import { defaultLabConfig } from '../lab/defaults.js';
import { makeDir, writeFileAtomic } from '../lab/atomic-write.js';
import { labFiles } from '../lab/lab-files.js';
import type { LastCheck } from '../lab/lab-summary.js';
import { toolOptions } from './tool-options-from-context.js';
import { simulationLabel } from './simulation-label.js';

export const checkCommand: CommandRunner = (ctx) => checkFlow(ctx);

export interface CheckFlowDeps {
  /** Recorded or fake probes in tests; the real machine otherwise. */
  probes?: HostProbes;
  slowAfterMs?: number;
  now?: () => Date;
}

/**
 * `check`: every prerequisite at once, shown in a fixed order (Ink screen, plain lines or
 * --json). Exit 1 when any check fails. Records the summary in the lab for the home screen.
 */
export async function checkFlow(ctx: AppContext, deps: CheckFlowDeps = {}): Promise<number> {
  const real = realHostProbes({ kube: ctx.kube, tool: toolOptions(ctx) });
  const probes = sharedProbes(deps.probes ?? (ctx.hostProbes ? ctx.hostProbes(real) : real));
  const text = checkText(ctx.lang, hostOs(probes.platform));
  const lab = await readLab(ctx, text);
  const tasks = planChecks(probes, { config: lab.config, dir: ctx.labDir }, text);
  const crashed = (id: CheckId, error: unknown): CheckResult => ({
    id,
    status: 'failure',
    found: '',
    message: text.t('crashed', { reason: shortReason(error) }),
    fix: text.t('crashedFix'),
  });
  const options = { crashed, slowAfterMs: deps.slowAfterMs };

  let results: CheckResult[];
  if (ctx.json) results = await runChecks(tasks, options);
  else if (ctx.interactive) results = await showScreen(ctx, tasks, text, lab.note, options);
  else results = await printPlain(ctx, tasks, text, lab.note, options);

  const summary = summarize(results);
  if (ctx.json) ctx.stdout.write(`${JSON.stringify({ checks: results.map(({ id, status, found, message, fix }) => ({ id, status, found, message, fix })), summary })}\n`);
  if (lab.isLab) await recordLastCheck(ctx.labDir, { at: (deps.now?.() ?? new Date()).toISOString(), failures: summary.failures, warnings: summary.warnings });
  if (ctx.signal.aborted) return ExitCode.interrupted;
  return summary.failures > 0 ? ExitCode.failed : ExitCode.ok;
}

interface LabForCheck {
  config: LabConfig;
  /** A gluster-lab.yaml is there: the summary is recorded in the lab. */
  isLab: boolean;
  /** Said under the heading when the figures are the default lab's. */
  note?: string;
}

/** Without a (valid) lab the checks still run, against the default lab's figures, and say so. */
async function readLab(ctx: AppContext, { t }: CheckText): Promise<LabForCheck> {
  try {
    return { config: await loadLabConfig(ctx.labDir, ctx.lang), isLab: true };
  } catch (error) {
    if (!(error instanceof LabConfigError)) throw error;
    if (!error.missing) return { config: defaultLabConfig, isLab: true, note: t('labBroken', { dir: ctx.labDir }) };
    const needs = labNeeds(defaultLabConfig);
    const note = t('noLab', { dir: ctx.labDir, vms: needs.vms, memory: gigabytes(needs.memoryBytes), addresses: sortedIpv4(needs.addresses).join(', ') });
    return { config: defaultLabConfig, isLab: false, note };
  }
}

function titlesFor({ t }: CheckText): Record<CheckId, string> {
  return Object.fromEntries(checkIds.map((id) => [id, t(checkTitleKeys[id])])) as Record<CheckId, string>;
}

function summaryLine(results: readonly CheckResult[], { t }: CheckText): string {
  const summary = summarize(results);
  if (summary.failures === 0 && summary.warnings === 0) return t('summaryClean', { ok: summary.ok });
  const line = t('summary', { failures: summary.failures, warnings: summary.warnings, ok: summary.ok });
  return summary.failures > 0 ? `${line}\n${t('summaryNextFailed')}` : line;
}

type RunOptions = Parameters<typeof runChecks>[1];

/** No terminal: plain lines in the fixed order, each as soon as the rows above it are done. */
async function printPlain(ctx: AppContext, tasks: CheckTask[], text: CheckText, note: string | undefined, options: RunOptions): Promise<CheckResult[]> {
  const titles = titlesFor(text);
  const write = (line: string) => ctx.stdout.write(`${line}\n`);
  const simulation = simulationLabel(ctx);
  if (simulation) write(`[${simulation}]`);
  write(text.t('heading'));
  if (note) write(note);
  let board = initialBoard(tasks.map((task) => task.id));
  let shown = 0;
  const onEvent = (event: CheckEvent) => {
    board = reduceBoard(board, event);
    if (event.type === 'slow') write(`… ${text.t('stillChecking', { name: titles[event.id] })}`);
    for (const result of releasedResults(board, shown)) {
      for (const line of checkReportLines(result, titles[result.id])) write(line);
      shown++;
    }
  };
  const results = await runChecks(tasks, { ...options, onEvent });
  write('');
  write(summaryLine(results, text));
  return results;
}

async function showScreen(ctx: AppContext, tasks: CheckTask[], text: CheckText, note: string | undefined, options: RunOptions): Promise<CheckResult[]> {
  // Ink is loaded only for the live screen: plain and --json output start faster without it.
  const { renderCheckScreen } = await import('../ui/check-screen.js');
  let results: CheckResult[] = [];
  const out = reflowSafeOutput(ctx.stdout);
  const app = renderCheckScreen(
    {
      heading: text.t('heading'),
      note,
      simulation: simulationLabel(ctx),
      ids: tasks.map((task) => task.id),
      titles: titlesFor(text),
      labels: {
        checking: text.t('checking'),
        stillChecking: (name) => text.t('stillChecking', { name }),
        summary: (all) => summaryLine(all, text),
      },
      run: (emit) => runChecks(tasks, { ...options, onEvent: emit }),
      onDone: (all) => (results = all),
      onInterrupt: () => ctx.interrupt(),
    },
    { stdout: out.stdout, stdin: ctx.stdin },
  );
  await app.waitUntilExit();
  app.cleanup();
  out.dispose();
  return results;
}

/** The home screen shows "last check: …" from this file. */
async function recordLastCheck(labDir: string, last: LastCheck): Promise<void> {
  if (!(await stat(labDir).then((s) => s.isDirectory(), () => false))) return;
  const file = join(labDir, labFiles.lastCheck);
  await makeDir(dirname(file));
  await writeFileAtomic(file, `${JSON.stringify(last)}\n`);
}
