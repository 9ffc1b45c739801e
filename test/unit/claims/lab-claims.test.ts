import { describe, expect, it } from 'vitest';
import { labClaimPath, labClaimRules, labClaims } from '../../../src/claims/lab-claims.js';
import type { ClusterObjects } from '../../../src/claims/cluster-objects.js';
import { defaultLabConfig } from '../../../src/lab/defaults.js';
import type { Pv, Pvc, StorageClass } from '../../../src/tools/kubectl-types.js';

const pvc = (name: string, cls: string, volumeName?: string): Pvc => ({
  metadata: { name, namespace: 'default' },
  spec: { storageClassName: cls, ...(volumeName ? { volumeName } : {}), resources: { requests: { storage: '1Gi' } } },
  status: { phase: volumeName ? 'Bound' : 'Pending' },
});
const nfsClass = (name: string, server: string): StorageClass => ({ metadata: { name }, provisioner: 'nfs.csi.k8s.io', parameters: { server, share: '/k8s-nfs' } });
const csiPv = (name: string, server: string): Pv => ({
  metadata: { name },
  spec: { csi: { driver: 'nfs.csi.k8s.io', volumeHandle: `${server}#k8s-nfs#default/x#${name}#`, volumeAttributes: { server, share: '/k8s-nfs' } } },
});

const [first, second, third] = defaultLabConfig.machines.filter((m) => m.role === 'gluster').map((m) => m.address);

describe('which claims are the lab\'s, on either path', () => {
  const rules = labClaimRules(defaultLabConfig);
  const objects: ClusterObjects = {
    scope: 'all',
    classes: [
      { metadata: { name: 'gluster-heketi' }, provisioner: 'kubernetes.io/glusterfs' },
      nfsClass('gluster-nfs', first ?? ''),
      nfsClass('nfs-second-node', third ?? ''),
      nfsClass('office-nas', '10.0.0.9'),
      { metadata: { name: 'standard' }, provisioner: 'k8s.io/minikube-hostpath' },
    ],
    pvcs: [
      pvc('heketi-claim', 'gluster-heketi', 'pv-h'),
      pvc('csi-claim', 'gluster-nfs', 'pv-c'),
      pvc('csi-pending', 'gluster-nfs'),
      pvc('other-node', 'nfs-second-node'),
      pvc('nas-claim', 'office-nas', 'pv-nas'),
      pvc('local', 'standard', 'pv-l'),
      // Its class was deleted, but the PV says where it lives.
      pvc('orphan', 'gone-class', 'pv-o'),
    ],
    pvs: [
      { metadata: { name: 'pv-h' }, spec: { glusterfs: { endpoints: 'e', path: 'vol_1' } } },
      csiPv('pv-c', first ?? ''),
      csiPv('pv-nas', '10.0.0.9'),
      { metadata: { name: 'pv-l' }, spec: {} },
      csiPv('pv-o', second ?? ''),
    ],
    pods: [],
  };

  it('Heketi path by class or glusterfs PV; CSI path by csi-driver-nfs on a lab node, by class or by PV; another NFS server is not the lab\'s', () => {
    expect(labClaims(objects, rules).map((c) => [c.name, c.path])).toEqual([
      ['csi-claim', 'csi'],
      ['csi-pending', 'csi'],
      ['heketi-claim', 'heketi'],
      ['orphan', 'csi'],
      ['other-node', 'csi'],
    ]);
  });

  it('without a lab only the glusterfs provisioner counts; the CSI class name counts while its class cannot be read', () => {
    expect(labClaims(objects).map((c) => c.name)).toEqual(['heketi-claim']);
    const noClasses = { classes: [], pvs: [] };
    expect(labClaimPath(pvc('x', 'gluster-nfs'), noClasses, rules)).toBe('csi');
    expect(labClaimPath(pvc('x', 'gluster-heketi'), noClasses, rules)).toBe('heketi');
    expect(labClaimPath(pvc('x', 'office-nas'), noClasses, rules)).toBeUndefined();
  });
});
