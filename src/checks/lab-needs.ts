import type { LabConfig } from '../lab/config-schema.js';
import { labMachines } from '../lab/lab-machines.js';

const GIB = 1024 ** 3;

/**
 * What the lab asks of the host, from its gluster-lab.yaml. Disk: an imported Ubuntu box
 * grows to about 2 GB per VM after provisioning; the data disks are dynamically allocated,
 * so they start small but can fill up to their full size.
 */
export interface LabNeeds {
  vms: number;
  memoryBytes: number;
  cpus: number;
  addresses: string[];
  /** Memory of the lab's Kubernetes node (0 without one): part of memoryBytes. */
  kubeNodeMemoryBytes: number;
  minimumDiskBytes: number;
  /** Every gluster node's data disk at full size. */
  dataDiskBytes: number;
  dataDisks: number;
}

const diskPerVmBytes = 2 * GIB;
const minimumDiskFloorBytes = 5 * GIB;

export function labNeeds(config: LabConfig): LabNeeds {
  // Every VM the Vagrantfile defines: the Kubernetes node too, when it is on.
  const machines = labMachines(config);
  const glusters = machines.filter((m) => m.role === 'gluster').length;
  const node = machines.find((m) => m.role === 'kubernetes');
  return {
    vms: machines.length,
    memoryBytes: machines.reduce((sum, m) => sum + m.memory_mb * 1024 * 1024, 0),
    cpus: machines.reduce((sum, m) => sum + m.cpus, 0),
    addresses: machines.map((m) => m.address),
    kubeNodeMemoryBytes: node ? node.memory_mb * 1024 * 1024 : 0,
    minimumDiskBytes: Math.max(minimumDiskFloorBytes, machines.length * diskPerVmBytes),
    dataDiskBytes: glusters * config.data_disk.size_gb * GIB,
    dataDisks: glusters,
  };
}

/** Bytes as GB with one decimal, the unit people buy memory and disks in ("15.5"). */
export function gigabytes(bytes: number): string {
  const value = Math.round((bytes / GIB) * 10) / 10;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
