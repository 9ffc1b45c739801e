import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { heketiCapacity, largestReplicaKiB } from '../../../src/k8s/heketi-capacity.js';
import { claimFits } from '../../../src/k8s/claim-room.js';
import { brickSpace, freshDeviceFreeKiB, largestReplicaGiB, placeReplicaVolume, type PlacementNode } from '../../../src/k8s/heketi-space.js';
import { parseStorageQuantity } from '../../../src/k8s/quantity.js';
import { defaultLabConfig } from '../../../src/lab/defaults.js';
import { packageRoot } from '../../../src/lab/package-root.js';
import type { HeketiTopology } from '../../../src/tools/heketi-types.js';

// Figures worked out by hand from heketi v10.4.0 (apps/glusterfs/device_entry.go SpaceNeeded,
// executors/cmdexec/device.go DeviceSetup); the 20 GiB device is what real LVM reported for
// Heketi's pvcreate/vgcreate (test/real-tools/heketi-space-lvm.test.ts repeats it).
const GiB = 1024 * 1024; // KiB
const MiB = 1024;

const lab = (freeKiB: number, nodes = 3): PlacementNode[] => Array.from({ length: nodes }, (_, i) => ({ id: `n${i + 1}`, devicesFreeKiB: [freeKiB] }));

/** Places the claims one after the other, as Heketi would, and returns what is left per node. */
function placeAll(nodes: PlacementNode[], claimsGiB: number[]): { placed: boolean[]; left: PlacementNode[] } {
  let left = nodes.map((n) => ({ ...n, devicesFreeKiB: [...n.devicesFreeKiB] }));
  const placed = claimsGiB.map((gib) => {
    const p = placeReplicaVolume(left, gib);
    if (!p.ok) return false;
    left = left.map((n) => ({ ...n, devicesFreeKiB: n.devicesFreeKiB.map((free, d) => free - p.bricks.filter((b) => b.node === n.id && b.device === d).reduce((s, b) => s + b.totalKiB, 0)) }));
    return true;
  });
  return { placed, left };
}

describe("Heketi's space arithmetic", () => {
  it('leaves 5087 extents (19.87 GiB) of a 20 GiB disk after pvcreate --metadatasize=128M --dataalignment=256K', () => {
    expect(freshDeviceFreeKiB(20 * GiB)).toBe(5087 * 4 * MiB);
    expect(freshDeviceFreeKiB(20 * GiB)).toBe(20836352);
    expect(freshDeviceFreeKiB(30 * GiB)).toBe(7647 * 4 * MiB);
  });

  it('takes a thin pool plus 0.5 % metadata, each rounded up to 4 MiB extents, for a brick', () => {
    expect(brickSpace(10 * GiB)).toEqual({ thinPoolKiB: 10 * GiB, metadataKiB: 52 * MiB, totalKiB: 10 * GiB + 52 * MiB });
    expect(brickSpace(1 * GiB)).toEqual({ thinPoolKiB: GiB, metadataKiB: 8 * MiB, totalKiB: GiB + 8 * MiB });
    // The metadata stops growing at 16 GiB (maxPoolMetadataSizeMb).
    expect(brickSpace(4096 * GiB).metadataKiB).toBe(16 * GiB);
  });

  it('cannot place the second 10Gi sample claim on the old 20 GB disk: Heketi says "No space"', () => {
    const { placed, left } = placeAll(lab(freshDeviceFreeKiB(20 * GiB)), [10, 10]);
    expect(placed).toEqual([true, false]);
    // Even split into 2, 4 or 8 brick sets of smaller bricks it does not fit.
    expect(placeReplicaVolume(left, 10)).toEqual({ ok: false, reason: 'minimum-brick-size' });
    expect(largestReplicaGiB(left)).toBe(9);
  });

  it("fits the CSI path's volume and both sample claims on the default disk, with room to spare", async () => {
    const samples = await Promise.all(['gfs-pvc-1.yml', 'gfs-pvc-2.yml'].map(async (file) => {
      const pvc = parse(await readFile(join(packageRoot(), 'k8s-yaml', file), 'utf8')) as { spec: { resources: { requests: { storage: string } } } };
      const parsed = parseStorageQuantity(pvc.spec.resources.requests.storage);
      if (!parsed.ok) throw new Error(file);
      return Math.ceil(parsed.quantity.bytes / 1024 ** 3);
    }));
    expect(samples).toEqual([10, 10]);
    const glusterNodes = defaultLabConfig.machines.filter((m) => m.role === 'gluster').length;
    const disk = lab(freshDeviceFreeKiB(defaultLabConfig.data_disk.size_gb * GiB), glusterNodes);
    const both = placeAll(disk, samples);
    expect(both.placed).toEqual([true, true]);
    const all = placeAll(disk, [defaultLabConfig.nfs.size_gb, ...samples]);
    expect(all.placed).toEqual([true, true, true]);
    expect(largestReplicaGiB(all.left)).toBeGreaterThanOrEqual(1);
  });

  it('splits a volume into more brick sets when one brick does not fit on any device', () => {
    // Two devices per node of 6 GiB: a 10 GiB brick fits nowhere, two 5 GiB sets do.
    const nodes = Array.from({ length: 3 }, (_, i) => ({ id: `n${i}`, devicesFreeKiB: [6 * GiB, 6 * GiB] }));
    const p = placeReplicaVolume(nodes, 10);
    expect(p).toMatchObject({ ok: true, sets: 2, brickKiB: 5 * GiB });
    if (p.ok) expect(new Set(p.bricks.map((b) => `${b.node}/${b.device}`)).size).toBe(6);
  });

  it('never puts two copies of a set on one node', () => {
    const nodes = [{ id: 'big', devicesFreeKiB: [100 * GiB, 100 * GiB, 100 * GiB] }, { id: 'a', devicesFreeKiB: [2 * GiB] }];
    expect(placeReplicaVolume(nodes, 1).ok).toBe(false);
  });
});

describe('the capacity storage and doctor show, from a Heketi topology', () => {
  const topology = (freeKiB: number): HeketiTopology => ({
    clusters: [
      {
        id: 'c',
        volumes: [],
        nodes: ['192.168.56.21', '192.168.56.22', '192.168.56.23'].map((address) => ({
          id: address,
          zone: 1,
          state: 'online',
          hostnames: { manage: [address], storage: [address] },
          devices: [{ id: `${address}-d`, name: '/dev/sdb', state: 'online', storage: { total: freshDeviceFreeKiB(20 * GiB), free: freeKiB, used: freshDeviceFreeKiB(20 * GiB) - freeKiB } }],
        })),
      },
    ],
  });

  it('says a 10Gi claim does not fit where each node has 10 GiB free (it needs 10 GiB + 52 MiB)', () => {
    const capacity = heketiCapacity(topology(10 * GiB));
    expect(largestReplicaKiB(capacity)).toBe(9 * GiB);
    expect(claimFits(10 * 1024 ** 3, largestReplicaKiB(capacity) * 1024)).toBe(false);
    expect(claimFits(9 * 1024 ** 3, largestReplicaKiB(capacity) * 1024)).toBe(true);
  });

  it('says what is left after the first 10Gi claim on a 20 GB disk: 9Gi', () => {
    expect(largestReplicaKiB(heketiCapacity(topology(freshDeviceFreeKiB(20 * GiB) - brickSpace(10 * GiB).totalKiB)))).toBe(9 * GiB);
  });
});
