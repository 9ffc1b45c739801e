/**
 * A stand-in for `vagrant up --machine-readable` that replays prepared records at a set
 * pace and measures its parent (the process under test: `gluster-lab up`, or the
 * passthrough wrapper) from /proc while it does. Bundled by the bench and put on PATH
 * as `vagrant`; GL_BENCH_REPLAY names the ReplaySpec.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { processCpuMs, processRssMb } from './proc-stat.js';
import type { ReplayReport, ReplaySpec } from './replay-spec.js';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function main(): Promise<number> {
  if (process.argv[2] !== 'up') {
    process.stderr.write(`the bench's vagrant only replays "up" (asked: ${process.argv.slice(2).join(' ')})\n`);
    return 1;
  }
  const spec = JSON.parse(readFileSync(process.env.GL_BENCH_REPLAY ?? '', 'utf8')) as ReplaySpec;
  const records = readFileSync(spec.recordsFile, 'utf8').split('\n');
  if (records.at(-1) === '') records.pop();
  const parent = process.ppid;
  const report: ReplayReport = { lines: 0, cpuMs: 0, wallMs: 0, rssAt: {}, peakRssMb: 0 };
  let sent = 0;
  /** Writes records up to `upTo` (exclusive), waiting when the pipe is full. */
  const writeUpTo = async (upTo: number) => {
    const end = Math.min(upTo, records.length);
    if (end <= sent) return;
    const chunk = `${records.slice(sent, end).join('\n')}\n`;
    sent = end;
    if (!process.stdout.write(chunk)) await new Promise((r) => process.stdout.once('drain', r));
  };
  await sleep(spec.settleSeconds * 1000);
  const pace = spec.pace;
  if (pace.kind === 'rate') {
    const cpu0 = processCpuMs(parent);
    const t0 = performance.now();
    const bursts = [...pace.bursts].sort((a, b) => a.atSeconds - b.atSeconds);
    const tick = Math.max(2, Math.min(200, 1000 / pace.rate));
    for (;;) {
      const elapsed = (performance.now() - t0) / 1000;
      if (elapsed >= pace.seconds) break;
      const burstLines = bursts.filter((b) => b.atSeconds <= elapsed).reduce((n, b) => n + b.lines, 0);
      await writeUpTo(Math.floor(elapsed * pace.rate) + burstLines);
      await sleep(tick);
    }
    report.cpuMs = processCpuMs(parent) - cpu0;
    report.wallMs = performance.now() - t0;
  } else if (pace.kind === 'idle') {
    await writeUpTo(pace.lines);
    await sleep(pace.afterSeconds * 1000);
    const cpu0 = processCpuMs(parent);
    const t0 = performance.now();
    await sleep(pace.seconds * 1000);
    report.cpuMs = processCpuMs(parent) - cpu0;
    report.wallMs = performance.now() - t0;
  } else {
    const t0 = performance.now();
    const cpu0 = processCpuMs(parent);
    const step = 2000;
    for (const at of [...pace.pauseAt].sort((a, b) => a - b)) {
      while (sent < at) await writeUpTo(Math.min(at, sent + step));
      await quiet(parent);
      report.rssAt[String(at)] = processRssMb(parent).rss;
    }
    report.cpuMs = processCpuMs(parent) - cpu0;
    report.wallMs = performance.now() - t0;
  }
  report.lines = sent;
  report.peakRssMb = processRssMb(parent).peak;
  writeFileSync(spec.reportFile, `${JSON.stringify(report)}\n`);
  return 0;
}

/** Waits until `pid` has used under 5 % of a core for a second: it has read and handled all it was sent. */
async function quiet(pid: number): Promise<void> {
  const deadline = performance.now() + 60_000;
  let last = processCpuMs(pid);
  while (performance.now() < deadline) {
    await sleep(1000);
    const now = processCpuMs(pid);
    if (now - last <= 50) return;
    last = now;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
    process.exit(1);
  },
);
