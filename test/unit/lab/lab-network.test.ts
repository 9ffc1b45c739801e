import { describe, expect, it } from 'vitest';
import { defaultLabConfig } from '../../../src/lab/defaults.js';
import { seedNetwork } from '../../../src/lab/defaults.js';
import { labConfigOnNetwork, parseLabNetwork } from '../../../src/lab/lab-network.js';

describe('the lab network', () => {
  it('defaults to 192.168.56.20-23, inside the range a stock VirtualBox allows', () => {
    expect(defaultLabConfig.machines.map((m) => m.address)).toEqual(['192.168.56.20', '192.168.56.21', '192.168.56.22', '192.168.56.23']);
    expect(defaultLabConfig.heketi.url).toBe('http://192.168.56.20:8080');
  });

  it('reads a /24 as A.B.C.0/24 or A.B.C, and nothing else', () => {
    expect(parseLabNetwork(seedNetwork)).toBe('172.20.1');
    expect(parseLabNetwork('10.9.8')).toBe('10.9.8');
    for (const bad of ['172.20.0.0/16', '172.20.1.5/24', '300.1.1.0/24', '172.20', 'abc']) expect(parseLabNetwork(bad), bad).toBeUndefined();
  });

  it('moves every machine and the Heketi URL, keeping the last octets and the port', () => {
    const moved = labConfigOnNetwork(defaultLabConfig, '172.20.1');
    expect(moved.machines.map((m) => `${m.name} ${m.address}`)).toEqual(['heketi 172.20.1.20', 'gluster1 172.20.1.21', 'gluster2 172.20.1.22', 'gluster3 172.20.1.23']);
    expect(moved.heketi.url).toBe('http://172.20.1.20:8080');
    // A Heketi URL that is not the Heketi VM's (a tunnel, a proxy) is the user's: left alone.
    expect(labConfigOnNetwork({ ...defaultLabConfig, heketi: { ...defaultLabConfig.heketi, url: 'http://127.0.0.1:18080' } }, '10.0.0').heketi.url).toBe('http://127.0.0.1:18080');
  });
});
