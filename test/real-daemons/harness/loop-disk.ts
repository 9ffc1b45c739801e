// Disks for LVM tests: sparse files on loop devices, and Heketi's own device set-up on them
// (heketi v10.4.0 executors/cmdexec/device.go, DeviceSetup). Every loop device, volume group
// and physical volume is registered with the caller's Cleanup as it is made.
import { randomBytes } from 'node:crypto';
import { truncate, writeFile } from 'node:fs/promises';
import { execa } from 'execa';
import type { Cleanup } from './cleanup.js';
import { must, type NsResult } from './netns.js';

/** No backup or archive files under /etc/lvm: the machine keeps no trace of a test. */
export const lvmNoBackup = ['--config', 'backup { backup = 0 archive = 0 }'];

export async function tool(command: string, args: string[], timeoutMs = 30_000): Promise<NsResult> {
  const result = await execa(command, args, { reject: false, stdin: 'ignore', timeout: timeoutMs, encoding: 'utf8' });
  return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** A sparse file of `bytes` on a free loop device; detached (and the file left to the caller's directory) on clean-up. */
export async function loopDisk(file: string, bytes: number, cleanup: Cleanup): Promise<string> {
  await writeFile(file, '');
  await truncate(file, bytes);
  const device = must(await tool('losetup', ['--find', '--show', file]), 'losetup').stdout.trim();
  cleanup.add(`detach ${device}`, async () => {
    must(await tool('losetup', ['--detach', device]), `losetup --detach ${device}`);
  });
  return device;
}

/** Heketi's DeviceSetup: pvcreate with 128 MiB metadata and 256 KiB alignment, vgcreate vg_<32 hex>. Returns the group's name. */
export async function heketiDeviceSetup(device: string, cleanup: Cleanup): Promise<string> {
  const vg = `vg_${randomBytes(16).toString('hex')}`;
  must(await tool('pvcreate', ['-qq', ...lvmNoBackup, '--metadatasize=128M', '--dataalignment=256K', device]), 'pvcreate');
  cleanup.add(`pvremove ${device}`, async () => {
    must(await tool('pvremove', ['-qq', ...lvmNoBackup, device]), `pvremove ${device}`);
  });
  must(await tool('vgcreate', ['-qq', ...lvmNoBackup, '--autobackup=n', vg, device]), 'vgcreate');
  cleanup.add(`vgremove ${vg}`, async () => {
    must(await tool('vgremove', ['-qq', '-f', ...lvmNoBackup, vg]), `vgremove ${vg}`);
  });
  return vg;
}
