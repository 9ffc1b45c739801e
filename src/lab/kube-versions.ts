/**
 * The Kubernetes releases the lab's own node can run, by the storage path each one gives
 * (SPEC §2): the in-tree `kubernetes.io/glusterfs` provisioner exists up to v1.25 (deprecated
 * there, removed in v1.26), the CSI path (csi-driver-nfs) works on every supported release.
 */
export const kubeVersionChoices = {
  /** A current release (packages on pkgs.k8s.io since December 2025): the CSI path. */
  current: 'v1.35',
  /** The original guide's Heketi path: the last release with the in-tree provisioner. */
  heketi: 'v1.25',
} as const;

/** Minor number of a `v1.N` release. */
function kubeMinor(version: string): number {
  return Number(/^v1\.(\d+)$/.exec(version)?.[1] ?? Number.NaN);
}

/** The storage path a node of `version` supports: heketi up to v1.25, csi after. */
export function storagePathOf(version: string): 'heketi' | 'csi' {
  return kubeMinor(version) <= 25 ? 'heketi' : 'csi';
}
