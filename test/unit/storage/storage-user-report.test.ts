import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { storageFlow } from '../../../src/flows/storage.js';
import { waitForBound } from '../../../src/flows/storage-claim.js';
import { createReport } from '../../../src/flows/storage-report.js';
import { storageTiming } from '../../../src/storage/storage-timing.js';
import { statusFlow } from '../../../src/flows/status.js';
import { doctorFlow } from '../../../src/flows/doctor.js';
import { createManifest } from '../../../src/tools/kubectl.js';
import { pvcManifest } from '../../../src/k8s/manifests.js';
import { labFiles } from '../../../src/lab/lab-files.js';
import { startStorageLab, testContext, type KubectlCall, type StorageLab } from './storage-harness.js';

vi.mock('@inquirer/prompts', () => import('./prompts-fake.js'));

let lab: StorageLab | undefined;
afterEach(async () => {
  await lab?.stop();
  lab = undefined;
});

const writes = (calls: KubectlCall[]) => calls.filter((c) => ['apply', 'create', 'delete', 'patch'].includes(c.argv[4] ?? ''));

describe('what a new user ran into', () => {
  it('a claim Heketi cannot place is refused before anything is created, with the figure and what to do', async () => {
    lab = await startStorageLab();
    const { ctx, err } = testContext(lab);
    expect(await storageFlow(ctx, { pvc: 'gvol-1', size: '100Gi' })).toBe(1);
    expect(err()).toMatch(/The claim asks for 100Gi, but Heketi can place at most about [\d.]+ ?GiB.*cannot fit/);
    expect(err()).toMatch(/--size \d+Gi or less/);
    expect(err()).toContain('data_disk.size_gb');
    expect(writes(await lab.calls())).toEqual([]);
    expect(lab.names('PersistentVolumeClaim')).toEqual([]);
  });

  it('a ProvisioningFailed event with a root cause ends the wait at once, and says how to delete the claim', async () => {
    lab = await startStorageLab();
    const { ctx, out, err } = testContext(lab, { kube: { kubeconfig: lab.kubeconfig } });
    const claim = { name: 'orphan', namespace: 'default', size: { text: '1Gi', bytes: 1024 ** 3 }, accessMode: 'ReadWriteMany' as const };
    await createManifest(ctx.kube, pvcManifest({ ...claim, size: '1Gi', storageClassName: 'no-such-class' }), { env: lab.env });
    const started = Date.now();
    await expect(waitForBound(ctx, createReport(ctx), claim, { timeoutMs: 60_000, pollMs: 100 })).rejects.toThrow(/provisioning failed/);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(out()).toContain('ProvisioningFailed');
    expect(err()).toContain('Stopped waiting for orphan');
    expect(err()).toContain('kubectl delete pvc orphan -n default');
  });

  it('an opaque ProvisioningFailed keeps waiting; after giving up the delete command is named', async () => {
    lab = await startStorageLab(['pvc-provisioning-failed']);
    const { ctx, err } = testContext(lab);
    expect(await storageFlow(ctx, { pvc: 'gvol-1', size: '1Gi' })).toBe(1);
    expect(err()).toMatch(/gvol-1 is still Pending after \d+ s\./);
    expect(err()).toContain('kubectl delete pvc gvol-1 -n default --context minikube');
    const record = JSON.parse(await readFile(join(lab.labDir, labFiles.lastStorage), 'utf8')) as Record<string, unknown>;
    expect(record).toMatchObject({ pvc: 'gvol-1', namespace: 'default', phase: 'Pending' });
  });

  it('client pods: glusterfs-client-missing ends the wait at once', async () => {
    lab = await startStorageLab(['glusterfs-client-missing']);
    const { ctx, err } = testContext(lab, { env: { ...lab.env, GLUSTER_LAB_BIND_TIMEOUT_MS: '60000' } });
    const started = Date.now();
    expect(await storageFlow(ctx, { pvc: 'gvol-1', size: '1Gi', client: true })).toBe(1);
    expect(Date.now() - started).toBeLessThan(40_000);
    expect(err()).toContain('Stopped waiting for the client pods');
    expect(err()).toMatch(/glusterfs/i);
  });

  it('RWX is accepted for --access-mode and sent as ReadWriteMany; Bound is recorded for the home screen', async () => {
    lab = await startStorageLab();
    const { ctx } = testContext(lab);
    expect(await storageFlow(ctx, { pvc: 'gvol-1', size: '1Gi', accessMode: 'RWO' })).toBe(0);
    const created = (await lab.calls()).find((c) => c.stdin.includes('PersistentVolumeClaim'));
    expect(created?.stdin).toContain('ReadWriteOnce');
    const record = JSON.parse(await readFile(join(lab.labDir, labFiles.lastStorage), 'utf8')) as Record<string, unknown>;
    expect(record).toMatchObject({ pvc: 'gvol-1', phase: 'Bound' });
  });

  it('Heketi down while its VM runs: storage and status name the service and the commands, not the VMs', async () => {
    lab = await startStorageLab(['heketi-unreachable']);
    const storage = testContext(lab);
    expect(await storageFlow(storage.ctx, { pvc: 'gvol-1', size: '1Gi' })).toBe(1);
    expect(storage.err()).toContain('although the heketi VM is running: the Heketi service is not answering');
    expect(storage.err()).toContain("vagrant ssh heketi -c 'sudo systemctl status heketi --no-pager'");
    expect(storage.err()).toContain(`cd ${lab.labDir}`);
    expect(storage.err()).not.toContain('must be up before');
    const status = testContext(lab);
    expect(await statusFlow(status.ctx)).toBe(0);
    expect(status.out()).toContain('the Heketi service is not answering');
    expect(status.out()).not.toContain('Is the heketi VM running');
  });

  it('no kubeconfig: one sentence and the fix, never kubectl\'s memcache lines (real kubectl)', async () => {
    lab = await startStorageLab();
    const home = await mkdtemp(join(tmpdir(), 'gl-home-'));
    try {
      const env = { ...process.env, HOME: home, KUBECONFIG: join(home, 'missing-config') };
      const storage = testContext({ labDir: lab.labDir, env }, { kube: {} });
      expect(await storageFlow(storage.ctx, { pvc: 'gvol-1', size: '1Gi' })).toBe(1);
      expect(storage.err()).toContain('kubectl cannot tell which cluster to use: there is no kubeconfig');
      expect(storage.err()).toContain('--kubeconfig FILE');
      expect(storage.err()).not.toMatch(/memcache|Unhandled Error|localhost:8080/);
      const doctor = testContext({ labDir: lab.labDir, env }, { kube: {} });
      await doctorFlow(doctor.ctx);
      expect(doctor.out()).toContain('kubectl cannot tell which cluster to use');
      expect(doctor.out()).not.toMatch(/memcache|Unhandled Error/);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});

describe('doctor when vagrant reports no usable provider', () => {
  it('names the provider, and still checks Heketi when its URL answers', async () => {
    lab = await startStorageLab(['virtualbox-missing']);
    const { ctx, out } = testContext(lab, { json: true });
    await doctorFlow(ctx);
    const report = JSON.parse(out()) as { layers: Array<{ layer: string; status: string; summary: string }> };
    const byLayer = Object.fromEntries(report.layers.map((l) => [l.layer, l]));
    expect(byLayer.vms?.summary).toBe('vagrant ran but could not report the VMs: provider virtualbox is not usable');
    expect(byLayer.heketi?.status).not.toBe('skipped');
    expect(byLayer.heketi?.summary).toMatch(/node/);
  });
});

describe('storage timing', () => {
  it('divides the default waits by the demo speed; the environment overrides stay exact', () => {
    expect(storageTiming({}, 20)).toEqual({ timeoutMs: 6000, pollMs: 50 });
    expect(storageTiming({})).toEqual({ timeoutMs: 120_000, pollMs: 1000 });
    expect(storageTiming({ GLUSTER_LAB_BIND_TIMEOUT_MS: '3000', GLUSTER_LAB_POLL_MS: '100' }, 20)).toEqual({ timeoutMs: 3000, pollMs: 100 });
  });
});
