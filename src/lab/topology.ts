import type { LabConfig } from './config-schema.js';

/** One GlusterFS node in Heketi's topology file format (`heketi-cli topology load --json`). */
interface HeketiTopologyNode {
  node: { hostnames: { manage: string[]; storage: string[] }; zone: number };
  devices: { name: string; destroydata: boolean }[];
}

export interface HeketiTopology {
  clusters: { nodes: HeketiTopologyNode[] }[];
}

/**
 * The topology Heketi is given for this lab: one cluster of the gluster machines, zone 1,
 * each with its data disk. `device` is one device for every node, or one per machine name
 * (what each node's gluster.yml run detected). Never wipes a disk (`destroydata: false`).
 *
 * The source of truth inside the lab is provisioning/ansible/templates/topology.json.j2;
 * this mirrors it for the program, and the real-tools test renders both and compares them.
 */
export function topologyJson(config: LabConfig, device: string | Readonly<Record<string, string>>): HeketiTopology {
  const nodes = config.machines
    .filter((machine) => machine.role === 'gluster')
    .map((machine): HeketiTopologyNode => {
      const name = typeof device === 'string' ? device : device[machine.name];
      if (name === undefined || name === 'auto') {
        throw new Error(`topologyJson: no concrete data-disk device for ${machine.name}`);
      }
      return {
        node: { hostnames: { manage: [machine.address], storage: [machine.address] }, zone: 1 },
        devices: [{ name, destroydata: false }],
      };
    });
  return { clusters: [{ nodes }] };
}
