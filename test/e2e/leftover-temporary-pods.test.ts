import { afterEach, describe, expect, it } from 'vitest';
import { alive, handlersReady, startCli } from './signals.js';
import { twoClaimLab, type DoctorLab } from './sim-lab-fixture.js';

// A fix-permissions killed with SIGKILL cannot remove its pod. The next fix-permissions or
// doctor finds it (its run is over), says so and removes it; a pod of a run still going is
// left alone. The built CLI against the simulated cluster.
let lab: DoctorLab | undefined;
afterEach(async () => {
  await lab?.dispose();
  lab = undefined;
});

/** Starts fix-permissions on team-a/shared and kills it with SIGKILL once its chmod pod exists. */
async function killedWhileChmodding(l: DoctorLab): Promise<string> {
  const run = startCli(['fix-permissions', 'team-a/shared', '--yes', '--timeout', '600', '--dir', l.labDir, '--lang', 'en'], { env: l.env, stdin: 'ignore' });
  await handlersReady(run.pid);
  const deadline = Date.now() + 30_000;
  while (!l.temporaryPods().some((p) => p.startsWith('team-a/gl-chmod-'))) {
    if (Date.now() > deadline) throw new Error('no chmod pod appeared');
    await new Promise((r) => setTimeout(r, 50));
  }
  // A doctor meanwhile leaves the pod of this run alone: its process still runs.
  const doctor = await l.cli(['doctor']);
  expect(doctor.stdout).not.toContain('left behind');
  expect(l.temporaryPods().some((p) => p.startsWith('team-a/gl-chmod-'))).toBe(true);
  process.kill(run.pid, 'SIGKILL');
  await run.child;
  expect(alive(run.pid)).toBe(false);
  const [pod = ''] = l.temporaryPods();
  return pod;
}

describe('temporary pods a killed run left behind', () => {
  it('the next fix-permissions says so, removes it, and does not count it as a user of the claim', async () => {
    lab = await twoClaimLab(['permission-denied', 'chmod-pod-never-starts'], (p) => (p as { status?: { phase?: string } }).status?.phase === 'Running');
    const leftover = await killedWhileChmodding(lab);
    expect(leftover).toMatch(/^team-a\/gl-chmod-shared-[0-9a-f]{6}$/);
    // The chmod pods still never start: this run's own gives up after 3 s and is removed too.
    const r = await lab.cli(['fix-permissions', 'team-a/shared', '--yes', '--timeout', '3']);
    expect(r.stdout).toContain(`Removed 1 temporary pod(s) that an earlier gluster-lab run left behind when it was stopped: ${leftover}`);
    // The claim's only user is the writer, not the leftover.
    expect(r.stdout).toMatch(/^team-a\s+shared\s+Bound\s+1Gi\s+writer-shared-[0-9a-f-]+\s+1000\s/m);
    expect(r.stdout).not.toMatch(/^team-a\s+shared\s+.*gl-chmod/m);
    expect(lab.temporaryPods()).toEqual([]);
  }, 120_000);

  it('doctor says so and removes it too', async () => {
    lab = await twoClaimLab(['permission-denied', 'chmod-pod-never-starts'], (p) => (p as { status?: { phase?: string } }).status?.phase === 'Running');
    const leftover = await killedWhileChmodding(lab);
    const r = await lab.cli(['doctor']);
    expect(r.stdout).toContain(`Removed 1 temporary pod(s) that an earlier gluster-lab run left behind when it was stopped: ${leftover}`);
    expect(lab.temporaryPods()).toEqual([]);
    // --json keeps its one document, naming what was removed.
    await killedWhileChmodding(lab);
    const json = await lab.cli(['doctor', '--json']);
    expect((JSON.parse(json.stdout) as { removedLeftovers: string[] }).removedLeftovers).toHaveLength(1);
    expect(lab.temporaryPods()).toEqual([]);
  }, 180_000);
});
