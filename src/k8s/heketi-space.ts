/**
 * Heketi's own space arithmetic (heketi/heketi v10.4.0), so that `storage`, `doctor`, the
 * default disk size and the simulator count as the real Heketi does. All sizes are KiB, as
 * Heketi counts them (apps/glusterfs/volume_entry.go: `KB = 1`, `GB = MB * 1024`).
 *
 * - A device: executors/cmdexec/device.go `DeviceSetup` runs
 *   `pvcreate --metadatasize=128M --dataalignment=256K` and `vgcreate --physicalextentsize=4M`
 *   (cmdexec.go `PVDataAlignment`, `VGPhysicalExtentSize` defaults), then `getVgSizeFromNode`
 *   takes free = free extents × extent size from `vgdisplay -c`.
 * - A brick: apps/glusterfs/device_entry.go `SpaceNeeded` — a thin pool of the brick size ×
 *   the snapshot factor (1 without snapshots, volume_entry.go) rounded up to the extent, plus
 *   `poolMetadataSize` = 0.5 % of it (at most 16 GiB), also rounded up to the extent.
 *   `StorageCheck` wants the device's free space strictly greater than that.
 * - A volume: volume_entry_allocate.go `allocBricksInCluster` tries one brick set, then
 *   2, 4, 8… sets of smaller bricks (volume_durability_replica.go `BrickSizeGenerator`), until
 *   a brick would be under 1 GiB (limits.go `BrickMinSize`) or the volume over 32 bricks
 *   (`BrickMaxNum`); each brick of a set on a different node (brick_allocate.go
 *   `tryAllocateBrickOnDevice`). Failing all, the answer is "No space" (errors.go `ErrNoSpace`).
 */

const KiB_PER_MiB = 1024;
const KiB_PER_GiB = 1024 * 1024;

export const heketiDefaults = {
  /** `--physicalextentsize=4M`; also DeviceEntry's default ExtentSize (4096 KB). */
  extentKiB: 4 * KiB_PER_MiB,
  /** `--metadatasize=128M`. */
  pvMetadataKiB: 128 * KiB_PER_MiB,
  /** `--dataalignment=256K`. */
  dataAlignmentKiB: 256,
  /** LVM puts the label in the first 4 KiB and the metadata area right after it. */
  labelKiB: 4,
  /** `maxPoolMetadataSizeMb = 16 * GB` (in KB, despite the name). */
  maxPoolMetadataKiB: 16 * KiB_PER_GiB,
  brickMinKiB: 1 * KiB_PER_GiB,
  brickMaxKiB: 4 * 1024 * KiB_PER_GiB,
  maxBricksPerVolume: 32,
} as const;

const roundUp = (value: number, step: number): number => Math.ceil(value / step) * step;

/**
 * What Heketi reports free on a fresh device of `diskKiB`: the physical volume's data starts
 * after the label and the 128 MiB metadata area, aligned to 256 KiB (pvs shows `1st PE`
 * 131328k), and the volume group counts whole 4 MiB extents after that. A 20 GiB disk gives
 * 5087 extents, 20836352 KiB (19.87 GiB) — checked against real LVM by
 * test/real-tools/heketi-space-lvm.test.ts.
 */
export function freshDeviceFreeKiB(diskKiB: number): number {
  const d = heketiDefaults;
  const dataStart = roundUp(d.labelKiB + d.pvMetadataKiB, d.dataAlignmentKiB);
  const extents = Math.max(0, Math.floor((diskKiB - dataStart) / d.extentKiB));
  return extents * d.extentKiB;
}

export interface BrickSpace {
  thinPoolKiB: number;
  metadataKiB: number;
  /** What placing the brick takes from the device's free space. */
  totalKiB: number;
}

/** device_entry.go `SpaceNeeded(amount, snapFactor)` with the snapshot factor 1 the lab's class uses. */
export function brickSpace(brickKiB: number, extentKiB: number = heketiDefaults.extentKiB): BrickSpace {
  // Go's uint64(float64(x) * f) truncates, as Math.floor does for these positive values.
  const thinPoolKiB = roundUp(Math.floor(brickKiB * 1), extentKiB);
  const metadataKiB = roundUp(Math.min(Math.floor(thinPoolKiB * 0.005), heketiDefaults.maxPoolMetadataKiB), extentKiB);
  return { thinPoolKiB, metadataKiB, totalKiB: thinPoolKiB + metadataKiB };
}

/** One node as Heketi's placer sees it: the free KiB of each online device. */
export interface PlacementNode {
  id: string;
  devicesFreeKiB: number[];
}

export type Placement =
  | { ok: true; sets: number; brickKiB: number; bricks: Array<{ node: string; device: number; brickKiB: number; totalKiB: number }> }
  /**
   * Why Heketi gave up; it reports each as "No space" (volume_entry.go `tryAllocateBricks`
   * maps ErrMaxBricks and ErrMinimumBrickSize to ErrNoSpace).
   */
  | { ok: false; reason: 'minimum-brick-size' | 'too-many-bricks' };

/**
 * Where Heketi would put a replicated volume of `sizeGiB` (whole GiB, as the Kubernetes
 * provisioner asks): the first brick-set count, 1, 2, 4…, whose bricks all fit. Each brick
 * goes on the device with the most room among the nodes the set does not use yet; Heketi
 * walks its device ring instead, which is the same with one device per node as in this lab.
 */
export function placeReplicaVolume(nodes: readonly PlacementNode[], sizeGiB: number, replica = 3): Placement {
  const sizeKiB = sizeGiB * KiB_PER_GiB;
  for (let sets = 1; ; sets *= 2) {
    const brickKiB = Math.floor(sizeKiB / sets);
    if (brickKiB < heketiDefaults.brickMinKiB) return { ok: false, reason: 'minimum-brick-size' };
    if (brickKiB > heketiDefaults.brickMaxKiB) continue;
    if (sets * replica > heketiDefaults.maxBricksPerVolume) return { ok: false, reason: 'too-many-bricks' };
    const bricks = placeBrickSets(nodes, sets, replica, brickKiB);
    if (bricks) return { ok: true, sets, brickKiB, bricks };
  }
}

/** All `sets` sets of `replica` bricks, each copy of a set on another node; undefined when one does not fit. */
function placeBrickSets(nodes: readonly PlacementNode[], sets: number, replica: number, brickKiB: number) {
  const need = brickSpace(brickKiB);
  const free = nodes.map((n) => [...n.devicesFreeKiB]);
  const bricks: Array<{ node: string; device: number; brickKiB: number; totalKiB: number }> = [];
  for (let set = 0; set < sets; set += 1) {
    const used = new Set<number>();
    for (let copy = 0; copy < replica; copy += 1) {
      let best: { node: number; device: number; room: number } | undefined;
      free.forEach((devices, node) => {
        if (used.has(node)) return;
        devices.forEach((room, device) => {
          // StorageCheck: free must be greater than what the brick takes.
          if (room > need.totalKiB && (!best || room > best.room)) best = { node, device, room };
        });
      });
      if (!best) return undefined;
      const devices = free[best.node] as number[];
      devices[best.device] = best.room - need.totalKiB;
      used.add(best.node);
      bricks.push({ node: nodes[best.node]?.id ?? '', device: best.device, brickKiB, totalKiB: need.totalKiB });
    }
  }
  return bricks;
}

/**
 * The largest replicated volume, in whole GiB, that Heketi would place on these nodes now;
 * 0 when not even 1 GiB fits.
 */
export function largestReplicaGiB(nodes: readonly PlacementNode[], replica = 3): number {
  const totalFree = nodes.reduce((sum, n) => sum + n.devicesFreeKiB.reduce((a, b) => a + b, 0), 0);
  for (let gib = Math.floor(totalFree / replica / KiB_PER_GiB); gib >= 1; gib -= 1) {
    if (placeReplicaVolume(nodes, gib, replica).ok) return gib;
  }
  return 0;
}
