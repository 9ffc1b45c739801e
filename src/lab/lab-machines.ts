import type { KubeNodeConfig, LabConfig, MachineConfig } from './config-schema.js';

/** A VM of the lab: the gluster-lab.yaml machines, and the Kubernetes node when it is on. */
export interface LabMachine {
  name: string;
  role: MachineConfig['role'] | 'kubernetes';
  address: string;
  cpus: number;
  memory_mb: number;
}

/** The lab's Kubernetes node when gluster-lab.yaml turns it on, else undefined. */
export function enabledKubeNode(config: LabConfig): KubeNodeConfig | undefined {
  const node = config.kubernetes.node;
  return node?.enabled === true ? node : undefined;
}

/**
 * Every VM the Vagrantfile defines, in its order: the gluster nodes, Heketi, then the
 * Kubernetes node (provisioning/Vagrantfile builds the same list).
 */
export function labMachines(config: LabConfig): LabMachine[] {
  const gluster = config.machines.filter((m) => m.role === 'gluster');
  const others = config.machines.filter((m) => m.role !== 'gluster');
  const node = enabledKubeNode(config);
  const kube: LabMachine[] = node ? [{ name: node.name, role: 'kubernetes', address: node.address, cpus: node.cpus, memory_mb: node.memory_mb }] : [];
  return [...gluster, ...others, ...kube];
}
