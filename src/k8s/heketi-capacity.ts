import type { HeketiTopology } from '../tools/heketi-types.js';
import { largestReplicaGiB } from './heketi-space.js';

export interface HeketiNodeCapacity {
  /** Its storage hostname (the address bricks are on). */
  host: string;
  state: string;
  devices: number;
  /** KiB, as Heketi counts. */
  freeKiB: number;
  /** Free KiB of each online device: a brick must fit on one device. */
  devicesFreeKiB: number[];
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
        devicesFreeKiB: online.map((d) => d.storage.free),
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
 * The largest replica-3 volume Heketi would place now, in KiB (a whole number of GiB): counted
 * with Heketi's own arithmetic (heketi-space.ts) — each brick is a thin pool plus its metadata
 * on one device, the three copies on three nodes — not from the free totals.
 */
export function largestReplicaKiB(capacity: HeketiCapacity): number {
  const usable = capacity.nodes.filter((n) => n.state === 'online' && n.devices > 0);
  return largestReplicaGiB(usable.map((n) => ({ id: n.host, devicesFreeKiB: n.devicesFreeKiB })), requiredNodes) * 1024 * 1024;
}

/** LVM's 4 MiB extents (Heketi's vgcreate --physicalextentsize=4M), in KiB. */
const extentKiB = 4096;
/**
 * Where data starts on a device Heketi set up (`pvcreate --metadatasize=128M
 * --dataalignment=256K`): 129 MiB in, as `vgdisplay -c` shows with LVM 2.03
 * (test/real-daemons/heketi-device-size.test.ts measures it on a loop device).
 */
const dataStartKiB = 129 * 1024;
const alignToExtent = (kib: number): number => Math.ceil(kib / extentKiB) * extentKiB;

/** A new device's size as Heketi records it (KiB): the whole extents of its volume group. */
export function heketiDeviceKiB(diskGiB: number): number {
  return Math.floor((diskGiB * 1024 * 1024 - dataStartKiB) / extentKiB) * extentKiB;
}

/**
 * What one brick of a `sizeGiB` volume takes from a device (KiB), as Heketi reserves it
 * (apps/glusterfs/device_entry.go SpaceNeeded, snapshot factor 1): a thin pool of the volume's
 * size and 0.5 % of it for the pool's metadata (at most 16 GiB), each rounded up to whole extents.
 */
export function heketiBrickKiB(sizeGiB: number): number {
  const pool = alignToExtent(sizeGiB * 1024 * 1024);
  return pool + alignToExtent(Math.min(Math.floor(pool * 0.005), 16 * 1024 * 1024));
}
