import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { LabConfigError, parseLabConfig } from '../../../src/lab/config.js';
import { renderLabConfig } from '../../../src/lab/config-file.js';
import { defaultLabConfig } from '../../../src/lab/defaults.js';

const file = '/labs/demo/gluster-lab.yaml';

function problemOf(text: string, lang: 'en' | 'ja' = 'en'): LabConfigError {
  try {
    parseLabConfig(text, file, lang);
  } catch (error) {
    if (error instanceof LabConfigError) return error;
    throw error;
  }
  throw new Error('expected the config to be rejected');
}

function withChange(change: (c: Record<string, unknown>) => void): string {
  const config = structuredClone(defaultLabConfig) as unknown as Record<string, unknown>;
  change(config);
  return stringify(config);
}

describe('gluster-lab.yaml validation', () => {
  it('accepts the file init writes', () => {
    expect(parseLabConfig(renderLabConfig(defaultLabConfig), file)).toEqual(defaultLabConfig);
  });

  it('takes data_disk.device as "auto" (the default) or a device path, stable by-id links included', () => {
    expect(defaultLabConfig.data_disk.device).toBe('auto');
    const device = (value: string) => withChange((c) => ((c.data_disk as Record<string, unknown>).device = value));
    for (const ok of ['/dev/disk/by-id/ata-VBOX_HARDDISK_VB1234-5678', '/dev/disk/by-id/scsi-0QEMU_QEMU_HARDDISK_drive-scsi1', '/dev/sdb', '/dev/vdb']) {
      expect(parseLabConfig(device(ok), file).data_disk.device).toBe(ok);
    }
    for (const bad of ['sdb', '/dev/', '/dev/disk/../sda', '/etc/passwd', '/dev/sd b']) expect(problemOf(device(bad)).keys, bad).toEqual(['data_disk.device']);
  });

  it('keeps the pinned box version, and refuses one that is not a version', () => {
    expect(defaultLabConfig.box_version).toBe('202510.26.0');
    expect(problemOf(withChange((c) => (c.box_version = 'latest'))).keys).toEqual(['box_version']);
    const { box_version: _pinned, ...unpinned } = defaultLabConfig;
    expect(parseLabConfig(stringify(unpinned), file).box_version).toBeUndefined();
  });

  it('loads a lab written before the CSI path with its NFS defaults, and refuses a relative export', () => {
    const older = withChange((c) => {
      delete c.nfs;
      delete (c.kubernetes as Record<string, unknown>).nfs_storage_class;
    });
    expect(parseLabConfig(older, file)).toEqual(defaultLabConfig);
    expect(parseLabConfig(older, file).nfs).toEqual({ volume: 'k8s-nfs', size_gb: 10, export: '/k8s-nfs' });
    const error = problemOf(withChange((c) => ((c.nfs as Record<string, unknown>).export = 'k8s-nfs')));
    expect(error.keys).toEqual(['nfs.export']);
  });

  it('names an unknown key and the file', () => {
    const error = problemOf(withChange((c) => ((c.heketi as Record<string, unknown>).ur1 = 'x')));
    expect(error.keys).toEqual(['heketi.ur1']);
    expect(error.message).toContain(file);
    expect(error.message).toContain('unknown key "heketi.ur1"');
  });

  it('names a key of the wrong type', () => {
    const error = problemOf(withChange((c) => ((c.machines as Array<Record<string, unknown>>)[1]!.cpus = 'two')));
    expect(error.keys).toEqual(['machines.1.cpus']);
    expect(error.message).toMatch(/machines\.1\.cpus: .*number/);
  });

  it('names an address that is not IPv4', () => {
    const error = problemOf(withChange((c) => ((c.machines as Array<Record<string, unknown>>)[2]!.address = '172.20.1.300')));
    expect(error.keys).toEqual(['machines.2.address']);
    expect(error.message).toContain('not an IPv4 address');
  });

  it('rejects duplicate addresses and a lab without three gluster nodes', () => {
    const dup = problemOf(withChange((c) => ((c.machines as Array<Record<string, unknown>>)[3]!.address = '192.168.56.22')));
    expect(dup.keys).toEqual(['machines.3.address']);
    const few = problemOf(withChange((c) => (c.machines = (c.machines as unknown[]).slice(0, 3))));
    expect(few.keys).toEqual(['machines']);
  });

  it('reports broken YAML with its line', () => {
    const error = problemOf('name: x\nmachines: [\n');
    expect(error.message).toMatch(/not valid YAML \(line \d+\)/);
  });

  it('speaks Japanese', () => {
    const error = problemOf(withChange((c) => ((c.kubernetes as Record<string, unknown>).storageclass = 'x')), 'ja');
    expect(error.message).toContain('不明なキー "kubernetes.storageclass"');
    expect(error.message).toContain('件の問題があります');
  });
});
