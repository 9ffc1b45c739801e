import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HostProbes } from '../../../src/checks/host-probes.js';
import { defaultLabConfig } from '../../../src/lab/defaults.js';
import { simulatedHostProbes } from '../../../src/sim/host-facts.js';
import { virtualBoxName } from '../../../src/sim/lab-config-reader.js';
import { repoRoot } from './sim-helpers.js';

const real = {} as HostProbes;

describe('the simulated laptop', () => {
  it('has the VirtualBox driver loaded, except in virtualbox-missing', async () => {
    const healthy = simulatedHostProbes(['healthy'])(real);
    expect(await healthy.readTextFile('/proc/modules')).toMatch(/^vboxdrv /m);
    expect(await healthy.pathExists('/dev/vboxdrv')).toBe(true);

    const missing = simulatedHostProbes(['virtualbox-missing'])(real);
    expect(await missing.readTextFile('/proc/modules')).not.toMatch(/vbox/);
    expect(await missing.pathExists('/dev/vboxdrv')).toBe(false);
  });
});

describe("VirtualBox's name for a simulated VM", () => {
  it('is what provisioning/Vagrantfile sets as vb.name: LAB-MACHINE', () => {
    const vagrantfile = readFileSync(join(repoRoot, 'provisioning', 'Vagrantfile'), 'utf8');
    expect(vagrantfile).toContain(`vb.name = "#{lab['name']}-#{machine['name']}"`);
    expect(virtualBoxName(defaultLabConfig, 'gluster1')).toBe(`${defaultLabConfig.name}-gluster1`);
  });
});
