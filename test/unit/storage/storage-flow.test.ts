import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../../src/exit-codes.js';
import { storageFlow } from '../../../src/flows/storage.js';
import { labFiles } from '../../../src/lab/lab-files.js';
import { confirmAnswers } from './prompts-fake.js';
import { startStorageLab, testContext, type KubectlCall, type StorageLab } from './storage-harness.js';

// Interactive answers for the "decline" case; every other test runs without a terminal.
vi.mock('@inquirer/prompts', () => import('./prompts-fake.js'));

let lab: StorageLab | undefined;
afterEach(async () => {
  await lab?.stop();
  lab = undefined;
});

const flags = { pvc: 'gvol-1', size: '10Gi' };
const verbs = (calls: KubectlCall[]) => calls.map((c) => c.argv.slice(4).join(' '));
const writes = (calls: KubectlCall[]) => calls.filter((c) => ['apply', 'create', 'delete', 'patch'].includes(c.argv[4] ?? ''));

describe('storage against the simulated cluster', () => {
  it('fresh cluster: sends exactly these kubectl calls and manifests, and ends with the table', async () => {
    lab = await startStorageLab();
    const { ctx, out, err } = testContext(lab);
    expect(await storageFlow(ctx, { ...flags, client: true })).toBe(0);
    const calls = await lab.calls();
    const target = ['--context', 'minikube', '--kubeconfig', lab.kubeconfig];
    for (const call of calls) expect(call.argv.slice(0, 4)).toEqual(target);
    const list = verbs(calls);
    expect(list.slice(0, 8)).toEqual([
      'config view --minify -o json',
      'version -o json',
      'get secret heketi-secret -n default -o json',
      'apply -f - -o json',
      'get storageclass -o json',
      'apply -f - -o json',
      'get pvc gvol-1 -n default -o json',
      'create -f - -o json',
    ]);
    // The wait polls the claim and its events, then reads the volumes for the table.
    const pvIndex = list.indexOf('get pv -o json');
    expect(new Set(list.slice(8, pvIndex))).toEqual(
      new Set(['get pvc gvol-1 -n default -o json', 'get events -n default --field-selector involvedObject.kind=PersistentVolumeClaim,involvedObject.name=gvol-1 -o json']),
    );
    expect(list[pvIndex + 1]).toBe('apply -f - -o json');
    expect(list.slice(pvIndex + 2, -1).every((v) => v === 'get pods -n default -o json' || v.startsWith('get events -n default'))).toBe(true);
    expect(list.at(-1)).toMatch(/^exec gfs-client-gvol-1-\S+ -n default -- df -h \/mnt$/);

    const key = (await readFile(join(lab.labDir, labFiles.heketiAdminKey), 'utf8')).trim();
    const sent = writes(calls).map((c) => JSON.parse(c.stdin) as unknown);
    expect(sent[0]).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'heketi-secret', namespace: 'default' },
      type: 'kubernetes.io/glusterfs',
      data: { key: Buffer.from(key).toString('base64') },
    });
    expect(sent[1]).toEqual({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'gluster-heketi' },
      provisioner: 'kubernetes.io/glusterfs',
      parameters: { resturl: lab.sim.heketiUrl, restuser: 'admin', secretNamespace: 'default', secretName: 'heketi-secret', volumetype: 'replicate:3' },
      reclaimPolicy: 'Delete',
      allowVolumeExpansion: true,
    });
    expect(sent[2]).toEqual({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'gvol-1', namespace: 'default' },
      spec: { accessModes: ['ReadWriteMany'], resources: { requests: { storage: '10Gi' } }, storageClassName: 'gluster-heketi' },
    });
    expect(sent[3]).toMatchObject({
      kind: 'Deployment',
      metadata: { name: 'gfs-client-gvol-1', namespace: 'default' },
      spec: { replicas: 2, template: { spec: { volumes: [{ persistentVolumeClaim: { claimName: 'gvol-1' } }] } } },
    });
    // The key is in the Secret only: never in the StorageClass, never on screen.
    expect(calls[5]?.stdin).not.toContain(key);
    expect(out() + err()).not.toContain(key);

    expect(out()).toContain('context: minikube');
    expect(out()).toContain('server:  https://127.0.0.1:6443');
    expect(out()).toMatch(/persistentvolumeclaim\/gvol-1\s+Bound\s+pvc-\S+\s+10Gi\s+RWX\s+gluster-heketi\s+\d+s/);
    expect(out()).toMatch(/persistentvolume\/pvc-\S+\s+Bound\s+default\/gvol-1\s+10Gi\s+RWX\s+gluster-heketi/);
    expect(out()).toMatch(/192\.168\.56\.21:vol_\w+\s+10G\s.*\/mnt/);
  });

  it('already configured: a second run reads only and changes nothing', async () => {
    lab = await startStorageLab();
    expect(await storageFlow(testContext(lab).ctx, flags)).toBe(0);
    const before = JSON.stringify(lab.sim.readState().kube.objects.filter((o) => o.kind !== 'Event'));
    await lab.clearCalls();
    const { ctx, out } = testContext(lab);
    expect(await storageFlow(ctx, flags)).toBe(0);
    expect(writes(await lab.calls())).toEqual([]);
    expect(JSON.stringify(lab.sim.readState().kube.objects.filter((o) => o.kind !== 'Event'))).toBe(before);
    expect(out()).toContain('Secret default/heketi-secret: unchanged.');
    expect(out()).toContain('StorageClass gluster-heketi: unchanged.');
    expect(out()).toContain('PersistentVolumeClaim default/gvol-1 already exists (Bound)');
  });

  it('class with other parameters: shows the difference and replaces it with --yes', async () => {
    lab = await startStorageLab(['class-other-params']);
    const { ctx, out } = testContext(lab);
    expect(await storageFlow(ctx, flags)).toBe(0);
    expect(out()).toContain('StorageClass gluster-heketi exists with other settings:');
    expect(out()).toContain(`  parameters.resturl: http://10.0.0.5:8080 → ${lab.sim.heketiUrl}`);
    expect(out()).toContain('  parameters.secretNamespace: kube-system → default');
    expect(out()).toContain('parameters cannot be changed once it exists');
    expect(out()).toContain('Replacing StorageClass gluster-heketi (--yes given).');
    expect(verbs(writes(await lab.calls()))).toContain('delete storageclass gluster-heketi --ignore-not-found --wait=true');
    const cls = lab.sim.readState().kube.objects.find((o) => o.kind === 'StorageClass' && o.metadata.name === 'gluster-heketi');
    expect(cls?.parameters?.resturl).toBe(lab.sim.heketiUrl);
  });

  it('class with other parameters: declined at the prompt, nothing is replaced and no claim is made', async () => {
    lab = await startStorageLab(['class-other-params']);
    confirmAnswers.push(true, false); // yes to the cluster, no to the replacement
    const { ctx, out } = testContext(lab, { yes: false, interactive: true });
    expect(await storageFlow(ctx, { ...flags, namespace: 'default', accessMode: 'ReadWriteMany', secretNamespace: 'default' })).toBe(0);
    expect(out()).toContain('  parameters.resturl: http://10.0.0.5:8080 →');
    expect(out()).toContain('StorageClass gluster-heketi was kept as it is; no claim was created.');
    const cls = lab.sim.readState().kube.objects.find((o) => o.kind === 'StorageClass' && o.metadata.name === 'gluster-heketi');
    expect(cls?.parameters?.resturl).toBe('http://10.0.0.5:8080');
    expect(lab.names('PersistentVolumeClaim')).toEqual([]);
    expect(verbs(writes(await lab.calls())).filter((v) => !v.startsWith('apply'))).toEqual([]);
  });

  it('v1.27 server: refused with the explanation, nothing created', async () => {
    lab = await startStorageLab(['k8s-1.27']);
    const { ctx, err } = testContext(lab);
    expect(await storageFlow(ctx, flags)).toBe(1);
    expect(err()).toContain('This cluster runs Kubernetes v1.27');
    expect(err()).toContain('removed in v1.26');
    expect(err()).toContain('Use a cluster of v1.25 or earlier');
    expect(err()).toMatch(/CSI driver.*little maintained/s);
    expect(verbs(await lab.calls())).toEqual(['config view --minify -o json', 'version -o json']);
    expect(lab.names('Secret')).toEqual([]);
    expect(lab.names('StorageClass')).not.toContain('gluster-heketi');
    expect(lab.names('PersistentVolumeClaim')).toEqual([]);
  });

  it('v1.25 server: warns that the provisioner is deprecated and goes on', async () => {
    lab = await startStorageLab(['k8s-1.25']);
    const { ctx, out } = testContext(lab);
    expect(await storageFlow(ctx, flags)).toBe(0);
    expect(out()).toContain('Warning: Kubernetes v1.25');
    expect(out()).toContain('deprecated (removed in v1.26)');
    expect(out()).toMatch(/persistentvolumeclaim\/gvol-1\s+Bound/);
  });

  it('Heketi unreachable: refused before anything is created, with the diagnosis', async () => {
    lab = await startStorageLab(['heketi-unreachable']);
    const { ctx, err } = testContext(lab);
    expect(await storageFlow(ctx, flags)).toBe(1);
    expect(err()).toContain(`Heketi does not answer at ${lab.sim.heketiUrl} (ECONNREFUSED)`);
    expect(err()).toContain('the Heketi service is not answering');
    expect(writes(await lab.calls())).toEqual([]);
    expect(lab.names('Secret')).toEqual([]);
  });

  it('provisioning fails: the events are shown with their diagnosis, and the time-out is explained', async () => {
    lab = await startStorageLab(['pvc-provisioning-failed']);
    const { ctx, out, err } = testContext(lab, { json: false });
    expect(await storageFlow(ctx, flags)).toBe(1);
    expect(out()).toMatch(/event Warning ProvisioningFailed.*Failed to provision volume with StorageClass "gluster-heketi"/);
    expect(out()).toContain('The glusterfs provisioner ran and failed');
    expect(err()).toMatch(/gvol-1 is still Pending after \d+ s\./);
    expect(err()).toContain('Pending means no volume has been made for the claim yet');
    expect(err()).toContain('gluster-lab doctor');
    // Each event is printed once when it first appears, however often the poll sees it.
    const firstLines = out().split('\n').filter((l) => l.includes('ProvisioningFailed') && l.includes('event'));
    expect(firstLines.length).toBeLessThan(4);
  });

  it('--json: one summary document on stdout', async () => {
    lab = await startStorageLab();
    const { ctx, out, err } = testContext(lab, { json: true });
    expect(await storageFlow(ctx, flags)).toBe(0);
    const summary = JSON.parse(out()) as Record<string, unknown>;
    expect(summary).toMatchObject({
      ok: true,
      cluster: { context: 'minikube' },
      serverSupport: 'supported',
      secret: { namespace: 'default', name: 'heketi-secret', action: 'created' },
      storageClass: { name: 'gluster-heketi', action: 'created' },
      pvc: { namespace: 'default', name: 'gvol-1', phase: 'Bound', capacity: '10Gi', accessModes: ['ReadWriteMany'] },
    });
    expect(err()).toContain('StorageClass gluster-heketi');
  });
});

describe('storage rejects bad answers before any command runs', () => {
  it.each([
    [{ pvc: 'GVol_1', size: '10Gi' }, 'The claim name "GVol_1" is not valid: capital letters such as "G" are not allowed'],
    [{ pvc: 'gvol-1', size: '10GB' }, 'Did you mean "G"?'],
    [{ pvc: 'gvol-1', size: '-1Gi' }, 'is negative'],
    [{ pvc: 'gvol-1', size: '0' }, 'is zero'],
    [{ pvc: 'gvol-1', size: 'ten' }, 'is not a number'],
    [{ pvc: 'gvol-1', size: '10Gi', namespace: 'team.a' }, 'namespace name "team.a" is not valid: a namespace cannot contain "."'],
    [{ pvc: 'gvol-1', size: '10Gi', accessMode: 'RWZ' }, 'The access mode "RWZ" is not one of'],
    [{ size: '10Gi' }, 'Pass --pvc NAME'],
    [{ pvc: 'gvol-1' }, 'Pass --size QUANTITY'],
  ])('%j', async (given, message) => {
    lab = await startStorageLab();
    const { ctx } = testContext(lab);
    const run = storageFlow(ctx, given);
    await expect(run).rejects.toThrow(UsageError);
    await expect(run).rejects.toThrow(message);
    expect(await lab.calls()).toEqual([]);
  });

  it('names --yes when there is no terminal to confirm the cluster', async () => {
    lab = await startStorageLab();
    const { ctx } = testContext(lab, { yes: false });
    await expect(storageFlow(ctx, flags)).rejects.toThrow('Pass --yes');
    expect(await lab.calls()).toEqual([]);
  });
});
