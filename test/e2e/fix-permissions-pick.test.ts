import { afterEach, describe, expect, it } from 'vitest';
import { twoClaimLab, type DoctorLab } from './sim-lab-fixture.js';
import { startTerminal, type Terminal } from './terminal.js';

let lab: DoctorLab | undefined;
let term: Terminal | undefined;
afterEach(async () => {
  await term?.close();
  term = undefined;
  if (lab) expect(lab.temporaryPods()).toEqual([]);
  await lab?.dispose();
  lab = undefined;
});

/** Ready once the non-root writer crash-loops on its denied write. */
async function deniedLab(scenarios: ('permission-denied' | 'chmod-pod-never-starts')[]): Promise<DoctorLab> {
  lab = await twoClaimLab(scenarios, (p) => p.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'CrashLoopBackOff');
  return lab;
}

describe('fix-permissions in a terminal', () => {
  it('lists the claims with the suspected one preselected; picking a second repairs both', async () => {
    const l = await deniedLab(['permission-denied']);
    term = await startTerminal({ args: ['fix-permissions', '--dir', l.labDir, '--lang', 'en'], env: l.env, cols: 140, rows: 40 });
    const screen = await term.waitFor('Which claims should non-root pods be able to write to?', 30_000);
    // The suspected claim is checked, the other is not; the cursor starts on the first row.
    expect(screen).toMatch(/❯◯ default\s+data\s+Bound\s+1Gi\s+-\s+-\s+-/);
    expect(screen).toMatch(/ ◉ team-a\s+shared\s+Bound\s+1Gi\s+writer-shared-\S+\s+1000\s+suspected/);
    expect(screen).toMatch(/NAMESPACE\s+NAME\s+STATUS\s+CAPACITY\s+PODS\s+RUNS AS\s+PERMISSION PROBLEM/);
    await term.press('space');
    await term.waitFor('❯◉ default');
    await term.press('enter');
    const done = await term.waitFor('2 fixed, 0 already writable, 0 failed.', 60_000);
    expect(done).toContain('✓ default/data: fixed');
    expect(done).toContain('✓ team-a/shared: fixed');
    expect(await term.exitCode()).toBe(0);
    expect(l.sim.readState().chmodDone.sort()).toEqual(['default/data', 'team-a/shared']);
  });

  it('Enter with nothing ticked repairs the highlighted claim; the header fits an 80-column terminal', async () => {
    const l = await deniedLab(['permission-denied']);
    term = await startTerminal({ args: ['fix-permissions', '--dir', l.labDir, '--lang', 'en'], env: l.env, cols: 80, rows: 30 });
    const screen = await term.waitFor('Which claims should non-root pods be able to write to?', 30_000);
    expect(screen).toMatch(/^ {3}NAMESPACE\s+NAME\s+STATUS\s+CAPACITY\s+PODS\s+RUNS AS\s+PERMISSION PROBLEM$/m);
    await term.press('down');
    await term.waitFor('❯◉ team-a');
    await term.press('space');
    await term.waitFor('❯◯ team-a');
    await term.press('enter');
    const done = await term.waitFor('1 fixed, 0 already writable, 0 failed.', 60_000);
    expect(done).toMatch(/non-root pods be able to write to\? team-a\/shared$/m);
    expect(done).toContain('✓ team-a/shared: fixed');
    expect(done).not.toContain('Nothing picked');
    expect(await term.exitCode()).toBe(0);
    expect(l.sim.readState().chmodDone).toEqual(['team-a/shared']);
  });

  it('Escape cancels: nothing is changed and the exit code is 130', async () => {
    const l = await deniedLab(['permission-denied']);
    term = await startTerminal({ args: ['fix-permissions', '--dir', l.labDir, '--lang', 'ja'], env: l.env, cols: 80, rows: 30 });
    const screen = await term.waitFor('書き込めるようにする PVC を選んでください', 30_000);
    // The Japanese header, measured in display columns, stays on one line.
    expect(screen).toMatch(/^ {3}ネームスペース\s+名前\s+状態\s+容量\s+Pod\s+実行ユーザー\s+権限の問題$/m);
    await term.press('escape');
    await term.waitFor('キャンセルしました。何も変更していません。', 10_000);
    expect(await term.exitCode()).toBe(130);
    expect(l.sim.readState().chmodDone).toEqual([]);
  });

  it('Ctrl-C while the chmod pod is awaited removes the pod and exits 130', async () => {
    const l = await deniedLab(['permission-denied', 'chmod-pod-never-starts']);
    term = await startTerminal({ args: ['fix-permissions', 'team-a/shared', '--yes', '--timeout', '120', '--dir', l.labDir, '--lang', 'en'], env: l.env, cols: 140, rows: 40 });
    await term.waitFor(/running chmod a\+w on the volume \(pod gl-chmod-shared-[0-9a-f]{6}\)/, 30_000);
    expect(l.temporaryPods()).toHaveLength(1);
    await term.press('ctrlC');
    const screen = await term.waitFor('Interrupted. The temporary pods were removed.', 30_000);
    expect(screen).toMatch(/removed temporary pod gl-chmod-shared-[0-9a-f]{6}/);
    expect(await term.exitCode()).toBe(130);
  });

  it('SIGHUP (the terminal went away) while the chmod pod is awaited removes the pod and exits 129', async () => {
    const l = await deniedLab(['permission-denied', 'chmod-pod-never-starts']);
    term = await startTerminal({ args: ['fix-permissions', 'team-a/shared', '--yes', '--timeout', '120', '--dir', l.labDir, '--lang', 'en'], env: l.env, cols: 140, rows: 40 });
    await term.waitFor(/running chmod a\+w on the volume \(pod gl-chmod-shared-[0-9a-f]{6}\)/, 30_000);
    expect(l.temporaryPods()).toHaveLength(1);
    process.kill(await term.pid(), 'SIGHUP');
    expect(await term.exitCode(30_000)).toBe(129);
    expect(l.temporaryPods()).toEqual([]);
  });
});

describe('doctor in a terminal', () => {
  it('shows the layer list with a mark per layer, then the findings, and exits 1', async () => {
    const l = await deniedLab(['permission-denied']);
    term = await startTerminal({ args: ['doctor', '--dir', l.labDir, '--lang', 'en'], env: l.env, cols: 140, rows: 50 });
    // Two findings since doctor runs fix-permissions' own non-root write test on every Bound
    // claim (6abe373): team-a/shared, whose writer is denied, and default/data, which no pod
    // uses yet but which the test finds refused too (a warning before any app fails).
    const screen = await term.waitFor('2 finding(s):', 45_000);
    expect(screen).toMatch(/✓ VMs\s+4 of 4 running/);
    expect(screen).toMatch(/✓ Kubernetes cluster\s+server v1\.24/);
    expect(screen).toMatch(/✗ Pod writes\s+1 pod\(s\) using GlusterFS claims, 1 denied writing; non-root write test refused on 2 of 2 claim\(s\)/);
    expect(screen).toContain('Non-root containers cannot write to claim default/data yet');
    expect(screen).toContain('Run gluster-lab fix-permissions team-a/shared.');
    expect(await term.exitCode()).toBe(1);
  }, 90_000);
});
