import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { simulatedLab, type UpTestLab } from './sim-lab-fixture.js';
import { cliPath } from './terminal.js';

// Guest output that looks like Vagrant's own (`==> name: …`, or the four-space detail form
// that ansible's JSON results have) must not add a VM: the set of VMs is the lab's.
let lab: UpTestLab | undefined;
afterEach(async () => {
  await lab?.dispose();
  lab = undefined;
});

describe('a bring-up whose guest output quotes a Vagrant prefix', () => {
  it('shows the quote as the VM\'s line and still counts the lab\'s four VMs', async () => {
    lab = await simulatedLab(['healthy'], 60);
    // The user's playbook prints a message of its own, as provisioners do.
    const playbook = join(lab.labDir, 'ansible', 'gluster.yml');
    const doc = parseDocument(await readFile(playbook, 'utf8'));
    const tasks = doc.getIn([0, 'tasks']) as { add(value: unknown): void };
    tasks.add(doc.createNode({ name: 'Say where the data lives', 'ansible.builtin.debug': { msg: '==> phantom1: mounted /data' } }));
    await writeFile(playbook, doc.toString());

    const r = await execa(process.execPath, [cliPath, 'up', '--dir', lab.labDir, '--lang', 'en'], { env: lab.sim.env, reject: false, stdin: 'ignore' });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^gluster1 +\| {5}"msg": "==> phantom1: mounted \/data"$/m);
    expect(r.stdout).toMatch(/All 4 VMs are up/);
    // One summary row per VM of the lab, and none for a name read from the text.
    const summary = r.stdout.split('\n').flatMap((l) => /^(\S+): ready, /.exec(l)?.[1] ?? []);
    expect(summary.sort()).toEqual(['gluster1', 'gluster2', 'gluster3', 'heketi']);
    expect(r.stdout).not.toMatch(/^("msg"|phantom1)\s/m);
  }, 120_000);
});
