import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createInterrupts } from '../../src/interrupts.js';
import type { AppContext } from '../../src/context.js';
import { fixPermissionsFlow } from '../../src/flows/fix-permissions.js';
import type { ScenarioName } from '../../src/sim/scenarios.js';
import { doctorLab, podsOf, twoClaimLab, type DoctorLab } from './sim-lab-fixture.js';

let lab: DoctorLab | undefined;
afterEach(async () => {
  // Whatever happened, no chmod or write-test pod is left in the cluster.
  if (lab) expect(lab.temporaryPods()).toEqual([]);
  await lab?.dispose();
  lab = undefined;
});

async function labWithClaims(scenarios: ScenarioName[]): Promise<DoctorLab> {
  lab = await twoClaimLab(scenarios, (p) => p.status?.phase === 'Running');
  return lab;
}

const creates = (calls: string[][]) => calls.filter((argv) => argv[0] === 'create');

describe('fix-permissions against the simulated cluster', () => {
  it('finds a bare claim name in another namespace, repairs it and proves it with a non-root write', async () => {
    const l = await labWithClaims(['permission-denied']);
    const rec = await l.recordingEnv();
    const r = await l.cli(['fix-permissions', 'shared', '--yes'], { env: rec.env });
    expect(r.stdout).toMatch(/^team-a\s+shared\s+Bound\s+1Gi\s+writer-shared-\S+\s+1000\s+suspected$/m);
    expect(r.stdout).toMatch(/^team-a\/shared: trying a write as user 1000 \(pod gl-write-test-shared-[0-9a-f]{6}\)…$/m);
    expect(r.stdout).toMatch(/^team-a\/shared: running chmod a\+w on the volume \(pod gl-chmod-shared-[0-9a-f]{6}\)…$/m);
    expect(r.stdout).toContain('✓ team-a/shared: fixed — a pod running as user 1000 can now write to the volume.');
    expect(r.stdout).toContain('belongs to group 2000 (annotation pv.beta.kubernetes.io/gid');
    expect(r.stdout).toContain('securityContext: {supplementalGroups: [2000]}');
    expect(r.stdout).toContain('1 fixed, 0 already writable, 0 failed.');
    expect(r.exitCode).toBe(0);
    expect(l.sim.readState().chmodDone).toEqual(['team-a/shared']);
    // Proof, chmod, proof: three pods, each waited for in team-a and deleted there.
    expect(creates(await rec.calls())).toHaveLength(3);
    const deletes = (await rec.calls()).filter((argv) => argv[0] === 'delete');
    expect(deletes.map((argv) => [argv[1], argv[3], argv[4], argv[5]])).toEqual([
      ['pod', '-n', 'team-a', '--ignore-not-found'],
      ['pod', '-n', 'team-a', '--ignore-not-found'],
      ['pod', '-n', 'team-a', '--ignore-not-found'],
    ]);
  });

  it('refuses a name found in two namespaces and lists both, before changing anything', async () => {
    const l = await labWithClaims(['permission-denied']);
    await l.claim('team-b', 'shared');
    const rec = await l.recordingEnv();
    const r = await l.cli(['fix-permissions', 'shared', '--yes'], { env: rec.env });
    expect(r.stderr).toContain('The claim name shared exists in several namespaces: team-a/shared, team-b/shared. Name one as NAMESPACE/NAME.');
    expect(r.exitCode).toBe(2);
    expect(creates(await rec.calls())).toEqual([]);
  });

  it("'chmod-pod-never-starts': gives up after --timeout, removes the pod and says why", async () => {
    const l = await labWithClaims(['permission-denied', 'chmod-pod-never-starts']);
    const r = await l.cli(['fix-permissions', 'team-a/shared', '--yes', '--timeout', '3']);
    expect(r.stdout).toMatch(/✗ team-a\/shared: failed — the chmod pod did not finish within 3 s \(still Pending\) and was removed\./);
    expect(r.stdout).toContain('ErrImagePull');
    expect(r.stdout).toContain('Failed to pull image "busybox:1.36"');
    expect(r.stdout).toMatch(/^ {2}removed temporary pod gl-chmod-shared-[0-9a-f]{6}$/m);
    expect(r.stdout).toContain('0 fixed, 0 already writable, 1 failed.');
    expect(r.exitCode).toBe(1);
    expect(l.sim.readState().chmodDone).toEqual([]);
  });

  it('rejects an invalid claim name before running any kubectl command', async () => {
    lab = await doctorLab(['healthy']);
    const rec = await lab.recordingEnv();
    const r = await lab.cli(['fix-permissions', 'team-a/Bad_Name', 'ok/also..bad', '--yes'], { env: rec.env });
    expect(r.stderr).toContain('"team-a/Bad_Name": the claim name "Bad_Name" is not valid: capital letters such as "B" are not allowed; use lower case.');
    expect(r.stderr).toContain('"ok/also..bad": the claim name "also..bad" is not valid: it has an empty part between dots.');
    expect(r.exitCode).toBe(2);
    expect(await rec.calls()).toEqual([]);
  });

  it('leaves a claim that a non-root pod can already write to alone: one proof pod, no chmod', async () => {
    const l = await labWithClaims(['permission-denied']);
    l.sim.updateState((s) => s.chmodDone.push('default/data'));
    const rec = await l.recordingEnv();
    const r = await l.cli(['fix-permissions', 'default/data', '--yes'], { env: rec.env });
    expect(r.stdout).toContain('✓ default/data: already writable by non-root users — nothing was changed.');
    expect(r.stdout).not.toContain('chmod a+w on the volume (pod');
    expect(r.exitCode).toBe(0);
    const created = creates(await rec.calls());
    expect(created).toHaveLength(1);
  });

  it('--all-suspected repairs exactly the suspected claims', async () => {
    const l = await labWithClaims(['permission-denied']);
    await l.waitFor(() => podsOf(l, 'team-a', 'writer-shared').some((p) => p.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'CrashLoopBackOff'));
    const r = await l.cli(['fix-permissions', '--all-suspected']);
    expect(r.stdout).toContain('✓ team-a/shared: fixed');
    expect(r.stdout).not.toContain('default/data: trying');
    expect(r.exitCode).toBe(0);
  });

  it('without a terminal and without names, says which flags to pass', async () => {
    const l = await labWithClaims(['healthy']);
    const r = await l.cli(['fix-permissions']);
    expect(r.stderr).toContain('Without a terminal, name the claims (gluster-lab fix-permissions NAMESPACE/PVC --yes) or pass --all-suspected.');
    expect(r.exitCode).toBe(2);
  });

  it('Ctrl-C while waiting for the chmod pod: the pod is removed and the run ends with 130', async () => {
    const l = await labWithClaims(['permission-denied', 'chmod-pod-never-starts']);
    const out = new PassThrough();
    const err = new PassThrough();
    let text = '';
    out.on('data', (d: Buffer) => (text += d.toString()));
    err.on('data', (d: Buffer) => (text += d.toString()));
    const interrupts = createInterrupts(() => {});
    const ctx: AppContext = {
      lang: 'en',
      labDir: l.labDir,
      json: false,
      yes: true,
      kube: {},
      interactive: false,
      ...interrupts,
      env: l.env,
      stdin: process.stdin,
      stdout: out as unknown as NodeJS.WriteStream,
      stderr: err as unknown as NodeJS.WriteStream,
      simulation: false,
    };
    const run = fixPermissionsFlow(ctx, { claims: ['team-a/shared'], timeout: '60' });
    // Press "Ctrl-C" once the chmod pod exists in the cluster.
    const deadline = Date.now() + 20_000;
    while (!l.temporaryPods().some((p) => p.startsWith('team-a/gl-chmod-'))) {
      if (Date.now() > deadline) throw new Error(`no chmod pod appeared; output:\n${text}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    interrupts.interrupt();
    expect(await run).toBe(130);
    expect(text).toMatch(/removed temporary pod gl-chmod-shared-[0-9a-f]{6}/);
    expect(text).toContain('Interrupted. The temporary pods were removed.');
  });
});
