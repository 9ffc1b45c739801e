// Heketi's space arithmetic (k8s/heketi-capacity.ts) against figures real LVM and Heketi give,
// and the lab's defaults against it: the CSI path's volume and both sample claims of the
// Heketi path fit the default data disk, as SPEC §1 promises.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { heketiBrickKiB, heketiDeviceKiB } from '../../../src/k8s/heketi-capacity.js';
import { parseStorageQuantity } from '../../../src/k8s/quantity.js';
import { defaultLabConfig } from '../../../src/lab/defaults.js';
import { packageRoot } from '../../../src/lab/package-root.js';

const GiB = 2 ** 30;

/** The size each sample claim asks for, in whole GiB as the in-tree provisioner asks Heketi. */
async function sampleClaimGiB(file: string): Promise<number> {
  const pvc = parse(await readFile(join(packageRoot(), 'k8s-yaml', file), 'utf8')) as { spec: { resources: { requests: { storage: string } } } };
  const size = parseStorageQuantity(pvc.spec.resources.requests.storage);
  if (!size.ok) throw new Error(`${file}: unreadable size`);
  return Math.ceil(size.quantity.bytes / GiB);
}

describe("Heketi's space arithmetic", () => {
  it('a device is the whole 4 MiB extents after 129 MiB of LVM metadata (vgdisplay -c on loop devices of 20, 32, 40 GiB)', () => {
    // Total extents × extent size from `vgdisplay -c` after Heketi's pvcreate and vgcreate (LVM 2.03.16).
    expect(heketiDeviceKiB(20)).toBe(5087 * 4096);
    expect(heketiDeviceKiB(32)).toBe(8159 * 4096);
    expect(heketiDeviceKiB(40)).toBe(10207 * 4096);
  });

  it('a brick is its thin pool plus 0.5 % pool metadata, each in whole extents', () => {
    // 10 GiB: 2560 extents of pool, 52428 KiB of metadata rounded up to 13 extents.
    expect(heketiBrickKiB(10)).toBe((2560 + 13) * 4096);
    expect(heketiBrickKiB(1)).toBe((256 + 2) * 4096);
  });
});

describe("the lab's defaults", () => {
  it('hold the CSI path volume and both sample claims of the Heketi path on every node, with room to spare', async () => {
    const claims = [await sampleClaimGiB('gfs-pvc-1.yml'), await sampleClaimGiB('gfs-pvc-2.yml')];
    expect(claims).toEqual([10, 10]);
    const needed = [defaultLabConfig.nfs.size_gb, ...claims].reduce((sum, gib) => sum + heketiBrickKiB(gib), 0);
    const device = heketiDeviceKiB(defaultLabConfig.data_disk.size_gb);
    expect(needed).toBeLessThanOrEqual(device);
    // Room for a small claim of one's own besides (1 GiB).
    expect(device - needed).toBeGreaterThan(heketiBrickKiB(1));
  });

  it('would not on the former 20 GB disk: the two sample claims alone are more than Heketi counts there', async () => {
    const claims = [await sampleClaimGiB('gfs-pvc-1.yml'), await sampleClaimGiB('gfs-pvc-2.yml')];
    expect(claims.reduce((sum, gib) => sum + heketiBrickKiB(gib), 0)).toBeGreaterThan(heketiDeviceKiB(20));
  });
});
