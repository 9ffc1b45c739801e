import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../../src/lab/package-root.js';
import { readLabPlaybook } from '../../../src/sim/lab-playbook.js';

const provisioning = join(packageRoot(), 'provisioning');

describe('the simulated ansible-playbook reads the lab playbooks', () => {
  it('lists the play and its tasks, imported task files included, variables filled in', () => {
    const gluster = readLabPlaybook(provisioning, 'gluster');
    expect(gluster?.play).toBe('GlusterFS node');
    expect(gluster?.tasks[0]).toEqual({ name: 'Gathering Facts', first: 'ok' });
    expect(gluster?.tasks.map((t) => t.name)).toContain('Choose the data disk (configured, or detected when data_disk.device is auto)');
    const heketi = readLabPlaybook(provisioning, 'heketi', { heketi_version: 'v10.4.0' });
    expect(heketi?.tasks.map((t) => t.name)).toContain('Download the Heketi release v10.4.0');
    expect(heketi?.tasks.find((t) => t.name === 'Wait until Heketi answers')?.first).toBe('ok');
  });

  it('gives nothing for a directory without the playbook', () => {
    expect(readLabPlaybook(packageRoot(), 'gluster')).toBeUndefined();
  });
});
