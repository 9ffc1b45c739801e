import type { LabConfig } from '../lab/config-schema.js';
import { labMachines } from '../lab/lab-machines.js';

/**
 * The order `vagrant up` brings VMs up: provisioning/Vagrantfile defines the GlusterFS
 * nodes first (Heketi loads the topology of running nodes), then Heketi, then the lab's
 * Kubernetes node when it has one.
 */
export function bringupOrder(config: LabConfig): string[] {
  return labMachines(config).map((m) => m.name);
}

/** One VM of a parallel bring-up and the VMs that must be up before it starts. */
export interface BringupStep {
  name: string;
  after: readonly string[];
}

/**
 * The parallel bring-up: every gluster node and the Kubernetes node at once; Heketi when
 * every gluster node is up, since its provisioning loads their topology.
 */
export function bringupPlan(config: LabConfig): BringupStep[] {
  const machines = labMachines(config);
  const gluster = machines.filter((m) => m.role === 'gluster').map((m) => m.name);
  return machines.map((m) => ({ name: m.name, after: m.role === 'heketi' ? gluster : [] }));
}
