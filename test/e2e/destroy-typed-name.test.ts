import { afterEach, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { cliPath, startTerminal, type Terminal } from './terminal.js';
import { simulatedLab, type UpTestLab } from './sim-lab-fixture.js';

describe('gluster-lab destroy asks for the lab name', () => {
  let term: Terminal | undefined;
  let lab: UpTestLab | undefined;
  afterEach(async () => {
    await term?.close();
    await lab?.dispose();
    term = undefined;
    lab = undefined;
  });

  it('lists what is lost, does nothing on a wrong name, destroys on the right one', async () => {
    lab = await simulatedLab(['healthy'], 100, 'running');
    const args = ['destroy', '--dir', lab.labDir, '--lang', 'en'];
    term = await startTerminal({ args, env: lab.sim.env, cols: 160, rows: 40 });
    let screen = await term.waitFor('Type the lab name "gluster-lab" to destroy it:');
    expect(screen).toContain('VM heketi (192.168.56.20) — VirtualBox machine "gluster-lab-heketi"');
    expect(screen).toMatch(/data disk of gluster3: \S+\/lab\/\.vagrant\/disks\/gluster-lab-gluster3-data\.vdi/);
    expect(screen).toContain('the Heketi database (/var/lib/heketi/heketi.db inside VM heketi)');
    expect(screen).toContain('StorageClass gluster-heketi');
    await term.type('gluster-lap');
    await term.press('enter');
    expect(await term.exitCode()).toBe(1);
    screen = await term.screen();
    expect(screen).toContain('You typed "gluster-lap", not "gluster-lab": nothing was destroyed.');
    expect(lab.sim.readState().machines.gluster1?.state).toBe('running');
    await term.close();

    term = await startTerminal({ args, env: lab.sim.env, cols: 160, rows: 40 });
    await term.waitFor('Type the lab name "gluster-lab" to destroy it:');
    await term.type('gluster-lab');
    await term.press('enter');
    expect(await term.exitCode()).toBe(0);
    screen = await term.screen();
    expect(screen).toContain('heketi | Destroying VM and associated drives...');
    expect(screen).toContain('Lab "gluster-lab" is destroyed.');
    const machines = lab.sim.readState().machines;
    expect(['gluster1', 'gluster2', 'gluster3', 'heketi'].map((m) => machines[m]?.state ?? 'not_created')).toEqual(['not_created', 'not_created', 'not_created', 'not_created']);
  });

  it('without a terminal and without --yes: a usage error naming --yes, nothing destroyed', async () => {
    lab = await simulatedLab(['healthy'], 100, 'running');
    const result = await execa(process.execPath, [cliPath, 'destroy', '--dir', lab.labDir, '--lang', 'en'], { env: lab.sim.env, reject: false });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('or add --yes');
    expect(lab.sim.readState().machines.heketi?.state).toBe('running');
  });
});
