import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { storageFlow } from '../../../src/flows/storage.js';
import { csiDriverRelease } from '../../../src/k8s/csi-driver-release.js';
import { defaultLabConfig } from '../../../src/lab/defaults.js';
import { startStorageLab, testContext, type KubectlCall, type StorageLab } from './storage-harness.js';

vi.mock('@inquirer/prompts', () => import('./prompts-fake.js'));

let lab: StorageLab | undefined;
afterEach(async () => {
  await lab?.stop();
  lab = undefined;
});

// Every kubectl call is a process of its own; on two shared cores a whole run takes a while.
const slow = 240_000;
// The lab `init` made: its first gluster node serves the export.
const server = defaultLabConfig.machines.find((m) => m.role === 'gluster')?.address ?? '';
const dashed = server.replaceAll('.', '-');
const network = `${server.split('.').slice(0, 3).join('.')}.0/24`;
const flags = { pvc: 'gvol-1', size: '10Gi' };
const verbs = (calls: KubectlCall[]) => calls.map((c) => c.argv.slice(4).join(' '));
const writes = (calls: KubectlCall[]) => calls.filter((c) => ['apply', 'create', 'delete', 'patch'].includes(c.argv[4] ?? ''));
const objects = (l: StorageLab, kind: string) => l.sim.readState().kube.objects.filter((o) => o.kind === kind);

describe('storage on the CSI path (simulated v1.31 cluster)', () => {
  it('probe pod first, then the four upstream files applied as shipped, the class, a Bound claim as a directory of the export, two client pods and df over NFS', { timeout: slow }, async () => {
    lab = await startStorageLab(['k8s-1.31']);
    const { ctx, out } = testContext(lab);
    expect(await storageFlow(ctx, { ...flags, client: true })).toBe(0);
    const calls = await lab.calls();
    const list = verbs(calls);
    expect(list.slice(0, 3)).toEqual(['config view --minify -o json', 'version -o json', 'create -f - -o json']);

    // Reachability first: the probe pod, labelled temporary, tries TCP 2049 on the first gluster node, and is gone.
    const probe = JSON.parse(calls[2]?.stdin ?? '{}') as { metadata: { name: string; labels: Record<string, string> }; spec: { containers: { command: string[] }[] } };
    expect(probe.metadata.name).toMatch(new RegExp(`^gl-nfs-probe-${dashed}-[0-9a-f]{6}$`));
    expect(probe.metadata.labels).toMatchObject({ 'gluster-lab/temporary': 'true', 'app.kubernetes.io/managed-by': 'gluster-lab' });
    expect(probe.spec.containers[0]?.command).toEqual(['nc', '-z', '-v', '-w', '5', server, '2049']);
    expect(list).toContain(`delete pod ${probe.metadata.name} -n default --ignore-not-found --wait=false`);
    expect(objects(lab, 'Pod').filter((p) => p.metadata.labels?.['gluster-lab/temporary'] === 'true')).toEqual([]);

    // The driver: each shipped file through `apply -f -`, byte for byte, before anything of the class or claim.
    const release = csiDriverRelease();
    const applied = calls.filter((c) => c.argv.slice(4).join(' ') === 'apply -f -');
    expect(applied.map((c) => c.stdin)).toEqual(release.manifests.map((m) => readFileSync(join(release.dir, m.file), 'utf8')));
    expect(list.indexOf('apply -f -')).toBeLessThan(list.indexOf('get storageclass -o json'));
    expect(list).toContain('get deployment csi-nfs-controller -n kube-system -o json');
    expect(list).toContain('get daemonset csi-nfs-node -n kube-system -o json');
    expect(out()).toContain('  csi-nfs-node.yaml: daemonset.apps/csi-nfs-node created');
    expect(out()).toMatch(/csi-driver-nfs v4\.\d+\.\d+ is ready: csi-nfs-controller-\S+, csi-nfs-node-\S+\./);

    // The class as k8s-yaml/nfs-storageclass.yml makes it, and no Heketi Secret on this path.
    const sent = writes(calls).filter((c) => c.argv.includes('json')).map((c) => JSON.parse(c.stdin) as { kind: string });
    expect(sent.find((m) => m.kind === 'StorageClass')).toEqual({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'gluster-nfs' },
      provisioner: 'nfs.csi.k8s.io',
      parameters: { server, share: '/k8s-nfs', subDir: '${pvc.metadata.namespace}/${pvc.metadata.name}', onDelete: 'delete' },
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'Immediate',
      allowVolumeExpansion: true,
      mountOptions: ['nfsvers=4.1'],
    });
    expect(lab.names('Secret')).toEqual([]);

    expect(out()).toContain('taking the CSI path');
    expect(out()).toContain(`The cluster reaches NFS on ${server}:2049.`);
    expect(out()).toContain('Prevention: none.');
    expect(out()).toMatch(/persistentvolumeclaim\/gvol-1\s+Bound\s+pvc-\S+\s+10Gi\s+RWX\s+gluster-nfs/);
    expect(out()).toContain(`  ${server}:/k8s-nfs/default/gvol-1\n`);
    expect(out()).toContain('Done. The claim is a directory of the lab\'s NFS export of class gluster-nfs, ready for pods.');
    expect(out()).toContain('Next: Make GlusterFS the default class ("gluster-lab default-class").');
    const pv = objects(lab, 'PersistentVolume')[0];
    expect(pv?.spec?.csi?.volumeHandle).toBe(`${server}#k8s-nfs#default/gvol-1#${pv?.metadata.name}#`);

    // A second run changes nothing: the driver's objects unchanged, the class kept, the claim found.
    await lab.clearCalls();
    const again = testContext(lab);
    expect(await storageFlow(again.ctx, flags)).toBe(0);
    expect(again.out()).toContain('csi-nfs-node.yaml: daemonset.apps/csi-nfs-node unchanged');
    expect(again.out()).toContain('StorageClass gluster-nfs: unchanged.');
    expect(again.out()).toContain('PersistentVolumeClaim default/gvol-1 already exists (Bound)');
  });

  it('--path heketi on v1.31 is refused with the removal explained and the CSI path named; nothing is created', { timeout: slow }, async () => {
    lab = await startStorageLab(['k8s-1.31']);
    const { ctx, err } = testContext(lab);
    expect(await storageFlow(ctx, { ...flags, path: 'heketi' })).toBe(1);
    expect(err()).toContain('This cluster runs Kubernetes v1.31.9');
    expect(err()).toContain('removed in v1.26');
    expect(err()).toContain('gluster-lab storage --path csi');
    expect(verbs(await lab.calls())).toEqual(['config view --minify -o json', 'version -o json']);
  });

  it('NFS unreachable from the cluster: stops after the probe with nc\'s line and what to do; the probe pod is deleted, nothing installed', { timeout: slow }, async () => {
    lab = await startStorageLab(['k8s-1.31', 'nfs-unreachable']);
    const { ctx, out, err } = testContext(lab);
    expect(await storageFlow(ctx, flags)).toBe(1);
    expect(err()).toContain(`Pods of this cluster cannot reach NFS on ${server}:2049. Nothing was installed.`);
    expect(err()).toContain(`  nc: ${server} (${server}:2049): Connection timed out`);
    expect(err()).toContain(`host-only network (${network})`);
    expect(err()).toContain('Run the cluster on the same host as the lab');
    expect(out()).toMatch(/probe pod gl-nfs-probe-\S+ deleted/);
    expect(objects(lab, 'Pod')).toEqual([]);
    expect(objects(lab, 'CSIDriver')).toEqual([]);
    expect(lab.names('StorageClass')).not.toContain('gluster-nfs');
    expect(writes(await lab.calls()).map((c) => c.argv.slice(4, 6).join(' '))).toEqual(['create -f', 'delete pod']);
  });

  it('the driver\'s image cannot be pulled: its Warning events with the diagnosis, then a stop naming the pods; no class, no claim', { timeout: slow }, async () => {
    lab = await startStorageLab(['k8s-1.31', 'csi-image-pull']);
    const { ctx, out, err } = testContext(lab);
    expect(await storageFlow(ctx, flags)).toBe(1);
    expect(out()).toMatch(/event Warning Failed( \(x\d+\))?: Failed to pull image "registry\.k8s\.io\/sig-storage\/nfsplugin:v[\d.]+": rpc error: code = NotFound/);
    expect(out().match(/The csi-driver-nfs pods cannot pull their images/g)).toHaveLength(1);
    expect(err()).toMatch(/The driver's pods are not Ready after \d+ s: csi-nfs-controller-\S+ 4\/5 (ErrImagePull|ImagePullBackOff), csi-nfs-node-\S+ 2\/3 (ErrImagePull|ImagePullBackOff)\. No class or claim was created\./);
    expect(err()).toContain('The csi-driver-nfs pods cannot pull their images');
    expect(lab.names('StorageClass')).not.toContain('gluster-nfs');
    expect(lab.names('PersistentVolumeClaim')).toEqual([]);
  });

  it('the export is missing on the server: the claim\'s ProvisioningFailed ends the wait at once with the catalogue\'s explanation', { timeout: slow }, async () => {
    lab = await startStorageLab(['k8s-1.31', 'nfs-export-missing']);
    const { ctx, err } = testContext(lab);
    expect(await storageFlow(ctx, flags)).toBe(1);
    expect(err()).toContain('The NFS server has no such export (wrong share, or the export is missing)');
    expect(err()).toContain('Stopped waiting for gvol-1: the provisioner failed for a reason that retrying will not fix.');
  });
});
