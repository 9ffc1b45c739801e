// The device size Heketi records for the lab's default data disk, measured: a sparse file of
// data_disk.size_gb on a loop device, Heketi's own pvcreate and vgcreate on it, and the
// extent figures of `vgdisplay -c` that Heketi reads (executors/cmdexec/device.go,
// getVgSizeFromNode). k8s/heketi-capacity.ts must count the same.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heketiDeviceKiB } from '../../src/k8s/heketi-capacity.js';
import { defaultLabConfig } from '../../src/lab/defaults.js';
import { Cleanup } from './harness/cleanup.js';
import { assertGateOpen, daemonGate } from './harness/gate.js';
import { heketiDeviceSetup, loopDisk, lvmNoBackup, tool } from './harness/loop-disk.js';
import { must } from './harness/netns.js';

const gate = await daemonGate({ losetup: 'mount', pvcreate: 'lvm2', vgcreate: 'lvm2', vgdisplay: 'lvm2' }, { netns: false });
const cleanup = new Cleanup();
let vg: string;

describe.skipIf(gate.skip)("Heketi's device size on real LVM", () => {
  beforeAll(async () => {
    assertGateOpen(gate);
    try {
      const work = await mkdtemp(join(tmpdir(), 'gl-heketi-device-'));
      cleanup.add('remove the disk image', () => rm(work, { recursive: true, force: true }));
      const device = await loopDisk(join(work, 'data.img'), defaultLabConfig.data_disk.size_gb * 2 ** 30, cleanup);
      vg = await heketiDeviceSetup(device, cleanup);
    } catch (error) {
      await cleanup.run();
      throw error;
    }
  });
  afterAll(() => cleanup.run());

  it(`vgdisplay -c of the default ${defaultLabConfig.data_disk.size_gb} GB data disk: extent size × total extents is what heketiDeviceKiB counts`, async () => {
    const fields = must(await tool('vgdisplay', ['-c', ...lvmNoBackup, vg]), 'vgdisplay').stdout.trim().split(':');
    // vgdisplay(8) -c: field 12 is the extent size in KiB, 13 the total number of extents.
    const [extentKiB, extents] = [Number(fields[12]), Number(fields[13])];
    expect(extentKiB).toBe(4096);
    expect(extentKiB * extents).toBe(heketiDeviceKiB(defaultLabConfig.data_disk.size_gb));
  });
});
