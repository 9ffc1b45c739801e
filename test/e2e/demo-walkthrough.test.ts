import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTerminal, type Terminal } from './terminal.js';

let term: Terminal | undefined;
afterEach(async () => {
  await term?.close();
  term = undefined;
});

/** Presses Enter on the home screen's next step once the screen shows it highlighted. */
async function runNext(t: Terminal, title: string) {
  await t.waitFor(new RegExp(`❯ ${title}.*← next`), 30_000);
  await t.press('enter');
}

describe('demo in a terminal', () => {
  it('walks a new user from the home screen of a simulated v1.31 cluster to a Bound claim on the CSI path and the default class, marked as a simulation, and cleans up', async () => {
    term = await startTerminal({ args: ['demo', '--speed', '100', '--lang', 'en'], cols: 140, rows: 50 });
    await term.waitFor('Which Kubernetes should the simulated cluster run?', 30_000);
    expect(await term.screen()).toMatch(/❯ v1\.31, as clusters are today/);
    await term.press('enter');
    let screen = await term.waitFor('↑/↓ choose', 30_000);
    expect(screen).toContain('SIMULATION: nothing real is created or contacted');
    const labDir = /Lab: (\S+)/.exec(screen)?.[1];
    expect(labDir).toMatch(/gluster-lab-demo-/);

    await runNext(term, 'Check the prerequisites');
    screen = await term.waitFor('Last: Check the prerequisites — finished', 30_000);
    expect(screen).toContain('SIMULATION');

    await runNext(term, 'Bring the VMs up');
    await term.waitFor('Last: Bring the VMs up — finished', 60_000);
    await term.waitFor('4 of 4 running', 30_000);

    await runNext(term, 'Connect Kubernetes storage');
    await term.waitFor('Set up the lab\'s storage in this cluster', 30_000);
    await term.press('enter');
    // v1.31: the CSI path without asking; the probe and the driver first, then the class's two questions.
    await term.waitFor('When a claim is deleted, what happens to its directory in the export?', 60_000);
    expect(await term.screen()).toContain('taking the CSI path');
    await term.press('enter');
    await term.waitFor('Prevent that for this class?');
    await term.press('enter');
    await term.waitFor('Name of the PersistentVolumeClaim');
    await term.type('gvol-1');
    await term.press('enter');
    await term.waitFor('Namespace of the claim');
    await term.press('enter');
    await term.waitFor('Size of the claim');
    await term.type('10Gi');
    await term.press('enter');
    await term.waitFor('Access mode');
    await term.press('enter');
    // The table is wider than the terminal: each row is shown as a block of its own (name, then one column a line).
    screen = await term.waitFor(/persistentvolumeclaim\/gvol-1\s+(?:STATUS\s+)?Bound/, 60_000);
    expect(screen).toContain('PersistentVolumeClaim default/gvol-1 (10Gi, ReadWriteMany, class gluster-nfs): created.');
    await term.waitFor('deploy two client pods');
    await term.press('enter');
    await term.waitFor('Last: Connect Kubernetes storage — finished', 60_000);

    await term.pressUntil('down', /❯ Make GlusterFS the default class/);
    await term.press('enter');
    await term.waitFor(/\? .*\(y\/N\)|\(Y\/n\)/, 30_000);
    await term.type('y');
    await term.press('enter');
    await term.waitFor('Last: Make GlusterFS the default class — finished', 30_000);

    await term.pressUntil('down', /❯ Doctor: find what is wrong/);
    await term.press('enter');
    screen = await term.waitFor(/Last: Doctor: find what is wrong — (finished|failed|found \d+ problem)/, 60_000);
    expect(screen).toContain('SIMULATION');

    await term.type('q');
    expect(await term.exitCode(30_000)).toBe(0);
    // Nothing of the simulation is left behind.
    expect(existsSync(dirname(labDir!))).toBe(false);
  }, 240_000);
});
