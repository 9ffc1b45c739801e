import { type HeketiBrick, type HeketiModel, type HeketiNode, type HeketiVolume, usedKb } from './heketi-model.js';

/** Response bodies in the shapes of Heketi's REST API (heketi/docs/api/api.md). */

function brickJson(brick: HeketiBrick) {
  return { id: brick.id, path: brick.path, device: brick.device, node: brick.node, volume: brick.volume, size: brick.sizeKb };
}

export function clusterJson(model: HeketiModel) {
  return {
    id: model.clusterId,
    nodes: model.nodes.map((n) => n.id),
    volumes: model.volumes.map((v) => v.id),
    block: true,
    file: true,
    blockvolumes: [],
  };
}

export function deviceJson(model: HeketiModel, node: HeketiNode, deviceId: string) {
  const device = node.devices.find((d) => d.id === deviceId);
  if (!device) return undefined;
  const used = usedKb(model, device.id);
  const bricks = model.volumes.flatMap((v) => v.bricks).filter((b) => b.device === device.id);
  return {
    name: device.name,
    storage: { total: device.totalKb, free: device.totalKb - used, used },
    id: device.id,
    state: 'online',
    bricks: bricks.map(brickJson),
    tags: {},
  };
}

export function nodeJson(model: HeketiModel, node: HeketiNode) {
  return {
    zone: node.zone,
    hostnames: { manage: [node.manage], storage: [node.storage] },
    cluster: model.clusterId,
    id: node.id,
    state: 'online',
    devices: node.devices.map((d) => deviceJson(model, node, d.id)),
    tags: {},
  };
}

export function volumeJson(model: HeketiModel, volume: HeketiVolume) {
  const hosts = model.nodes.map((n) => n.storage);
  return {
    size: volume.sizeGb,
    name: volume.name,
    durability: { type: 'replicate', replicate: { replica: 3 }, disperse: {} },
    gid: 0,
    glustervolumeoptions: [''],
    snapshot: { enable: false, factor: 1 },
    id: volume.id,
    cluster: model.clusterId,
    mount: {
      glusterfs: {
        hosts,
        device: `${hosts[0] ?? ''}:${volume.name}`,
        options: { 'backup-volfile-servers': hosts.slice(1).join(',') },
      },
    },
    blockinfo: {},
    bricks: volume.bricks.map(brickJson),
  };
}
