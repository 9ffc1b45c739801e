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
  it('walks a new user from the home screen to a Bound claim and the default class, marked as a simulation, and cleans up', async () => {
    term = await startTerminal({ args: ['demo', '--speed', '100', '--lang', 'en'], cols: 140, rows: 50 });
    let screen = await term.waitFor('↑/↓ choose', 30_000);
    expect(screen).toContain('SIMULATION: nothing real is created or contacted');
    const labDir = /Lab: (\S+)/.exec(screen)?.[1];
    expect(labDir).toMatch(/gluster-lab-demo-/);
    expect(screen).toMatch(/class gluster-heketi → http:\/\/127\.0\.0\.1:\d+/);

    await runNext(term, 'Check the prerequisites');
    screen = await term.waitFor('Last: Check the prerequisites — finished', 30_000);
    expect(screen).toContain('SIMULATION');

    await runNext(term, 'Bring the VMs up');
    await term.waitFor('Last: Bring the VMs up — finished', 60_000);
    await term.waitFor('4 of 4 running', 30_000);

    await runNext(term, 'Connect Kubernetes storage');
    await term.waitFor('Create the Secret, the StorageClass and the claim in this cluster?', 30_000);
    await term.press('enter');
    await term.waitFor('Namespace of the Heketi Secret');
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
    await term.waitFor(/persistentvolumeclaim\/gvol-1\s+Bound/, 60_000);
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
