// `up --provision` provisions VMs that already exist (what init asks for after it replaced the
// lab's SSH key); a plain `up` of a running lab does not.
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { simulatedLab, type UpTestLab } from './sim-lab-fixture.js';
import { cliPath } from './terminal.js';

let lab: UpTestLab | undefined;
afterEach(async () => {
  await lab?.dispose();
  lab = undefined;
});

describe('up --provision', () => {
  it('runs the provisioners again on running VMs', async () => {
    lab = await simulatedLab([], 200, 'running');
    const up = (...extra: string[]) => execa(process.execPath, [cliPath, 'up', '--dir', lab!.labDir, '--lang', 'en', ...extra], { env: lab!.sim.env, reject: false });
    const plain = await up();
    expect(plain.exitCode).toBe(0);
    expect(plain.stdout).not.toContain('Running provisioner');
    const again = await up('--provision');
    expect(again.exitCode).toBe(0);
    for (const vm of ['heketi', 'gluster1', 'gluster2', 'gluster3']) expect(again.stdout).toMatch(new RegExp(`${vm} +\\| Running provisioner: ansible_local\\.\\.\\.`));
  });
});
