import { afterEach, describe, expect, it } from 'vitest';
import { defaultLabConfig } from '../../src/lab/defaults.js';
import { doctorLab, podsOf, type DoctorLab } from './sim-lab-fixture.js';

interface Finding {
  id: string;
  layer: string;
  category?: string;
  severity: string;
  evidence: string[];
}

let lab: DoctorLab | undefined;
afterEach(async () => {
  // No probe, chmod or write-test pod outlives the commands that made it.
  if (lab) expect(lab.temporaryPods()).toEqual([]);
  await lab?.dispose();
  lab = undefined;
});

const server = defaultLabConfig.machines.find((m) => m.role === 'gluster')?.address ?? '';
const objects = (l: DoctorLab, kind: string) => l.sim.readState().kube.objects.filter((o) => o.kind === kind);

describe('the CSI path on a simulated v1.31 cluster, with gluster-lab alone', () => {
  it('from an up lab to a Bound claim on gluster-nfs in two pods, repaired for a non-root writer and made the default class — no kubectl typed', async () => {
    // 'permission-denied': once the claim is shared, a learner's app running as user 1000 joins it.
    lab = await doctorLab(['k8s-1.31', 'permission-denied']);
    const l = lab;

    const storage = await l.cli(['storage', '--yes', '--pvc', 'gvol-1', '--size', '10Gi', '--client']);
    expect(storage.exitCode).toBe(0);
    expect(storage.stdout).toContain('taking the CSI path');
    expect(storage.stdout).toContain(`The cluster reaches NFS on ${server}:2049.`);
    expect(storage.stdout).toMatch(/csi-driver-nfs v4\.\d+\.\d+ is ready: csi-nfs-controller-\S+, csi-nfs-node-\S+\./);
    expect(storage.stdout).toMatch(/persistentvolumeclaim\/gvol-1\s+Bound\s+pvc-\S+\s+10Gi\s+RWX\s+gluster-nfs/);
    expect(storage.stdout).toMatch(/Both client pods run: gfs-client-gvol-1-\S+, gfs-client-gvol-1-\S+\./);
    expect(storage.stdout).toContain(`  ${server}:/k8s-nfs/default/gvol-1\n`);
    const pv = objects(l, 'PersistentVolume')[0];
    expect(pv?.spec?.csi).toMatchObject({ driver: 'nfs.csi.k8s.io', volumeHandle: `${server}#k8s-nfs#default/gvol-1#${pv?.metadata.name}#` });
    expect(podsOf(l, 'default', 'gfs-client-gvol-1').filter((p) => p.status?.phase === 'Running')).toHaveLength(2);

    // The driver made the claim's directory root-owned 0755: the non-root app cannot write, and doctor says so.
    await l.waitFor(() => podsOf(l, 'default', 'uploader-gvol-1').some((p) => p.status?.containerStatuses?.[0]?.state.waiting?.reason === 'CrashLoopBackOff'));
    const before = await l.cli(['doctor', '--json']);
    const findings = (JSON.parse(before.stdout) as { findings: Finding[] }).findings;
    expect(findings.map((f) => [f.id, f.category])).toEqual([['doctor.permission-denied.default.gvol-1', 'permission-denied']]);
    expect(findings[0]?.evidence.join('\n')).toMatch(/default\/uploader-gvol-1-\S+: sh: can't create \/mnt\/uploads\.log: Permission denied/);
    expect(before.exitCode).toBe(1);

    const repair = await l.cli(['fix-permissions', '--all-suspected']);
    expect(repair.stdout).toMatch(/^default\s+gvol-1\s+Bound\s+10Gi\s+.*suspected$/m);
    expect(repair.stdout).toContain('✓ default/gvol-1: fixed — a pod running as user 1000 can now write to the volume.');
    expect(repair.stdout).toContain('Lasting fix on the CSI path');
    expect(repair.exitCode).toBe(0);
    await l.waitFor(() => podsOf(l, 'default', 'uploader-gvol-1').some((p) => p.status?.phase === 'Running' && p.status.containerStatuses?.[0]?.ready === true));

    const dc = await l.cli(['default-class', '--yes']);
    expect(dc.stdout).toContain('Done: gluster-nfs is the default class.');
    expect(dc.exitCode).toBe(0);
    const defaults = objects(l, 'StorageClass').filter((c) => c.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true');
    expect(defaults.map((c) => c.metadata.name)).toEqual(['gluster-nfs']);

    const status = await l.cli(['status']);
    expect(status.stdout).toContain(`  CSI — class gluster-nfs, csi-driver-nfs on ${server}:/k8s-nfs, a directory per claim`);
    expect(status.stdout).toMatch(/PVCs of class gluster-nfs:\n.*\n\s+default\s+gvol-1\s+Bound\s+10Gi/);
    const after = await l.cli(['doctor']);
    expect(after.stdout).toMatch(/✓ CSI driver\s+csi-driver-nfs: 2 of 2 pods Ready/);
    expect(after.stdout).toContain('Everything checked is healthy: no findings.');
    expect(after.exitCode).toBe(0);
  }, 600_000);

  it('the Heketi path still works on v1.25, and --path csi takes the CSI path there', async () => {
    lab = await doctorLab(['k8s-1.25']);
    const heketi = await lab.cli(['storage', '--yes', '--pvc', 'gvol-1', '--size', '10Gi']);
    expect(heketi.exitCode).toBe(0);
    expect(heketi.stdout).toContain('Storage path: heketi, the default on Kubernetes v1.25.16 (--path csi takes the other one).');
    expect(heketi.stdout).toMatch(/persistentvolumeclaim\/gvol-1\s+Bound\s+pvc-\S+\s+10Gi\s+RWX\s+gluster-heketi/);
    const csi = await lab.cli(['storage', '--yes', '--path', 'csi', '--pvc', 'gvol-2', '--size', '1Gi']);
    expect(csi.exitCode).toBe(0);
    expect(csi.stdout).toContain('Storage path: csi (--path csi).');
    expect(csi.stdout).toMatch(/persistentvolumeclaim\/gvol-2\s+Bound\s+pvc-\S+\s+1Gi\s+RWX\s+gluster-nfs/);
    // Both classes now: default-class needs to be told which.
    const dc = await lab.cli(['default-class', '--yes']);
    expect(dc.exitCode).toBe(2);
    expect(dc.stderr).toContain('Pass --path heketi|csi');
  }, 600_000);

  it('doctor explains a failed CSI set-up: the driver\'s image that cannot be pulled; the export missing on the server', async () => {
    lab = await doctorLab(['k8s-1.31', 'csi-image-pull']);
    const pull = await lab.cli(['storage', '--yes', '--pvc', 'gvol-1', '--size', '1Gi'], { env: { ...lab.env, GLUSTER_LAB_BIND_TIMEOUT_MS: '3000' } });
    expect(pull.exitCode).toBe(1);
    const pulled = JSON.parse((await lab.cli(['doctor', '--json'])).stdout) as { findings: Finding[]; layers: { layer: string; status: string; summary: string }[] };
    expect(pulled.layers.find((x) => x.layer === 'csi-driver')).toMatchObject({ status: 'failed', summary: 'csi-driver-nfs: 0 of 2 pods Ready' });
    const image = pulled.findings.find((f) => f.layer === 'csi-driver');
    expect(image).toMatchObject({ id: 'csi-driver-image-pull', category: 'csi-driver' });
    expect(image?.evidence.join('\n')).toMatch(/csi-nfs-controller-\S+ 4\/5 (ErrImagePull|ImagePullBackOff)/);
    expect(lab.temporaryPods()).toEqual([]);
    await lab.dispose();

    lab = await doctorLab(['k8s-1.31', 'nfs-export-missing']);
    const missing = await lab.cli(['storage', '--yes', '--pvc', 'gvol-1', '--size', '1Gi']);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain('The NFS server has no such export');
    const report = JSON.parse((await lab.cli(['doctor', '--json'])).stdout) as { findings: Finding[] };
    const pending = report.findings.find((f) => f.layer === 'pvcs');
    expect(pending).toMatchObject({ id: 'nfs-export-missing', category: 'nfs-export' });
    expect(pending?.evidence.join('\n')).toContain('failed, reason given by server: No such file or directory');
    expect(report.findings.some((f) => f.layer === 'csi-driver' || f.layer === 'cluster')).toBe(false);
  }, 600_000);
});
