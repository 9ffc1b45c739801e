import { labPathsInCluster } from '../k8s/lab-class-state.js';
import type { LabConfig } from '../lab/config-schema.js';
import type { StorageClass } from '../tools/kubectl-types.js';
import type { StoragePath } from './storage-path.js';

/** Which lab class `default-class` makes the default. */
export type DefaultClassTarget =
  | { kind: 'class'; name: string }
  /** The cluster has both lab classes and no --path says which: ask, or name the flag. */
  | { kind: 'choose'; classes: Record<StoragePath, string> }
  /** The class of that path (or of either) does not exist yet. */
  | { kind: 'missing'; names: string[] };

/**
 * `--path` names the class; without it, the lab class the cluster has (the Heketi path's
 * gluster-heketi or the CSI path's gluster-nfs, from gluster-lab.yaml), and a choice when
 * it has both.
 */
export function defaultClassTarget(config: LabConfig, classes: readonly StorageClass[], path?: StoragePath): DefaultClassTarget {
  const names: Record<StoragePath, string> = { heketi: config.kubernetes.storage_class, csi: config.kubernetes.nfs_storage_class };
  const present = labPathsInCluster(config, classes);
  if (path !== undefined) return present[path] ? { kind: 'class', name: names[path] } : { kind: 'missing', names: [names[path]] };
  if (present.heketi && present.csi) return { kind: 'choose', classes: names };
  if (present.heketi) return { kind: 'class', name: names.heketi };
  if (present.csi) return { kind: 'class', name: names.csi };
  return { kind: 'missing', names: [names.heketi, names.csi] };
}
