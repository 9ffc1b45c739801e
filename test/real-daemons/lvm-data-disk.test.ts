// The data-disk choice of the gluster playbook against real LVM on loop devices: the commands
// of gluster.yml (`lsblk --json`, `pvs`) run for real on this machine, and the playbook's own
// tasks/choose-data-disk.yml sorts what they print. One loop device is fresh, the other has
// been through Heketi's device set-up (pvcreate --metadatasize=128M --dataalignment=256K,
// vgcreate vg_<32 hex>), as after an earlier provision.
//
// Thin pools (Heketi's bricks) need device-mapper's thin target. Where the kernel lacks it
// (this machine, and CI's) that test is skipped, saying so with lvcreate's own words.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { packageRoot } from '../../src/lab/package-root.js';
import { Cleanup } from './harness/cleanup.js';
import { assertGateOpen, daemonGate } from './harness/gate.js';
import { heketiDeviceSetup, loopDisk, lvmNoBackup, tool } from './harness/loop-disk.js';

const GiB = 1024 ** 3;
const gate = await daemonGate({ losetup: 'mount', lsblk: 'util-linux', pvcreate: 'lvm2', lvcreate: 'lvm2', blkid: 'util-linux', 'ansible-playbook': 'ansible-core' }, { netns: false });
const cleanup = new Cleanup();
const ansibleDir = join(packageRoot(), 'provisioning', 'ansible');
let work: string;
let fresh: string;
let heketis: string;
let vg: string;

interface Choice {
  blank_disks: string[];
  heketi_disks: string[];
  lsblk: { blockdevices: Array<{ name: string; type: string; fstype: string | null; mountpoint: string | null }> };
}

/** The tasks of gluster.yml that register `names`, exactly as the playbook has them. */
async function playbookTasks(names: string[]): Promise<object[]> {
  const [play] = parse(await readFile(join(ansibleDir, 'gluster.yml'), 'utf8')) as Array<{ tasks: Array<{ register?: string }> }>;
  const tasks = names.map((name) => play!.tasks.find((task) => task.register === name));
  if (tasks.some((task) => !task)) throw new Error(`gluster.yml has no task registering ${names.join(' or ')}`);
  return tasks as object[];
}

describe.skipIf(gate.skip)('the data-disk choice on real LVM (loop devices)', () => {
  beforeAll(async () => {
    assertGateOpen(gate);
    try {
      work = await mkdtemp(join(tmpdir(), 'gl-lvm-'));
      cleanup.add('remove the disk images', () => rm(work, { recursive: true, force: true }));
      fresh = await loopDisk(join(work, 'fresh.img'), 4 * GiB, cleanup);
      heketis = await loopDisk(join(work, 'heketi.img'), 4 * GiB, cleanup);
      vg = await heketiDeviceSetup(heketis, cleanup);
    } catch (error) {
      await cleanup.run();
      throw error;
    }
  });
  afterAll(() => cleanup.run());

  it("gluster.yml's lsblk and pvs, sorted by choose-data-disk.yml: a loop device is never blank, Heketi's group is recognised", async () => {
    const out = join(work, 'choice.json');
    const playbook = [
      {
        name: 'The data-disk choice on this machine',
        hosts: 'localhost',
        connection: 'local',
        gather_facts: false,
        tasks: [
          ...(await playbookTasks(['lsblk_result', 'pvs_result'])),
          { name: 'Choose', 'ansible.builtin.include_tasks': join(ansibleDir, 'tasks', 'choose-data-disk.yml'), vars: { configured_device: 'auto', data_disk_bytes: 4 * GiB }, ignore_errors: true },
          {
            name: 'Write what was found',
            'ansible.builtin.copy': { content: '{{ {"blank_disks": blank_disks, "heketi_disks": heketi_disks, "lsblk": lsblk_result.stdout | from_json} | to_json }}', dest: out, mode: '0644' },
          },
        ],
      },
    ];
    await writeFile(join(work, 'choose.yml'), stringify(playbook));
    const env = { ...process.env, ANSIBLE_HOME: join(work, 'ansible-home'), ANSIBLE_LOCAL_TEMP: join(work, 'ansible-tmp'), ANSIBLE_NOCOLOR: '1' };
    const result = await execa('ansible-playbook', ['-i', 'localhost,', join(work, 'choose.yml')], { cwd: work, env, reject: false, timeout: 120_000, stdin: 'ignore', all: true });
    expect(result.exitCode, result.all).toBe(0);
    const choice = JSON.parse(await readFile(out, 'utf8')) as Choice;

    // What the real lsblk says of the two. Its FSTYPE comes from udev's database: without udev
    // (containers, CI) it is null even for a physical volume, which blkid -p reads off the disk.
    // So pvs, not FSTYPE, is what tells Heketi's disk from a blank one there.
    const listed = Object.fromEntries(choice.lsblk.blockdevices.map((d) => [d.name, d]));
    expect(listed[fresh]).toMatchObject({ type: 'loop', fstype: null, mountpoint: null });
    expect(listed[heketis]).toMatchObject({ type: 'loop', fstype: existsSync('/run/udev/data') ? 'LVM2_member' : null, mountpoint: null });
    expect((await tool('blkid', ['-p', '-o', 'value', '-s', 'TYPE', heketis])).stdout.trim()).toBe('LVM2_member');
    expect((await tool('blkid', ['-p', fresh])).exitCode).toBe(2); // nothing found on it
    expect(choice.blank_disks).not.toContain(fresh);
    expect(choice.blank_disks).not.toContain(heketis);
    // Real pvs lines ("  /dev/loopN|vg_…") are recognised as Heketi's disk from an earlier provision.
    expect(choice.heketi_disks).toContain(heketis);
    expect(choice.heketi_disks).not.toContain(fresh);
  }, 150_000);

  it('a thin pool and brick as Heketi creates them (needs device-mapper)', async (context) => {
    const size = 1024 * 1024; // KiB
    // heketi executors/cmdexec/brick.go, BrickCreate.
    const args = ['--autobackup=n', ...lvmNoBackup, '--poolmetadatasize', `${Math.ceil(size * 0.005)}K`, '--chunksize', '256K', '--size', `${size}K`, '--thin', `${vg}/tp_test`, '--virtualsize', `${size}K`, '--name', 'brick_test'];
    const created = await tool('lvcreate', args);
    if (created.exitCode !== 0 && (!existsSync('/dev/mapper/control') || /device-mapper/.test(created.stderr))) {
      const said = created.stderr.split('\n').find((line) => /device-mapper|mapper\/control/.test(line))?.trim() ?? created.stderr.trim();
      console.warn(`thin pools not checked: this kernel has no device-mapper thin target (lvcreate: "${said}")`);
      context.skip(`no device-mapper thin target in this kernel (lvcreate: "${said}")`);
    }
    expect(created.exitCode, created.stderr).toBe(0);
    cleanup.add('lvremove the test brick and pool', async () => {
      await tool('lvremove', ['-f', ...lvmNoBackup, `${vg}/brick_test`]);
      await tool('lvremove', ['-f', ...lvmNoBackup, `${vg}/tp_test`]);
    });
    const lvs = await tool('lvs', [...lvmNoBackup, '--noheadings', '--units', 'k', '--nosuffix', '--separator', '|', '-o', 'lv_name,lv_size,pool_lv', vg]);
    const rows = lvs.stdout.trim().split('\n').map((line) => line.trim().split('|'));
    expect(rows).toContainEqual(['brick_test', `${size}.00`, 'tp_test']);
  });
});
