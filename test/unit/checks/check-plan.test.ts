import { describe, expect, it, vi } from 'vitest';
import { planChecks } from '../../../src/checks/check-plan.js';
import { checkText } from '../../../src/checks/check-text.js';
import { sharedProbes } from '../../../src/checks/host-probes.js';
import { runChecks } from '../../../src/checks/run-checks.js';
import { defaultLabConfig } from '../../../src/lab/defaults.js';
import { fakeProbes, notFound } from './fake-probes.js';

const crashed = () => {
  throw new Error('no check should crash');
};

describe('planChecks', () => {
  it('on a healthy Linux host every check passes, in the fixed order', async () => {
    const tasks = planChecks(sharedProbes(fakeProbes()), { config: defaultLabConfig, dir: '/home/u/lab' }, checkText('en', 'linux'));
    const results = await runChecks(tasks, { crashed });
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ['vagrant', 'ok'],
      ['virtualbox', 'ok'],
      ['vbox-driver', 'ok'],
      ['vagrant-vbox-compat', 'ok'],
      ['hostonly-ranges', 'ok'],
      ['kubectl', 'ok'],
      ['k8s-server', 'ok'],
      ['kube-node', 'ok'],
      ['git', 'ok'],
      ['memory', 'ok'],
      ['disk', 'ok'],
      ['cpu', 'ok'],
      ['virtualization', 'ok'],
      ['host-arch', 'ok'],
    ]);
  });

  it('asks VBoxManage once although four checks need its version', async () => {
    const vboxVersion = vi.fn(() => Promise.resolve({ version: '7.0.14', raw: '7.0.14r161095' }));
    const tasks = planChecks(sharedProbes(fakeProbes({ vboxVersion })), { config: defaultLabConfig, dir: '/lab' }, checkText('en', 'linux'));
    await runChecks(tasks, { crashed });
    expect(vboxVersion).toHaveBeenCalledTimes(1);
  });

  it('leaves the Linux driver check out on macOS and reads no Linux files there', async () => {
    const readTextFile = vi.fn((_path: string): Promise<string | undefined> => Promise.resolve(undefined));
    const probes = fakeProbes({ platform: 'darwin', readTextFile });
    const tasks = planChecks(sharedProbes(probes), { config: defaultLabConfig, dir: '/lab' }, checkText('en', 'macos'));
    expect(tasks.map((t) => t.id)).not.toContain('vbox-driver');
    await runChecks(tasks, { crashed });
    expect(readTextFile.mock.calls.map((c) => c[0])).toEqual(['/etc/vbox/networks.conf']);
  });

  it('reports VirtualBox missing in its own row, the driver row and the comparison', async () => {
    const probes = fakeProbes({ vboxVersion: async () => Promise.reject(notFound('VBoxManage')), pathExists: () => Promise.resolve(false) }, { '/proc/modules': 'ext4 1 0 - Live 0x0\n' });
    const tasks = planChecks(sharedProbes(probes), { config: defaultLabConfig, dir: '/lab' }, checkText('en', 'linux'));
    const byId = Object.fromEntries((await runChecks(tasks, { crashed })).map((r) => [r.id, r]));
    expect(byId.virtualbox?.status).toBe('failure');
    expect(byId['vbox-driver']?.message).toContain('VirtualBox is not installed either');
    expect(byId['vagrant-vbox-compat']?.status).toBe('warning');
  });
});
