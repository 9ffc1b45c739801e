import { afterEach, describe, expect, it } from 'vitest';
import type { ScenarioName } from '../../src/sim/scenarios.js';
import { doctorLab, podsOf, type DoctorLab } from './sim-lab-fixture.js';

interface Finding {
  id: string;
  layer: string;
  category?: string;
  severity: string;
  title: string;
  explanation: string;
  fix: string;
  evidence: string[];
}
interface Report {
  findings: Finding[];
  layers: { layer: string; status: string; summary: string }[];
}

let lab: DoctorLab | undefined;
afterEach(async () => {
  // No scenario may leave a temporary pod behind (doctor's write test pods are deleted; this proves it).
  if (lab) expect(lab.temporaryPods()).toEqual([]);
  await lab?.dispose();
  lab = undefined;
});

/** A lab with the class applied and one claim of 1Gi in `default`, Bound unless the scenario prevents it. */
async function labWithClaim(scenarios: ScenarioName[], machines: 'running' | 'poweroff' | 'not_created' = 'running') {
  lab = await doctorLab(scenarios, machines);
  if (!scenarios.includes('class-other-params')) await lab.applyLabClass();
  await lab.claim('default', 'data');
  return lab;
}

async function doctorJson(l: DoctorLab): Promise<{ exitCode: number; report: Report }> {
  const r = await l.cli(['doctor', '--json']);
  return { exitCode: r.exitCode, report: JSON.parse(r.stdout) as Report };
}

const layer = (report: Report, name: string) => report.layers.find((l) => l.layer === name);

describe('doctor against the simulated lab', () => {
  it('warns about a fresh claim non-root pods cannot write to yet, agreeing with the repair; after it, finds nothing and says so', async () => {
    const l = await labWithClaim(['healthy']);
    await l.writer('default', 'data');
    await l.waitFor(() => podsOf(l, 'default', 'writer-data').some((p) => p.status?.phase === 'Running'));
    // The fresh volume's root is root-owned: the repair's own write test fails, so doctor says so.
    const before = await doctorJson(l);
    expect(before.exitCode).toBe(0);
    expect(before.report.findings.map((f) => [f.id, f.severity, f.category])).toEqual([['doctor.write-test-refused.default.data', 'warning', 'permission-denied']]);
    expect(before.report.findings[0]?.fix).toContain('gluster-lab fix-permissions default/data');
    expect(layer(before.report, 'permission-denied')?.summary).toContain('non-root write test refused on 1 of 1 claim(s)');
    const repair = await l.cli(['fix-permissions', 'default/data', '--yes']);
    expect(repair.stdout).toContain('default/data: fixed');
    const json = await doctorJson(l);
    expect(json.report.findings).toEqual([]);
    expect(json.report.layers.map((x) => [x.layer, x.status])).toEqual([
      ['vms', 'ok'], ['heketi', 'ok'], ['gluster-peers', 'ok'], ['nfs-export', 'ok'], ['cluster', 'ok'], ['storageclass', 'ok'], ['pvcs', 'ok'], ['pod-mounts', 'ok'], ['permission-denied', 'ok'],
    ]);
    expect(json.exitCode).toBe(0);
    const plain = await l.cli(['doctor']);
    expect(plain.stdout).toContain('✓ VMs');
    expect(plain.stdout).toContain('4 of 4 running');
    expect(plain.stdout).toContain('3 of 3 gluster VMs answer on port 2049');
    expect(plain.stdout).toContain('Everything checked is healthy: no findings.');
    expect(plain.exitCode).toBe(0);
    // Three doctor runs and a repair, each a few temporary pods.
  }, 90_000);

  it('reports VMs that were never created once, and skips Heketi and the peers instead of failing them', async () => {
    const l = await labWithClaim(['healthy'], 'not_created');
    const { exitCode, report } = await doctorJson(l);
    expect(exitCode).toBe(1);
    expect(report.findings.filter((f) => f.layer === 'vms').map((f) => f.id)).toEqual(['doctor.vms-not-created']);
    expect(report.findings.find((f) => f.id === 'doctor.vms-not-created')?.fix).toBe('Run gluster-lab up to create and provision them.');
    expect(layer(report, 'heketi')).toMatchObject({ status: 'skipped', summary: 'skipped: the heketi VM is not running' });
    expect(layer(report, 'gluster-peers')).toMatchObject({ status: 'skipped', summary: 'skipped: VMs not running' });
    expect(layer(report, 'nfs-export')).toMatchObject({ status: 'skipped', summary: 'skipped: VMs not running' });
    expect(report.findings.some((f) => f.layer === 'heketi' || f.layer === 'gluster-peers' || f.layer === 'nfs-export')).toBe(false);
  });

  it('reports stopped VMs with the command that starts them', async () => {
    const l = await labWithClaim(['healthy'], 'poweroff');
    const { exitCode, report } = await doctorJson(l);
    expect(exitCode).toBe(1);
    const vms = report.findings.find((f) => f.id === 'doctor.vms-stopped');
    expect(vms?.explanation).toContain('heketi (poweroff)');
    expect(vms?.fix).toContain('gluster-lab up');
    expect(layer(report, 'gluster-peers')?.status).toBe('skipped');
  });

  it("'heketi-unreachable': Heketi does not answer while its VM runs, and the claim's ProvisioningFailed says why", async () => {
    const l = await labWithClaim(['heketi-unreachable']);
    await l.waitFor(() => l.sim.readState().kube.objects.some((o) => o.kind === 'Event' && o.reason === 'ProvisioningFailed'));
    const { exitCode, report } = await doctorJson(l);
    expect(exitCode).toBe(1);
    const heketi = report.findings.find((f) => f.layer === 'heketi');
    expect(heketi).toMatchObject({ id: 'doctor.heketi-unreachable', category: 'heketi-unreachable' });
    expect(heketi?.explanation).toContain('ECONNREFUSED');
    expect(layer(report, 'gluster-peers')?.status).toBe('ok');
    const pvc = report.findings.find((f) => f.layer === 'pvcs');
    expect(pvc?.category).toBe('heketi-unreachable');
    expect(pvc?.evidence.join('\n')).toContain('default/data: Warning ProvisioningFailed');
  });

  it("'k8s-1.27': the provisioner-removed finding, and the Pending claim blamed on it", async () => {
    const l = await labWithClaim(['k8s-1.27']);
    const { exitCode, report } = await doctorJson(l);
    expect(exitCode).toBe(1);
    const cluster = report.findings.find((f) => f.layer === 'cluster');
    expect(cluster).toMatchObject({ id: 'doctor.provisioner-removed', category: 'k8s-provisioner-removed' });
    expect(cluster?.title).toMatch(/^Kubernetes v1\.27\.\S+ has no GlusterFS provisioner$/);
    const pvc = report.findings.find((f) => f.layer === 'pvcs');
    expect(pvc).toMatchObject({ id: 'doctor.pvc-no-provisioner', category: 'k8s-provisioner-removed', evidence: ['default/data: Pending'] });
  });

  it("'k8s-1.25': a warning that the provisioner is deprecated, and exit 0 (it still provisions)", async () => {
    const l = await labWithClaim(['k8s-1.25']);
    const { exitCode, report } = await doctorJson(l);
    expect(exitCode).toBe(0);
    expect(report.findings.filter((f) => f.layer === 'cluster')).toMatchObject([{ id: 'doctor.provisioner-deprecated', category: 'k8s-provisioner-removed' }]);
    expect(layer(report, 'cluster')?.status).toBe('warning');
  });

  it("'pvc-provisioning-failed': the claim is Pending and its warning event is the evidence", async () => {
    const l = await labWithClaim(['pvc-provisioning-failed']);
    await l.waitFor(() => l.sim.readState().kube.objects.some((o) => o.kind === 'Event' && o.reason === 'ProvisioningFailed'));
    const { exitCode, report } = await doctorJson(l);
    expect(exitCode).toBe(1);
    const pvc = report.findings.filter((f) => f.layer === 'pvcs');
    expect(pvc).toHaveLength(1);
    expect(pvc[0]?.category).toBe('k8s-provision-failed');
    expect(pvc[0]?.evidence.join('\n')).toContain('see kube-controller-manager.log for details');
  });

  it("'permission-denied': the pod's Permission denied and the fix-permissions command for its claim", async () => {
    lab = await doctorLab(['permission-denied']);
    const l = lab;
    await l.applyLabClass();
    await l.claim('team-a', 'shared');
    await l.writer('team-a', 'shared', 1000);
    await l.waitFor(() => podsOf(l, 'team-a', 'writer-shared').some((p) => p.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'CrashLoopBackOff'));
    const { exitCode, report } = await doctorJson(l);
    expect(exitCode).toBe(1);
    expect(report.findings).toHaveLength(1);
    const denied = report.findings[0];
    expect(denied).toMatchObject({ layer: 'permission-denied', category: 'permission-denied' });
    expect(denied?.explanation).toMatch(/^Pod team-a\/writer-shared-\S+ \(user 1000\) cannot write to claim team-a\/shared/);
    expect(denied?.fix).toContain('Run gluster-lab fix-permissions team-a/shared.');
    expect(denied?.evidence[0]).toMatch(/^team-a\/writer-shared-\S+: sh: can't create \/mnt\/hello\.txt: Permission denied$/);
  });

  it("'two-default-classes': both defaults named, with default-class as the fix", async () => {
    const l = await labWithClaim(['two-default-classes']);
    const { exitCode, report } = await doctorJson(l);
    expect(exitCode).toBe(1);
    const conflict = report.findings.find((f) => f.category === 'default-class-conflict');
    expect(conflict?.layer).toBe('storageclass');
    expect(conflict?.explanation).toContain('standard (k8s.io/minikube-hostpath), fast (rancher.io/local-path)');
    expect(conflict?.fix).toContain('gluster-lab default-class');
  });

  it("'class-other-params': every parameter that differs from gluster-lab.yaml is shown", async () => {
    const l = await labWithClaim(['class-other-params']);
    const { exitCode, report } = await doctorJson(l);
    expect(exitCode).toBe(1);
    const differs = report.findings.find((f) => f.id === 'doctor.class-differs');
    expect(differs?.evidence).toEqual(
      expect.arrayContaining([
        `parameters.resturl: cluster has http://10.0.0.5:8080, the lab wants ${l.sim.heketiUrl}`,
        'parameters.secretName: cluster has old-heketi-secret, the lab wants heketi-secret',
        'parameters.secretNamespace: cluster has kube-system, the lab wants default',
      ]),
    );
    expect(layer(report, 'storageclass')?.summary).toBe('gluster-heketi: differs from the lab');
  });

  it("'glusterfs-client-missing': the pod's FailedMount explained by the catalogue", async () => {
    const l = await labWithClaim(['glusterfs-client-missing']);
    await l.writer('default', 'data');
    await l.waitFor(() => l.sim.readState().kube.objects.some((o) => o.kind === 'Event' && o.reason === 'FailedMount'));
    const { exitCode, report } = await doctorJson(l);
    expect(exitCode).toBe(1);
    const mount = report.findings.find((f) => f.layer === 'pod-mounts');
    expect(mount?.category).toBe('glusterfs-client-missing');
    expect(mount?.evidence.join('\n')).toContain("unknown filesystem type 'glusterfs'");
  });

  it('says the cluster cannot be reached once, and skips the layers that need it', async () => {
    lab = await doctorLab(['healthy']);
    const { exitCode, report } = await (async () => {
      const r = await lab.cli(['doctor', '--json', '--context', 'no-such-context']);
      return { exitCode: r.exitCode, report: JSON.parse(r.stdout) as Report };
    })();
    expect(exitCode).toBe(1);
    expect(report.findings.filter((f) => f.layer === 'cluster')).toHaveLength(1);
    for (const name of ['storageclass', 'pvcs', 'pod-mounts', 'permission-denied']) {
      expect(layer(report, name)).toMatchObject({ status: 'skipped', summary: 'skipped: cluster not reachable' });
    }
  });
});
