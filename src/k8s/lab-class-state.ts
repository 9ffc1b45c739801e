import type { LabConfig } from '../lab/config-schema.js';
import type { StorageClass } from '../tools/kubectl-types.js';
import { diffStorageClass, type ClassFieldDiff } from './class-diff.js';
import { storageClassManifest } from './manifests.js';

/** The lab's StorageClass in the cluster: missing, or present with the fields that differ (none: as configured). */
export type LabClassState = { name: string; present: false } | { name: string; present: true; differences: ClassFieldDiff[] };

/** Compares the cluster's class of the lab's name with the one `storage` would apply from gluster-lab.yaml. */
export function labClassState(config: LabConfig, classes: readonly StorageClass[]): LabClassState {
  const name = config.kubernetes.storage_class;
  const current = classes.find((c) => c.metadata.name === name);
  if (!current) return { name, present: false };
  const wanted = storageClassManifest({
    name,
    resturl: config.heketi.url,
    restuser: config.heketi.admin_user,
    secretName: config.kubernetes.secret_name,
    secretNamespace: config.kubernetes.secret_namespace,
  });
  return { name, present: true, differences: diffStorageClass(current, wanted) };
}
