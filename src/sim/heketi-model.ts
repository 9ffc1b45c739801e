import { randomBytes } from 'node:crypto';
import { freshDeviceFreeKiB, placeReplicaVolume } from '../k8s/heketi-space.js';

/** Heketi's view of the lab, kept in the state file (sizes in KiB, as Heketi counts them). */
export interface HeketiModel {
  clusterId: string;
  nodes: HeketiNode[];
  volumes: HeketiVolume[];
}

export interface HeketiNode {
  id: string;
  zone: number;
  manage: string;
  storage: string;
  devices: HeketiDevice[];
}

export interface HeketiDevice {
  id: string;
  name: string;
  totalKb: number;
}

export interface HeketiBrick {
  id: string;
  path: string;
  device: string;
  node: string;
  volume: string;
  sizeKb: number;
  /** What the brick takes from its device: thin pool plus metadata (Heketi's SpaceNeeded). */
  allocatedKb: number;
}

export interface HeketiVolume {
  id: string;
  name: string;
  sizeGb: number;
  bricks: HeketiBrick[];
}

export function heketiId(): string {
  return randomBytes(16).toString('hex');
}

/**
 * A gluster node's data disk as the real Heketi reports it after `pvcreate`/`vgcreate`
 * (heketi-space.ts): a `diskGb` disk (VBoxManage's GB are GiB) minus the LVM metadata area,
 * in whole 4 MiB extents. One device per node, as the lab's topology.json has.
 */
export function newHeketiModel(glusterAddresses: readonly string[], diskGb: number, device: string): HeketiModel {
  return {
    clusterId: heketiId(),
    nodes: glusterAddresses.map((address) => ({
      id: heketiId(),
      zone: 1,
      manage: address,
      storage: address,
      devices: [{ id: heketiId(), name: device, totalKb: freshDeviceFreeKiB(diskGb * 1024 * 1024) }],
    })),
    volumes: [],
  };
}

export function usedKb(model: HeketiModel, deviceId: string): number {
  let used = 0;
  for (const volume of model.volumes) for (const brick of volume.bricks) if (brick.device === deviceId) used += brick.allocatedKb;
  return used;
}

/**
 * Creates a replica-3 volume where Heketi would place it (heketi-space.ts: one brick set, or
 * more sets of smaller bricks when that is what fits). Returns undefined when Heketi would
 * answer "No space".
 */
export function allocateVolume(model: HeketiModel, sizeGb: number): HeketiVolume | undefined {
  const nodes = model.nodes.map((n) => ({ id: n.id, devicesFreeKiB: n.devices.map((d) => d.totalKb - usedKb(model, d.id)) }));
  const placement = placeReplicaVolume(nodes, sizeGb);
  if (!placement.ok) return undefined;
  const id = heketiId();
  const bricks: HeketiBrick[] = placement.bricks.map((placed) => {
    const node = model.nodes.find((n) => n.id === placed.node) as HeketiNode;
    const device = node.devices[placed.device] as HeketiDevice;
    const brickId = heketiId();
    return {
      id: brickId,
      path: `/var/lib/heketi/mounts/vg_${device.id}/brick_${brickId}/brick`,
      device: device.id,
      node: node.id,
      volume: id,
      sizeKb: placed.brickKiB,
      allocatedKb: placed.totalKiB,
    };
  });
  const volume: HeketiVolume = { id, name: `vol_${id}`, sizeGb, bricks };
  model.volumes.push(volume);
  return volume;
}

export function deleteVolume(model: HeketiModel, id: string): boolean {
  const before = model.volumes.length;
  model.volumes = model.volumes.filter((v) => v.id !== id);
  return model.volumes.length !== before;
}
