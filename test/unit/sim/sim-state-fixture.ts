import { defaultLabConfig } from '../../../src/lab/defaults.js';
import { newHeketiModel } from '../../../src/sim/heketi-model.js';
import { insertObject } from '../../../src/sim/kube-store.js';
import type { ScenarioName } from '../../../src/sim/scenarios.js';
import type { SimState } from '../../../src/sim/sim-state.js';

/** The simulated clock's start in these tests. */
export const T0 = 1_700_000_000_000;

/**
 * A simulated lab with the VMs up, the gluster-heketi class and one Pending claim of it in
 * `default` — the starting point of the controller's work.
 */
export function labWithPendingClaim(scenarios: ScenarioName[], claimName: string): SimState {
  const state: SimState = {
    scenarios,
    speed: 1,
    kubeContext: 'minikube',
    counters: { uid: 0, resourceVersion: 1, event: 0 },
    machines: { heketi: { state: 'running', provisioned: true } },
    kube: { objects: [], born: {} },
    heketi: newHeketiModel(['192.168.56.21', '192.168.56.22', '192.168.56.23'], defaultLabConfig.data_disk.size_gb, '/dev/sdb'),
    heketiMachine: 'heketi',
    hostOnlyAddress: '192.168.56.1',
    chmodDone: [],
  };
  insertObject(state, { kind: 'StorageClass', metadata: { name: 'gluster-heketi' }, provisioner: 'kubernetes.io/glusterfs', parameters: { resturl: 'http://192.168.56.20:8080' }, reclaimPolicy: 'Delete' }, T0);
  insertObject(state, { kind: 'PersistentVolumeClaim', metadata: { name: claimName, namespace: 'default' }, spec: { storageClassName: 'gluster-heketi', accessModes: ['ReadWriteMany'], resources: { requests: { storage: '10Gi' } } }, status: { phase: 'Pending' } }, T0);
  return state;
}
