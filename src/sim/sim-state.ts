import type { SimLabNode } from './lab-cluster.js';
import type { ScenarioName } from './scenarios.js';
import type { HeketiModel } from './heketi-model.js';
import type { KubeObject } from './kube-object.js';
import type { SimNfs } from './nfs-model.js';

export type MachineState = 'not_created' | 'running' | 'poweroff';

export interface SimMachine {
  state: MachineState;
  provisioned: boolean;
  /** VirtualBox's name for the VM, printed by `vagrant up` ("Setting the name of the VM"). */
  vmName?: string;
}

export interface SimState {
  scenarios: ScenarioName[];
  speed: number;
  /** kubectl's current context and cluster name. */
  kubeContext: string;
  counters: { uid: number; resourceVersion: number; event: number };
  /** Keyed by machine name; a machine absent here is not created. */
  machines: Record<string, SimMachine>;
  kube: {
    objects: KubeObject[];
    /** Real wall-clock ms at which each object (by uid) was created: simulated time runs from here. */
    born: Record<string, number>;
  };
  heketi: HeketiModel;
  /** The VM that runs Heketi: its REST API answers only while that machine runs, provisioned. */
  heketiMachine: string;
  /** Claims (namespace/name) on which a chmod pod has finished: non-root writes succeed there. */
  chmodDone: string[];
  /** The lab's own Kubernetes node, when its gluster-lab.yaml turns it on: kubectl reaches it through the lab's kubeconfig. */
  labNode?: SimLabNode;
  /** Boxes installed on the simulated host (`vagrant box list`); absent in older state files: the lab's box. */
  boxes?: string[];
  /** Claims (namespace/name) given the 'permission-denied' scenario's non-root app (non-root-app.ts); absent in older state files. */
  nonRootApps?: string[];
  /** The lab's NFS-Ganesha export, for the CSI path (nfs-model.ts); absent in older state files. */
  nfs?: SimNfs;
}
