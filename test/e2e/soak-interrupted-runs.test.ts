import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { alive, descendants, handlersReady, startCli, type StopSignal } from './signals.js';
import { twoClaimLab, type DoctorLab } from './sim-lab-fixture.js';

// Twenty runs of up, halt and fix-permissions against one simulated lab, each stopped at a
// random moment by SIGINT, SIGTERM or SIGHUP, then a normal run of each. After every run:
// the documented exit code, no process it started still alive, no temporary pod, no
// temporary or lock file; at the end the lab works. The simulator runs 200 times real speed.
const runs = 20;
const commands: string[][] = [['halt'], ['up'], ['fix-permissions', 'team-a/shared', '--yes']];
const signals: Array<[StopSignal, number]> = [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
];

let lab: DoctorLab | undefined;
afterAll(async () => lab?.dispose());

/** Files a run must not leave: temporary files (the program's and the simulator's) and the lab lock. */
function leftoverFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && (e.name.endsWith('.tmp') || e.name.includes('lab.lock') || e.name.endsWith('.json.lock')))
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

/** Runs the CLI, sends `signal` after `delayMs` if it still runs; its exit code, whether it was signalled, and every process it started. */
async function runOnce(l: DoctorLab, args: string[], stop?: { signal: StopSignal; delayMs: number }) {
  const run = startCli([...args, '--dir', l.labDir, '--lang', 'en'], { env: l.env, stdin: 'ignore' });
  const started = new Map<number, string>();
  let watching = true;
  const watch = (async () => {
    while (watching) {
      for (const p of await descendants(run.pid)) started.set(p.pid, p.args);
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  let signalled = false;
  if (stop) {
    await handlersReady(run.pid).catch(() => undefined);
    await new Promise((r) => setTimeout(r, stop.delayMs));
    try {
      process.kill(run.pid, stop.signal);
      signalled = true;
    } catch {
      // It had finished already.
    }
  }
  const result = await run.child;
  watching = false;
  await watch;
  return { result, signalled, started };
}

describe('soak: interrupted runs leave nothing behind', () => {
  it(`${runs} up/halt/fix-permissions runs stopped at random moments, then normal runs`, async () => {
    const began = Date.now();
    lab = await twoClaimLab(['permission-denied'], (p) => (p as { status?: { phase?: string } }).status?.phase === 'Running', 200);
    const l = lab;
    const seen: string[] = [];
    for (let i = 0; i < runs; i++) {
      const args = commands[i % commands.length] ?? ['halt'];
      const [signal, code] = signals[Math.floor(Math.random() * signals.length)] ?? ['SIGINT', 130];
      const delayMs = Math.floor(Math.random() * 1200);
      const { result, signalled, started } = await runOnce(l, args, { signal, delayMs });
      const what = `run ${i + 1}: ${args[0]} + ${signal} after ${delayMs} ms (exit ${result.exitCode})`;
      seen.push(what);
      console.log(what, Date.now() - began);
      // Stopped: the signal's code. Finished first: the command's own success — also when the
      // signal reached a process that was already leaving (process.exit runs no handler; an
      // exited process not yet reaped still takes a signal): then it said nothing of a stop.
      if (signalled && result.exitCode === 0) expect(result.stderr, `${what}: finished first`).not.toMatch(/interrupted|stopping|terminat/i);
      else expect(result.exitCode, `${what}\n${result.stderr}`).toBe(signalled ? code : 0);
      expect(result.stderr, what).not.toMatch(/Unexpected error|at .*\.js:\d+|busy:/);
      expect([...started].filter(([pid]) => alive(pid)).map(([, a]) => a), what).toEqual([]);
      expect(l.temporaryPods(), what).toEqual([]);
      expect(leftoverFiles(l.labDir), what).toEqual([]);
      expect(leftoverFiles(l.sim.root), what).toEqual([]);
    }
    // At least one run of each signal actually stopped something.
    expect(seen.filter((s) => !s.includes('exit 0')).length, seen.join('\n')).toBeGreaterThan(runs / 2);

    for (const args of [['up'], ['fix-permissions', 'team-a/shared', '--yes'], ['halt']]) {
      const { result } = await runOnce(l, args);
      expect(result.exitCode, `${args[0]}: ${result.stderr}`).toBe(0);
    }
    expect(l.sim.readState().machines.gluster1?.state).toBe('poweroff');
    expect(l.temporaryPods()).toEqual([]);
    expect(leftoverFiles(l.labDir)).toEqual([]);
    expect(Date.now() - began).toBeLessThan(120_000);
  }, 180_000);
});
