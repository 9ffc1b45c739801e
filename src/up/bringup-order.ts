import type { LabConfig } from '../lab/config-schema.js';

/**
 * The order `vagrant up` brings VMs up: provisioning/Vagrantfile defines the GlusterFS
 * nodes first (Heketi loads the topology of running nodes), then Heketi.
 */
export function bringupOrder(config: LabConfig): string[] {
  const gluster = config.machines.filter((m) => m.role === 'gluster').map((m) => m.name);
  const heketi = config.machines.filter((m) => m.role === 'heketi').map((m) => m.name);
  return [...gluster, ...heketi];
}
