import type { HeketiTopology } from '../tools/heketi-types.js';

interface HeketiNodeCapacity {
  /** Its storage hostname (the address bricks are on). */
  host: string;
  state: string;
  devices: number;
  /** KiB, as Heketi counts. */
  freeKiB: number;
  totalKiB: number;
}

export interface HeketiCapacity {
  clusters: number;
  nodes: HeketiNodeCapacity[];
  /** Nodes online with at least one online device: a replica-3 volume needs three. */
  usableNodes: number;
  freeKiB: number;
  totalKiB: number;
}

/** The replica count of the lab's StorageClass (`volumetype: replicate:3`). */
export const requiredNodes = 3;

/** What the topology offers for replica-3 volumes: nodes, devices, free space. */
export function heketiCapacity(topology: HeketiTopology): HeketiCapacity {
  const nodes: HeketiNodeCapacity[] = topology.clusters.flatMap((cluster) =>
    cluster.nodes.map((node) => {
      const online = node.devices.filter((d) => d.state === 'online');
      return {
        host: node.hostnames.storage[0] ?? node.hostnames.manage[0] ?? node.id,
        state: node.state,
        devices: online.length,
        freeKiB: online.reduce((sum, d) => sum + d.storage.free, 0),
        totalKiB: online.reduce((sum, d) => sum + d.storage.total, 0),
      };
    }),
  );
  const usable = nodes.filter((n) => n.state === 'online' && n.devices > 0);
  return {
    clusters: topology.clusters.length,
    nodes,
    usableNodes: usable.length,
    freeKiB: usable.reduce((sum, n) => sum + n.freeKiB, 0),
    totalKiB: usable.reduce((sum, n) => sum + n.totalKiB, 0),
  };
}

/**
 * The largest replica-3 volume Heketi could place, roughly: each copy needs room on a
 * different node, so the third-largest node's free space bounds it.
 */
export function largestReplicaKiB(capacity: HeketiCapacity): number {
  const free = capacity.nodes.filter((n) => n.state === 'online' && n.devices > 0).map((n) => n.freeKiB).sort((a, b) => b - a);
  return free[requiredNodes - 1] ?? 0;
}
