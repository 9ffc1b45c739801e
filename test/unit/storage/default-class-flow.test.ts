import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultClassFlow } from '../../../src/flows/default-class.js';
import { storageClassManifest } from '../../../src/k8s/manifests.js';
import { labFiles } from '../../../src/lab/lab-files.js';
import { applyManifest } from '../../../src/tools/kubectl.js';
import { startStorageLab, testContext, type StorageLab } from './storage-harness.js';

const GA = 'storageclass.kubernetes.io/is-default-class';

let lab: StorageLab | undefined;
afterEach(async () => {
  await lab?.stop();
  lab = undefined;
});

async function labWithGlusterClass(): Promise<StorageLab> {
  const l = await startStorageLab(['two-default-classes']);
  const manifest = storageClassManifest({ name: 'gluster-heketi', resturl: l.sim.heketiUrl, restuser: 'admin', secretName: 'heketi-secret', secretNamespace: 'default' });
  await applyManifest({ context: 'minikube' }, manifest, { env: l.env });
  await l.clearCalls();
  return l;
}

function defaults(l: StorageLab): Record<string, string | undefined> {
  return Object.fromEntries(
    l.sim.readState().kube.objects.filter((o) => o.kind === 'StorageClass').map((o) => [o.metadata.name, o.metadata.annotations?.[GA]]),
  );
}

describe('default-class against a cluster with two default classes', () => {
  it('lists, makes gluster-heketi the only default, records it, and --undo restores it', async () => {
    lab = await labWithGlusterClass();
    const first = testContext(lab);
    expect(await defaultClassFlow(first.ctx)).toBe(0);
    expect(first.out()).toContain('  * standard (k8s.io/minikube-hostpath)  default by storageclass.kubernetes.io/is-default-class');
    expect(first.out()).toContain('  * fast (rancher.io/local-path)  default by storageclass.kubernetes.io/is-default-class');
    expect(first.out()).toContain('  standard: set storageclass.kubernetes.io/is-default-class="false" (it was a default)');
    expect(first.out()).toContain('  gluster-heketi: set storageclass.kubernetes.io/is-default-class="true"');
    expect(defaults(lab)).toEqual({ standard: 'false', fast: 'false', 'gluster-heketi': 'true' });

    const target = ['--context', 'minikube', '--kubeconfig', lab.kubeconfig];
    const patches = (await lab.calls()).filter((c) => c.argv[4] === 'patch').map((c) => c.argv);
    expect(patches).toEqual([
      [...target, 'patch', 'storageclass', 'standard', '--type', 'merge', '-p', JSON.stringify({ metadata: { annotations: { [GA]: 'false' } } }), '-o', 'json'],
      [...target, 'patch', 'storageclass', 'fast', '--type', 'merge', '-p', JSON.stringify({ metadata: { annotations: { [GA]: 'false' } } }), '-o', 'json'],
      [...target, 'patch', 'storageclass', 'gluster-heketi', '--type', 'merge', '-p', JSON.stringify({ metadata: { annotations: { [GA]: 'true' } } }), '-o', 'json'],
    ]);
    const undoFile = join(lab.labDir, labFiles.defaultClassUndo);
    const record = JSON.parse(await readFile(undoFile, 'utf8')) as { context: string; changes: unknown[] };
    expect(record.context).toBe('minikube');
    expect(record.changes).toEqual([
      { className: 'standard', annotation: GA, before: 'true', after: 'false' },
      { className: 'fast', annotation: GA, before: 'true', after: 'false' },
      { className: 'gluster-heketi', annotation: GA, before: null, after: 'true' },
    ]);

    const again = testContext(lab);
    expect(await defaultClassFlow(again.ctx)).toBe(0);
    expect(again.out()).toContain('gluster-heketi is already the only default class: nothing to change.');

    const undo = testContext(lab);
    expect(await defaultClassFlow(undo.ctx, { undo: true })).toBe(0);
    expect(undo.out()).toContain('  gluster-heketi: storageclass.kubernetes.io/is-default-class back to (removed)');
    expect(defaults(lab)).toEqual({ standard: 'true', fast: 'true', 'gluster-heketi': undefined });
    await expect(stat(undoFile)).rejects.toThrow();

    await lab.clearCalls();
    const nothing = testContext(lab);
    expect(await defaultClassFlow(nothing.ctx, { undo: true })).toBe(0);
    expect(nothing.out()).toContain('There is nothing to undo');
    expect(await lab.calls()).toEqual([]);
  });

  it('--json without --yes is the listing, with the planned change, and changes nothing', async () => {
    lab = await labWithGlusterClass();
    const { ctx, out } = testContext(lab, { json: true, yes: false });
    expect(await defaultClassFlow(ctx)).toBe(0);
    const listing = JSON.parse(out()) as { classes: { name: string; defaultBy: string[] }[]; planned: unknown[] };
    expect(listing.classes.filter((c) => c.defaultBy.length > 0).map((c) => c.name)).toEqual(['standard', 'fast']);
    expect(listing.planned).toHaveLength(3);
    expect((await lab.calls()).filter((c) => c.argv[4] === 'patch')).toEqual([]);
  });

  it('without a terminal and without --yes, names the flag and changes nothing', async () => {
    lab = await labWithGlusterClass();
    const { ctx } = testContext(lab, { yes: false });
    await expect(defaultClassFlow(ctx)).rejects.toThrow('Run again with --yes');
    expect(defaults(lab)).toEqual({ standard: 'true', fast: 'true', 'gluster-heketi': undefined });
  });

  it('refuses when the lab class does not exist yet', async () => {
    lab = await startStorageLab(['two-default-classes']);
    const { ctx, err } = testContext(lab);
    expect(await defaultClassFlow(ctx)).toBe(1);
    expect(err()).toContain('There is no StorageClass gluster-heketi / gluster-nfs in this cluster yet. Run "gluster-lab storage" first.');
  });
});
