/**
 * The CPU one frame of the bring-up screen costs, once compiled: a VM at work, one line
 * into its tail per frame, a fake 120×40 terminal. A tool for looking at per-frame cost
 * apart from the replay's noise. MODE `line`: a line joins the tail on screen each frame
 * (GAP ms apart: 3 for compiled, hot code); `tick`: nothing arrives and the clock turns
 * once a second, as on an idle screen (FRAMES seconds).
 *   node --import tsx bench/run-bundled.ts bench/frame-cost.ts [FRAMES] [MODE]
 */
import { Writable, PassThrough } from 'node:stream';
import { render } from 'ink';
import { createElement } from 'react';
import { BringupStore } from '../src/up/bringup-store.js';
import { BringupScreen } from '../src/ui/bringup-screen.js';

const frames = Number(process.argv[2] ?? 400);
const mode = process.argv[3] ?? 'line';
// Milliseconds between frames: 3 measures compiled, hot code; 1000 a frame a second, as an idle screen draws.
const gap = Number(process.argv[4] ?? 3);
const stdout = Object.assign(new Writable({ write: (_c, _e, done) => done() }), { columns: 120, rows: 40, isTTY: true }) as unknown as NodeJS.WriteStream;
const stdin = Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.ReadStream;
const store = new BringupStore(['gluster1', 'gluster2', 'gluster3', 'heketi']);
store.dispatch({ type: 'action', machine: 'gluster1', action: 'up', state: 'start' });
store.dispatch({ type: 'line', machine: 'gluster1', level: 'info', text: '==> gluster1: Running provisioner: ansible_local...' });
store.dispatch({ type: 'line', level: 'info', text: 'TASK [glusterfs : Install glusterfs-server] ************************************' });
let drawn = 0;
let bytes = 0;
const counting = stdout.write.bind(stdout);
stdout.write = ((chunk: string) => {
  bytes += chunk.length;
  return counting(chunk);
});
const props = { store, lang: 'en' as const, labName: 'gluster-lab', logFile: '/home/user/gluster-lab/logs/up-x.log', onInterrupt: () => {}, frameIntervalMs: 0, tailIntervalMs: 0 };
const instance = render(createElement(BringupScreen, props), {
  stdout, stdin, exitOnCtrlC: false, patchConsole: false, maxFps: Number(process.env.FPS ?? 1000),
  onRender: () => drawn++,
});
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function round(n: number) {
  for (let i = 0; i < n; i++) {
    if (mode === 'tick') {
      // The screen's own clock turns the second: a frame a second, as on an idle screen.
      await wait(1000);
      continue;
    }
    store.dispatch({ type: 'line', level: 'info', text: `changed: [gluster1] => (item=glusterfs-server) line ${i} ${'x'.repeat(i % 90)}` });
    await wait(gap);
  }
}
await round(mode === 'tick' ? 3 : 200); // compile
// FRAME_HEAP_PROFILE=FILE: what the measured frames allocate, garbage included (a sampled V8 heap profile).
const heapProfile = process.env.FRAME_HEAP_PROFILE;
const { Session } = await import('node:inspector/promises');
const session = new Session();
if (heapProfile) {
  session.connect();
  await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never);
}
const f0 = drawn;
const b0 = bytes;
const t0 = process.cpuUsage();
const w0 = performance.now();
await round(frames);
const used = process.cpuUsage(t0);
if (heapProfile) {
  const { profile } = (await session.post('HeapProfiler.stopSampling')) as { profile: unknown };
  (await import('node:fs')).writeFileSync(heapProfile, JSON.stringify(profile));
}
const n = drawn - f0;
console.log(JSON.stringify({ frames: n, cpuMsPerFrame: +((used.user + used.system) / 1000 / n).toFixed(3), bytesPerFrame: Math.round((bytes - b0) / n), wallMs: Math.round(performance.now() - w0) }));
instance.unmount();
process.exit(0);
