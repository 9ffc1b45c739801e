import type { ServerSupport } from '../k8s/server-compat.js';

/**
 * The two ways from a cluster to the lab's Gluster pool (SPEC §2): `heketi`, the in-tree
 * kubernetes.io/glusterfs provisioner asking Heketi for a volume per claim (v1.25 and older),
 * and `csi`, csi-driver-nfs making a subdirectory per claim in the NFS-Ganesha export (v1.21+).
 */
export const storagePaths = ['heketi', 'csi'] as const;
export type StoragePath = (typeof storagePaths)[number];

export function isStoragePath(value: string): value is StoragePath {
  return (storagePaths as readonly string[]).includes(value);
}

export type PathDecision =
  | { kind: 'take'; path: StoragePath; by: 'flag' | 'version' }
  /** Both work on this server: ask in a terminal; without one, `recommended` is taken (and said). */
  | { kind: 'offer'; recommended: StoragePath }
  /** `--path heketi` on a server without the in-tree plugin: refused, as before the CSI path existed. */
  | { kind: 'refuse-heketi' };

/**
 * Which path `storage` takes on a server. v1.26 and later have no in-tree plugin: the CSI
 * path, and `--path heketi` is refused with the removal explained. v1.25 and older can run
 * either; the original guide's Heketi path is the default there, except when the version
 * could not be read — the CSI path works on every supported release, the in-tree one may not.
 */
export function decidePath(support: ServerSupport, flag?: StoragePath): PathDecision {
  if (flag === 'heketi' && support === 'removed') return { kind: 'refuse-heketi' };
  if (flag !== undefined) return { kind: 'take', path: flag, by: 'flag' };
  if (support === 'removed') return { kind: 'take', path: 'csi', by: 'version' };
  return { kind: 'offer', recommended: support === 'unknown' ? 'csi' : 'heketi' };
}
