/**
 * One measured run, in its own process so its CPU time and peak RSS are its own:
 *   baseline FILE   — read FILE and split it into lines, nothing else;
 *   screen-only FILE — the bytes split into lines as in `baseline`, with the bring-up screen
 *                     drawing one line in 1,000 (no parsing): what the screen alone costs;
 *   pipeline FILE   — the same bytes through the `up` event pipeline (line splitter →
 *                     machine-readable parser → events → reducer) and the Ink bring-up
 *                     screen rendering to a fake 120×40 terminal;
 *   baseline-again FILE, pipeline-again FILE — the same three times in one process, and
 *                     the third run's figures: V8 has compiled the code by then (the second
 *                     run still recompiles for the new store and screen), so this is the
 *                     cost per line without the one-off start-up;
 *   idle SECONDS [AFTER] — a bring-up screen with a VM at work and no output, measured for
 *                     SECONDS once it has been open AFTER seconds (default 0.5).
 * Prints one JSON object.
 */
import { createReadStream } from 'node:fs';
import { PassThrough, Writable } from 'node:stream';
import { render } from 'ink';
import { createElement } from 'react';
import { LineSplitter } from '../src/tools/line-splitter.js';
import { machineReadableEvents, type VagrantEvent } from '../src/tools/vagrant-events.js';
import { BringupStore } from '../src/up/bringup-store.js';
import { BringupScreen } from '../src/ui/bringup-screen.js';
import { threadCpuBetween, threadTimes } from './thread-cpu.js';

const [mode = 'baseline', arg = '', after = '0.5'] = process.argv.slice(2);

function fakeTerminal(): NodeJS.WriteStream {
  const stream = new Writable({ write: (_chunk, _enc, done) => done() }) as unknown as NodeJS.WriteStream & { columns: number; rows: number; isTTY: boolean };
  stream.columns = 120;
  stream.rows = 40;
  stream.isTTY = true;
  return stream;
}

function fakeStdin(): NodeJS.ReadStream {
  const stdin = new PassThrough() as unknown as NodeJS.ReadStream & { isTTY: boolean };
  stdin.isTTY = false;
  return stdin;
}

async function feed(file: string, onLine: (line: string) => void): Promise<void> {
  const splitter = new LineSplitter(onLine);
  for await (const chunk of createReadStream(file)) splitter.push(chunk as Buffer);
  splitter.end();
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

async function main(): Promise<Record<string, number>> {
  if (mode.endsWith('-again')) {
    const once = mode.slice(0, -'-again'.length);
    await measure(once);
    await measure(once);
    return measure(once);
  }
  return measure(mode);
}

async function measure(mode: string): Promise<Record<string, number>> {
  if (mode === 'baseline') {
    const t0 = process.cpuUsage();
    const w0 = performance.now();
    let lines = 0;
    await feed(arg, () => lines++);
    return { cpuMs: cpuMs(t0), wallMs: performance.now() - w0, lines, peakRssMb: process.resourceUsage().maxRSS / 1024 };
  }
  const store = new BringupStore(['gluster1', 'gluster2', 'gluster3', 'heketi']);
  let frames = 0;
  let renderMs = 0;
  const element = createElement(BringupScreen, { store, lang: 'en', labName: 'gluster-lab', logFile: '/home/user/gluster-lab/logs/up-x.log', onInterrupt: () => {} });
  const options = { stdout: fakeTerminal(), stdin: fakeStdin(), exitOnCtrlC: false, patchConsole: false, maxFps: 10, onRender: ({ renderTime }: { renderTime: number }) => {
    frames++;
    renderMs += renderTime;
  } };
  if (mode === 'idle') {
    store.dispatch({ type: 'action', machine: 'gluster1', action: 'up', state: 'start' });
    store.dispatch({ type: 'line', machine: 'gluster1', level: 'info', text: 'Running provisioner: ansible_local...' });
    const instance = render(element, options);
    await new Promise((r) => setTimeout(r, Number(after) * 1000));
    const t0 = process.cpuUsage();
    const f0 = frames;
    const seconds = Number(arg || 10);
    await new Promise((r) => setTimeout(r, seconds * 1000));
    const cpu = cpuMs(t0);
    const result = { cpuMs: cpu, cpuPercent: (cpu / (seconds * 1000)) * 100, frames: frames - f0 };
    instance.unmount();
    return result;
  }
  const threads0 = threadTimes();
  const t0 = process.cpuUsage();
  const w0 = performance.now();
  // `pipeline-no-screen`: the same work without Ink, to tell the two costs apart.
  const instance = mode === 'pipeline-no-screen' ? undefined : render(element, options);
  // Ink draws the first frame inside render(): its cold start, part of the figure above.
  const mountCpuMs = cpuMs(t0);
  let lines = 0;
  const dispatch = (event: VagrantEvent) => store.dispatch(event);
  if (mode === 'screen-only') {
    await feed(arg, (line) => {
      if (++lines % 1000 === 0) store.dispatch({ type: 'line', machine: 'gluster1', level: 'info', text: line });
    });
  } else {
    await feed(arg, (line) => {
      lines++;
      // What src/tools/vagrant.ts does with each line of `vagrant up --machine-readable`.
      machineReadableEvents(line, dispatch);
    });
  }
  store.dispatch({ type: 'finished', outcome: 'ok' });
  const feedMs = performance.now() - w0;
  const feedFrames = frames;
  await new Promise((r) => setTimeout(r, 120));
  instance?.unmount();
  await instance?.waitUntilExit();
  const state = store.getState();
  const cpu = cpuMs(t0);
  const threads1 = threadTimes();
  const threads = threads0 && threads1 ? threadCpuBetween(threads0, threads1) : undefined;
  return {
    cpuMs: cpu,
    ...(threads ? { mainThreadMs: threads.main, otherThreadsMs: threads.others } : {}),
    mountCpuMs,
    wallMs: feedMs,
    lines,
    frames,
    framesPerSecond: feedFrames / (feedMs / 1000),
    renderMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    readyVms: state.order.filter((n) => state.vms[n]?.phase === 'ready').length,
  };
}

main().then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
    process.exit(1);
  },
);
