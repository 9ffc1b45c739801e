import { randomBytes } from 'node:crypto';

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

interface HeketiDevice {
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
 * The whole disk counts as usable. Real Heketi keeps a little for LVM metadata, so a
 * 10Gi claim on a 10 GB disk can fail there with "No space"; the simulator does not
 * model that margin.
 */
const USABLE_FRACTION = 1;

export function newHeketiModel(glusterAddresses: readonly string[], diskGb: number, device: string): HeketiModel {
  return {
    clusterId: heketiId(),
    nodes: glusterAddresses.map((address) => ({
      id: heketiId(),
      zone: 1,
      manage: address,
      storage: address,
      devices: [{ id: heketiId(), name: device, totalKb: Math.floor(diskGb * 1024 * 1024 * USABLE_FRACTION) }],
    })),
    volumes: [],
  };
}

export function usedKb(model: HeketiModel, deviceId: string): number {
  let used = 0;
  for (const volume of model.volumes) for (const brick of volume.bricks) if (brick.device === deviceId) used += brick.sizeKb;
  return used;
}

/**
 * Creates a replica-3 volume with one brick per node, as Heketi does with three nodes.
 * Returns undefined when a device lacks room (Heketi's "No space").
 */
export function allocateVolume(model: HeketiModel, sizeGb: number): HeketiVolume | undefined {
  const sizeKb = sizeGb * 1024 * 1024;
  const nodes = model.nodes.slice(0, 3);
  if (nodes.length < 3) return undefined;
  const id = heketiId();
  const bricks: HeketiBrick[] = [];
  for (const node of nodes) {
    const device = node.devices.find((d) => d.totalKb - usedKb(model, d.id) >= sizeKb);
    if (!device) return undefined;
    const brickId = heketiId();
    bricks.push({
      id: brickId,
      path: `/var/lib/heketi/mounts/vg_${device.id}/brick_${brickId}/brick`,
      device: device.id,
      node: node.id,
      volume: id,
      sizeKb,
    });
  }
  const volume: HeketiVolume = { id, name: `vol_${id}`, sizeGb, bricks };
  model.volumes.push(volume);
  return volume;
}

export function deleteVolume(model: HeketiModel, id: string): boolean {
  const before = model.volumes.length;
  model.volumes = model.volumes.filter((v) => v.id !== id);
  return model.volumes.length !== before;
}
