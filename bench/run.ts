/**
 * `npm run bench`: the rows of issue 15, each against a baseline measured in the same run,
 * written to bench/results.json and printed as a table.
 *
 *   BENCH_REPLAY_SECONDS  length of each replay (default 60, as the issue measures; shorter
 *                         runs are for trying things out and are marked in the results)
 *   BENCH_REPS            repetitions of the start-up and cold-flood measures (default 7)
 *   BENCH_ONLY            comma-separated row names: only those are measured, and merged
 *                         into the existing results.json
 *   BENCH_PROFILE         a folder: every replayed `gluster-lab up` runs with --cpu-prof and
 *                         leaves its profile there (bench/profile-summary.ts reads them)
 *   BENCH_CLI             the program to measure (default dist/cli.cjs): another build, for
 *                         an A/B against it in the same conditions
 *   BENCH_NODE_FLAGS      more node flags for every replayed `gluster-lab up` (e.g.
 *                         "--cpu-prof-interval 100")
 *
 * `test-suite-wall` is not measured here (it runs the whole suite): `npm run bench:suite`
 * times `npm test` into bench/suite-wall.json, and this run copies that row in.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
// @ts-expect-error: a plain .mjs module without types (shared with build.mjs).
import { bundleOptions } from '../build/bundle-options.mjs';
import { generateUpLog } from './generate-up-log.js';
import { replayBench } from './replay/replay-bench.js';
import { timeToExit, timeToScreenText } from './startup-times.js';
import { describeRow, isMet, type Limits, type Row } from './rows.js';
import { bringupWallParallelRow } from './bringup-parallel.js';

const here = import.meta.dirname;
const root = resolve(here, '..');
const cli = process.env.BENCH_CLI ? resolve(process.env.BENCH_CLI) : join(root, 'dist', 'cli.cjs');
const REPS = Number(process.env.BENCH_REPS ?? 7);
const SECONDS = Number(process.env.BENCH_REPLAY_SECONDS ?? 60);
const PROFILE = process.env.BENCH_PROFILE ? resolve(process.env.BENCH_PROFILE) : undefined;
const upArgs = [...(PROFILE ? ['--cpu-prof', '--cpu-prof-dir', PROFILE] : []), ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean)];
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : undefined;
// ../shared/samples/real beside the checkout, as the tests find it (test/setup/shared-samples.ts).
const samplesDir = resolve(process.env.GL_SAMPLES_DIR ?? join(root, '..', 'shared', 'samples', 'real'));
const work = mkdtempSync(join(tmpdir(), 'gl-bench-'));
// Every child: no CI mode, no colour, and Vagrant never phones home for its version check.
const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0', TERM: 'xterm-256color', VAGRANT_CHECKPOINT_DISABLE: '1' };
for (const key of Object.keys(env)) if (key === 'CI' || key === 'CONTINUOUS_INTEGRATION' || key.startsWith('CI_')) delete env[key];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const round = (n: number, digits = 2) => Number(n.toFixed(digits));
const wanted = (name: string) => !ONLY || ONLY.has(name);

function child(bundle: string, ...args: string[]): Record<string, number> {
  const out = execFileSync(process.execPath, [bundle, ...args], { env: { ...env, NODE_ENV: 'production' }, encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Record<string, number>;
}

async function main() {
  const rows: Row[] = [];
  const add = (row: Omit<Row, 'ratio' | 'met' | 'target'> & { ratio?: number | null; limits: Limits }) => {
    const ratio = row.ratio !== undefined ? row.ratio : row.baseline ? round(row.value / row.baseline) : null;
    const full: Row = { ...row, ratio, target: describeRow(row.limits, row.unit), met: isMet(row.value, ratio, row.limits) };
    rows.push(full);
    console.log(`${full.met ? 'met    ' : 'NOT MET'}  ${full.name}: ${full.value} ${full.unit} (baseline ${full.baseline ?? '-'}, ratio ${full.ratio ?? '-'}; target ${full.target})`);
  };
  // The measured code bundled like dist/ (esbuild, production React), not run through tsx.
  await build({
    ...bundleOptions,
    entryPoints: {
      'pipeline-child': join(here, 'pipeline-child.ts'),
      'fake-vagrant': join(here, 'replay', 'fake-vagrant.ts'),
      passthrough: join(here, 'replay', 'passthrough.ts'),
    },
    outdir: work,
    outExtension: { '.js': '.js' },
  });
  writeFileSync(join(work, 'package.json'), '{"type":"module"}\n');
  const replay = replayBench({ work, cli, fakeVagrant: join(work, 'fake-vagrant.js'), passthrough: join(work, 'passthrough.js'), samplesDir, env });
  const short = SECONDS < 60 ? `${SECONDS} s replays (BENCH_REPLAY_SECONDS), not the issue's 60 s` : undefined;

  for (const [name, rate, what] of [
    ['replay-real-rate-cpu', 5, 'real rate: 5 lines/s + two 200-line bursts'],
    ['replay-1000-lps-cpu', 1000, '1,000 lines/s'],
  ] as const) {
    if (!wanted(name)) continue;
    const bursts = rate === 5 ? [{ atSeconds: SECONDS / 3, lines: 200 }, { atSeconds: (2 * SECONDS) / 3, lines: 200 }] : [];
    const lines = rate * SECONDS + 400 + 200;
    const pace = { kind: 'rate', rate, seconds: SECONDS, bursts } as const;
    const base = await replay.run('passthrough', lines, pace);
    const up = await replay.run('up', lines, pace, upArgs);
    if (!up.screen.includes('Full log:')) throw new Error(`the up screen is not what it should be:\n${up.screen}`);
    const percent = (r: { cpuMs: number; wallMs: number }) => round((r.cpuMs / r.wallMs) * 100);
    add({
      name,
      what: `% of a core used by gluster-lab up (live screen, 120×40 pty) while a fake vagrant replays real ansible_local output at ${what}, ${up.lines} lines in ${round(up.wallMs / 1000, 1)} s`,
      value: percent(up),
      unit: '% of a core',
      baseline: percent(base),
      baselineWhat: 'passthrough wrapper (spawn vagrant, tee to a log and the terminal), same replay, same pty',
      limits: rate === 5 ? { value: 1.5, ratio: 3 } : { ratio: 1.5 },
      ...(short ? { note: short } : {}),
    });
  }

  if (wanted('rss-growth-100k-to-1m')) {
    const pace = { kind: 'flood', pauseAt: [100_000, 1_000_000], settleSeconds: Number(process.env.BENCH_SETTLE_SECONDS ?? 30) } as const;
    const growth = (r: { rssAt: Record<string, number> }) => round((r.rssAt['1000000'] ?? NaN) - (r.rssAt['100000'] ?? NaN), 1);
    const base = await replay.run('passthrough', 1_000_000, pace);
    const up = await replay.run('up', 1_000_000, pace, upArgs);
    console.log(`rss-growth-100k-to-1m, RSS each second once quiet: up ${JSON.stringify(up.rssTrace)}; passthrough ${JSON.stringify(base.rssTrace)}`);
    add({
      name: 'rss-growth-100k-to-1m',
      what: `RSS of gluster-lab up (screen and log) after 1,000,000 replayed lines minus after 100,000 (${round(up.rssAt['100000'] ?? NaN, 1)} → ${round(up.rssAt['1000000'] ?? NaN, 1)} MB), each read once it has handled all it was sent and then ${pace.settleSeconds} s later (V8 gives memory back a few seconds after a burst)`,
      value: growth(up),
      unit: 'MB',
      baseline: growth(base),
      baselineWhat: 'passthrough wrapper, same flood',
      ratio: null,
      limits: { value: 10 },
      note: `right when quiet: ${round(up.rssTrace['100000']?.[0] ?? NaN, 1)} → ${round(up.rssTrace['1000000']?.[0] ?? NaN, 1)} MB (V8's heap, grown for the flood, not yet given back)`,
    });
  }

  if (wanted('rss-peak-real-log')) {
    const pace = { kind: 'rate', rate: 1000, seconds: 10, bursts: [] } as const;
    const base = await replay.run('passthrough', 10_000, pace);
    const up = await replay.run('up', 10_000, pace, upArgs);
    add({
      name: 'rss-peak-real-log',
      what: 'peak RSS (VmHWM) of gluster-lab up replaying a real-size bring-up: 10,000 lines at 1,000 lines/s',
      value: round(up.peakRssMb, 1),
      unit: 'MB',
      baseline: round(base.peakRssMb, 1),
      baselineWhat: 'passthrough wrapper, same replay',
      limits: { value: 90 },
    });
  }

  if (wanted('idle-screen-cpu')) {
    // 30 s, not 10: the same build read 0.5 to 1.2 % over 10 s windows (CPU is counted in
    // 10 ms ticks, and a shared machine adds its own), which hid any change smaller than that.
    const pace = { kind: 'idle', lines: replay.recordsToFirstTask(), afterSeconds: 15, seconds: 30 } as const;
    const base = await replay.run('passthrough', 1000, pace);
    const up = await replay.run('up', 1000, pace, upArgs);
    const percent = (r: { cpuMs: number; wallMs: number }) => round((r.cpuMs / r.wallMs) * 100);
    add({
      name: 'idle-screen-cpu',
      what: `the up screen with gluster1 at its first Ansible task and nothing arriving: % of a core over ${pace.seconds} s, from ${pace.afterSeconds} s after it opened`,
      value: percent(up),
      unit: '% of a core',
      baseline: percent(base),
      baselineWhat: 'passthrough wrapper, same silence',
      ratio: null,
      limits: { value: 0.5 },
    });
  }

  if (wanted('cold-100k-cpu')) {
    const bundle = join(work, 'pipeline-child.js');
    const log = join(work, 'up-100k.log');
    writeFileSync(log, generateUpLog(100_000));
    const base: number[] = [];
    const pipe: number[] = [];
    let lines = 0;
    for (let i = 0; i < REPS; i++) {
      base.push(child(bundle, 'baseline', log).cpuMs ?? NaN);
      const run = child(bundle, 'pipeline', log);
      pipe.push(run.cpuMs ?? NaN);
      lines = run.lines ?? 0;
      if ((run.readyVms ?? 0) !== 4) throw new Error(`the pipeline saw ${run.readyVms} ready VMs`);
    }
    add({
      name: 'cold-100k-cpu',
      what: `CPU of a fresh process reading a ${lines}-line up log through the event pipeline and the bring-up screen (fake 120×40 terminal), mount included; median of ${REPS}`,
      value: round(median(pipe)),
      unit: 'ms',
      baseline: round(median(base)),
      baselineWhat: 'a fresh process reading and splitting the same file into lines',
      limits: { ratio: 7 },
    });
  }

  if (wanted('help-start') || wanted('version-start')) {
    const node: number[] = [];
    const help: number[] = [];
    const version: number[] = [];
    for (let i = 0; i < REPS * 2 + 1; i++) {
      node.push(await timeToExit(process.execPath, ['-e', '0'], env));
      help.push(await timeToExit(process.execPath, [cli, '--help'], env));
      version.push(await timeToExit(process.execPath, [cli, '--version'], env));
    }
    const baseline = round(median(node), 1);
    const note = `median of ${REPS * 2 + 1}, interleaved with the baseline; spawn to exit, output through a pipe`;
    if (wanted('help-start')) add({ name: 'help-start', what: 'gluster-lab --help: spawn to exit', value: round(median(help), 1), unit: 'ms', baseline, baselineWhat: 'node -e 0', limits: { ratio: 1.2 }, note });
    if (wanted('version-start')) add({ name: 'version-start', what: 'gluster-lab --version: spawn to exit', value: round(median(version), 1), unit: 'ms', baseline, baselineWhat: 'node -e 0', limits: { ratio: 1.1 }, note });
  }

  if (wanted('home-first-frame')) {
    const home: number[] = [];
    const node: number[] = [];
    const labDir = join(work, 'no-lab');
    for (let i = 0; i < REPS; i++) {
      // The baseline prints one word and stays, as the home screen does.
      node.push(timeToScreenText([process.execPath, '-e', "console.log('node-ready'); setTimeout(() => {}, 30000)"], 'node-ready', env, work));
      home.push(timeToScreenText([process.execPath, cli, '--dir', labDir, '--lang', 'en'], 'gluster-lab — GlusterFS', env, work));
    }
    add({
      name: 'home-first-frame',
      what: 'gluster-lab (no lab yet): spawn to its home screen showing in a 120×40 pty',
      value: round(median(home), 1),
      unit: 'ms',
      baseline: round(median(node), 1),
      baselineWhat: 'node printing one word in the same pty',
      limits: { ratio: 2 },
      note: `median of ${REPS}, interleaved`,
    });
  }

  if (wanted('bringup-wall-parallel')) add(await bringupWallParallelRow(cli, env, work));

  if (wanted('test-suite-wall')) {
    const file = join(here, 'suite-wall.json');
    if (existsSync(file)) {
      const suite = JSON.parse(readFileSync(file, 'utf8')) as { seconds: number; at: string; exitCode: number; command: string };
      add({
        name: 'test-suite-wall',
        what: `wall time of ${suite.command} (exit ${suite.exitCode}), measured by npm run bench:suite at ${suite.at}, not by this run`,
        value: suite.seconds,
        unit: 's',
        baseline: null,
        baselineWhat: 'none: an absolute bound',
        ratio: null,
        limits: { value: 240 },
      });
    } else console.log('test-suite-wall: no bench/suite-wall.json yet (npm run bench:suite)');
  }

  const file = join(here, 'results.json');
  let out = rows;
  if (ONLY && existsSync(file)) {
    const old = JSON.parse(readFileSync(file, 'utf8')) as Row[];
    out = [...old.filter((r) => r.target !== undefined && !rows.some((n) => n.name === r.name)), ...rows];
  }
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  printTable(out);
  rmSync(work, { recursive: true, force: true });
}

function printTable(rows: Row[]) {
  const cells = rows.map((r) => [r.name, `${r.value} ${r.unit}`, r.baseline === null ? '' : `${r.baseline} ${r.unit}`, r.ratio === null ? '' : `${r.ratio}×`, r.target, r.met ? 'yes' : 'NO']);
  const head = ['name', 'value', 'baseline', 'ratio', 'target', 'met'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((row) => (row[i] ?? '').length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i] ?? 0)).join('  ');
  console.log(`\n${line(head)}`);
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells) console.log(line(row));
  console.log('\nwritten to bench/results.json');
}

main().catch((error: unknown) => {
  console.error(error);
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
});
