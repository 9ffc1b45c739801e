import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { labFiles } from '../../src/lab/lab-files.js';
import { SIM_SPEED, simulatedLab, type UpTestLab } from './sim-lab-fixture.js';
import { cliPath } from './terminal.js';

let lab: UpTestLab | undefined;
afterEach(async () => {
  await lab?.dispose();
  lab = undefined;
});

describe('up after a failed provisioning', () => {
  it('provisions the failed VM again instead of calling it ready', async () => {
    lab = await simulatedLab(['ansible-task-fails'], SIM_SPEED);
    const up = () => execa(process.execPath, [cliPath, 'up', '--dir', lab!.labDir, '--lang', 'en'], { env: lab!.sim.env, reject: false });
    const first = await up();
    expect(first.exitCode).toBe(1);
    const recorded = join(lab.labDir, labFiles.provisionFailed);
    expect(JSON.parse(readFileSync(recorded, 'utf8'))).toEqual(['gluster2']);

    // The user fixed the cause (here: the simulated task no longer fails) and runs up again.
    lab.sim.updateState((state) => {
      state.scenarios = state.scenarios.filter((s) => s !== 'ansible-task-fails');
    });
    const second = await up();
    expect(second.stderr).toContain('Provisioning of gluster2 failed last time: provisioning again (vagrant up --provision).');
    expect(second.stdout).toMatch(/gluster2 +\| Running provisioner: ansible_local\.\.\./);
    expect(second.stdout).toMatch(/gluster2 +\| .*PLAY RECAP|gluster2 +: ok=\d+/);
    expect(second.exitCode).toBe(0);
    expect(existsSync(recorded)).toBe(false);
    // Two bring-ups of four VMs each (one vagrant per VM): more than the default 30 s on a busy machine.
  }, 90_000);
});
