import type { CommandRunner } from '../command-runner.js';
import { ExitCode } from '../exit-codes.js';
import type { AppContext } from '../context.js';
import { createDoctorContext, WRITE_TEST_WAIT_MS, type DoctorContext } from '../doctor/doctor-context.js';
import { storageTiming } from '../storage/storage-timing.js';
import { layerNames, type DoctorReport, type LayerResult } from '../doctor/doctor-types.js';
import { formatFindings, formatLayerRow } from '../doctor/format-report.js';
import { labFiles } from '../lab/lab-files.js';
import { writeLabState } from '../lab/lab-summary.js';
import { doctorExitCode, layerTitle, runDoctor } from '../doctor/run-doctor.js';
import { displayWidth } from '../text/text-width.js';
import { labConfigOrReport } from './lab-config.js';
import { simulationLabel } from './simulation-label.js';
import { toolOptions } from './tool-options-from-context.js';

export const doctorCommand: CommandRunner = (ctx) => doctorFlow(ctx);

/**
 * `doctor`: checks every layer live and prints findings with fixes. A live list of layers
 * on a terminal, plain lines in a pipe, one JSON document with `--json`. Exit 1 when any
 * layer failed, 0 for a healthy lab.
 */
export async function doctorFlow(ctx: AppContext): Promise<number> {
  const config = await labConfigOrReport(ctx);
  if (!config) return ExitCode.failed;
  const dc = createDoctorContext({
    config,
    labDir: ctx.labDir,
    kube: ctx.kube,
    lang: ctx.lang,
    tool: toolOptions(ctx),
    writeTest: { waitMs: WRITE_TEST_WAIT_MS / (ctx.waitScale ?? 1), pollMs: storageTiming(ctx.env, ctx.waitScale).pollMs },
  });

  let report: DoctorReport;
  try {
    if (ctx.json) report = await runDoctor(dc);
    else if (ctx.interactive) report = await runOnScreen(ctx, dc);
    else report = await runPlain(ctx, dc);
  } catch (error) {
    if (!ctx.signal.aborted) throw error;
    ctx.stderr.write(`${dc.t('interrupted')}\n`);
    return ExitCode.interrupted;
  }

  if (ctx.json) {
    const layers = report.layers.map(({ layer, status, summary }) => ({ layer, status, summary }));
    ctx.stdout.write(`${JSON.stringify({ findings: report.findings, layers }, null, 2)}\n`);
  } else {
    ctx.stdout.write(`\n${formatFindings(report.findings, dc.t).join('\n')}\n`);
  }
  const count = (severity: string) => report.findings.filter((f) => f.severity === severity).length;
  const categories = [...new Set(report.findings.flatMap((f) => (f.category ? [f.category] : [])))];
  await writeLabState(ctx.labDir, labFiles.lastDoctor, { at: new Date().toISOString(), errors: count('error'), warnings: count('warning'), categories });
  return doctorExitCode(report);
}

function titleWidth(dc: DoctorContext): number {
  return Math.max(...layerNames.map((l) => displayWidth(layerTitle(dc, l))));
}

/** Plain lines, in the fixed layer order: a row is printed once it and every row above it are done. */
async function runPlain(ctx: AppContext, dc: DoctorContext): Promise<DoctorReport> {
  ctx.stdout.write(`${dc.t('heading', { dir: ctx.labDir })}\n`);
  const done = new Map<string, LayerResult>();
  let printed = 0;
  const width = titleWidth(dc);
  return runDoctor(dc, (result) => {
    done.set(result.layer, result);
    for (let next = layerNames[printed]; next !== undefined && done.has(next); next = layerNames[++printed]) {
      const row = done.get(next);
      if (row) ctx.stdout.write(`${formatLayerRow(layerTitle(dc, next), row, width)}\n`);
    }
  });
}

/** The live layer list; after the last result the screen ends and the findings follow as text. */
async function runOnScreen(ctx: AppContext, dc: DoctorContext): Promise<DoctorReport> {
  // Ink is loaded only here: plain and JSON runs start without it.
  const { renderDoctorScreen } = await import('../ui/doctor-screen.js');
  // Results that arrive before the screen subscribes are replayed to it.
  const seen: LayerResult[] = [];
  const listeners = new Set<(r: LayerResult) => void>();
  const subscribe = (listener: (r: LayerResult) => void) => {
    for (const r of seen) listener(r);
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const app = renderDoctorScreen(
    {
      heading: dc.t('heading', { dir: ctx.labDir }),
      layers: layerNames.map((name) => ({ name, title: layerTitle(dc, name) })),
      subscribe,
      labels: { checking: dc.t('checking'), simulation: simulationLabel(ctx) },
      onInterrupt: () => ctx.interrupt(),
    },
    { stdout: ctx.stdout, stdin: ctx.stdin },
  );
  try {
    return await runDoctor(dc, (result) => {
      seen.push(result);
      for (const listener of listeners) listener(result);
    });
  } finally {
    // Let the last result render before the screen is taken down.
    await new Promise((resolve) => setTimeout(resolve, 50));
    app.unmount();
    await app.waitUntilExit();
  }
}
