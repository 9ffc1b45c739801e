import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClassListing } from '../../src/k8s/default-classes.js';
import { startStorageLab, type StorageLab } from '../unit/storage/storage-harness.js';
import { cliPath, startTerminal, type Terminal } from './terminal.js';

let lab: StorageLab | undefined;
let term: Terminal | undefined;
afterEach(async () => {
  await term?.close();
  term = undefined;
  await lab?.stop();
  lab = undefined;
});

describe('storage end to end', () => {
  it('through the wizard in a terminal: home screen → storage → answers (a bad size refused) → Bound table → df', async () => {
    lab = await startStorageLab();
    term = await startTerminal({ args: ['--dir', lab.labDir, '--lang', 'en'], env: lab.env, cols: 160, rows: 50 });
    await term.waitFor('↑/↓ choose');
    await term.pressUntil('down', /❯ Connect Kubernetes storage/);
    await term.press('enter');
    expect(await term.waitFor('context: minikube')).toContain('Kubernetes cluster that will be changed');
    // v1.24 offers both paths; the original guide's Heketi path is the default.
    await term.waitFor('This cluster can reach the Gluster pool two ways. Which one?');
    await term.press('enter');
    // The cluster is confirmed once the path's own checks (Heketi's answer, its room) have passed.
    await term.waitFor('Set up the lab\'s storage in this cluster');
    await term.press('enter');
    await term.waitFor('Namespace of the Heketi Secret');
    await term.press('enter');
    await term.waitFor('Name of the PersistentVolumeClaim');
    await term.type('gvol-pty');
    await term.press('enter');
    await term.waitFor('Namespace of the claim');
    await term.press('enter');
    await term.waitFor('Size of the claim');
    await term.type('10GB');
    await term.press('enter');
    await term.waitFor('Did you mean "G"?');
    await term.press('backspace', 'backspace', 'backspace', 'backspace');
    await term.type('10Gi');
    await term.press('enter');
    await term.waitFor('Access mode');
    await term.press('enter');
    let screen = await term.waitFor(/persistentvolumeclaim\/gvol-pty\s+Bound/, 30_000);
    expect(screen).toMatch(/persistentvolume\/pvc-\S+\s+Bound\s+default\/gvol-pty\s+10Gi\s+RWX\s+gluster-heketi/);
    await term.waitFor('deploy two client pods');
    await term.press('enter');
    screen = await term.waitFor(/vol_\w+\s+10G.*\/mnt/, 30_000);
    await term.waitFor('Last: Connect Kubernetes storage — finished', 30_000);
    await term.type('q');
    expect(await term.exitCode()).toBe(0);
    expect(lab.names('PersistentVolumeClaim')).toEqual(['gvol-pty']);
  }, 180_000);

  it('in a pipe: plain lines, then --json, then default-class --yes', async () => {
    lab = await startStorageLab(['two-default-classes']);
    const run = (...args: string[]) => execa(process.execPath, [cliPath, '--dir', lab!.labDir, '--lang', 'en', ...args], { env: lab!.env, reject: false });
    const plain = await run('storage', '--yes', '--pvc', 'gvol-1', '--size', '10Gi', '--client');
    expect(plain.exitCode).toBe(0);
    expect(plain.stdout).not.toMatch(/\x1b\[/);
    expect(plain.stdout).toMatch(/persistentvolumeclaim\/gvol-1\s+Bound/);
    expect(plain.stdout).toMatch(/Both client pods run: gfs-client-gvol-1-/);

    const json = await run('storage', '--yes', '--json', '--pvc', 'gvol-1', '--size', '10Gi');
    expect(json.exitCode).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, secret: { action: 'unchanged' }, storageClass: { action: 'unchanged' }, pvc: { action: 'existing', phase: 'Bound' } });

    const missing = await run('storage', '--yes', '--size', '10Gi');
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('Pass --pvc NAME');

    const dc = await run('default-class', '--yes');
    expect(dc.exitCode).toBe(0);
    expect(dc.stdout).toContain('Done: gluster-heketi is the default class.');
    const listing = await run('default-class', '--json');
    const { classes } = JSON.parse(listing.stdout) as { classes: ClassListing[] };
    expect(classes.filter((c) => c.defaultBy.length > 0).map((c) => c.name)).toEqual(['gluster-heketi']);
  }, 180_000);
});
