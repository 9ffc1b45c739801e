import { describe, expect, it } from 'vitest';
import { defaultLabConfig } from '../../../src/lab/defaults.js';
import { topologyJson } from '../../../src/lab/topology.js';

describe('topologyJson', () => {
  it('lists the three gluster nodes of the default lab by address, zone 1, never destroying data', () => {
    expect(topologyJson(defaultLabConfig, '/dev/sdb')).toEqual({
      clusters: [
        {
          nodes: ['192.168.56.21', '192.168.56.22', '192.168.56.23'].map((address) => ({
            node: { hostnames: { manage: [address], storage: [address] }, zone: 1 },
            devices: [{ name: '/dev/sdb', destroydata: false }],
          })),
        },
      ],
    });
  });

  it('takes each node\'s detected device when given one per machine', () => {
    const topology = topologyJson(defaultLabConfig, { gluster1: '/dev/sdb', gluster2: '/dev/sdc', gluster3: '/dev/vdb' });
    expect(topology.clusters[0]?.nodes.map((n) => n.devices[0]?.name)).toEqual(['/dev/sdb', '/dev/sdc', '/dev/vdb']);
  });

  it('refuses "auto" or a missing device, which Heketi could not use', () => {
    expect(() => topologyJson(defaultLabConfig, 'auto')).toThrow(/gluster1/);
    expect(() => topologyJson(defaultLabConfig, { gluster1: '/dev/sdb' })).toThrow(/gluster2/);
  });
});
