import { describe, expect, it } from 'vitest';
import { advance } from '../../../src/sim/kube-controller.js';
import { insertObject, listObjects } from '../../../src/sim/kube-store.js';
import type { ScenarioName } from '../../../src/sim/scenarios.js';
import type { SimState } from '../../../src/sim/sim-state.js';
import { labWithPendingClaim, T0 } from './sim-state-fixture.js';

function lab(scenarios: ScenarioName[]): SimState {
  return labWithPendingClaim(scenarios, 'gfs-pvc-1');
}

describe('simulated persistentvolume controller', () => {
  it('binds a glusterfs claim after the provisioning delay, with a Heketi volume and a PV', () => {
    const state = lab(['healthy']);
    advance(state, T0 + 2_000);
    expect(listObjects(state, 'PersistentVolumeClaim')[0]?.status?.phase).toBe('Pending');
    advance(state, T0 + 5_000);
    const pvc = listObjects(state, 'PersistentVolumeClaim')[0];
    expect(pvc?.status).toEqual({ accessModes: ['ReadWriteMany'], capacity: { storage: '10Gi' }, phase: 'Bound' });
    const pv = listObjects(state, 'PersistentVolume')[0];
    expect(pv?.metadata.name).toBe(`pvc-${pvc?.metadata.uid}`);
    expect(pv?.spec?.glusterfs?.path).toBe(state.heketi.volumes[0]?.name);
    expect(listObjects(state, 'Event').map((e) => e.reason)).toEqual(['ProvisioningSucceeded']);
  });

  it('leaves the claim Pending without events on a 1.27 server (no in-tree plugin)', () => {
    const state = lab(['k8s-1.27']);
    advance(state, T0 + 60_000);
    expect(listObjects(state, 'PersistentVolumeClaim')[0]?.status?.phase).toBe('Pending');
    expect(listObjects(state, 'Event')).toEqual([]);
  });

  it('reports ProvisioningFailed with the controller wording, counting retries', () => {
    const state = lab(['pvc-provisioning-failed']);
    advance(state, T0 + 32_000);
    const events = listObjects(state, 'Event');
    expect(events).toHaveLength(1);
    expect(events[0]?.type).toBe('Warning');
    expect(events[0]?.message).toBe('Failed to provision volume with StorageClass "gluster-heketi": failed to create volume: failed to create volume: see kube-controller-manager.log for details');
    expect(events[0]?.count).toBe(3);
  });

  it('starts a chmod pod on the bound claim and records that the volume was opened', () => {
    const state = lab(['healthy']);
    insertObject(state, { kind: 'Pod', metadata: { name: 'chmod-pod', namespace: 'default' }, spec: { containers: [{ name: 'chmod', image: 'busybox:1.36', command: ['sh', '-c', 'chmod a+w /mnt'] }], volumes: [{ name: 'v', persistentVolumeClaim: { claimName: 'gfs-pvc-1' } }] }, status: { phase: 'Pending' } }, T0);
    advance(state, T0 + 5_000);
    advance(state, T0 + 12_000);
    const pod = listObjects(state, 'Pod')[0];
    expect(pod?.status?.phase).toBe('Succeeded');
    expect(state.chmodDone).toEqual(['default/gfs-pvc-1']);
    expect(listObjects(state, 'Event').filter((e) => e.involvedObject?.kind === 'Pod').map((e) => e.reason)).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
  });
});
