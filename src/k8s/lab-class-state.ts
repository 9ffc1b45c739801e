import type { LabConfig } from '../lab/config-schema.js';
import type { StorageClass } from '../tools/kubectl-types.js';
import { diffStorageClass, type ClassFieldDiff } from './class-diff.js';
import { classParameter, isLabNfsClass, labNfsExport } from './lab-nfs-export.js';
import { isNfsOnDelete, nfsStorageClassManifest, storageClassManifest } from './manifests.js';

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

/**
 * The CSI path's class against the one `storage` would apply: the provisioner, the server and
 * share from gluster-lab.yaml and the subDir template must match; onDelete and mountPermissions
 * are the user's answers, so whatever the class holds is taken as wanted.
 */
export function labNfsClassState(config: LabConfig, classes: readonly StorageClass[]): LabClassState {
  const nfs = labNfsExport(config);
  const name = nfs.className;
  const current = classes.find((c) => c.metadata.name === name);
  if (!current) return { name, present: false };
  const onDelete = classParameter(current, 'onDelete');
  const mountPermissions = classParameter(current, 'mountPermissions');
  const wanted = nfsStorageClassManifest({
    name,
    server: nfs.server,
    share: nfs.share,
    onDelete: onDelete !== undefined && isNfsOnDelete(onDelete) ? onDelete : 'delete',
    ...(mountPermissions === undefined ? {} : { mountPermissions }),
  });
  // The user's onDelete stays as it is, even in a case the driver accepts ("Retain").
  const parameters = { ...wanted.parameters, ...(onDelete === undefined ? {} : { onDelete }) };
  return { name, present: true, differences: diffStorageClass(current, { ...wanted, parameters }) };
}

/** Which of the lab's paths the cluster has a class of: both, one or none (storage not run yet). */
export interface LabPaths {
  heketi: boolean;
  csi: boolean;
}

export function labPathsInCluster(config: LabConfig, classes: readonly StorageClass[]): LabPaths {
  const nfs = labNfsExport(config);
  return {
    heketi: classes.some((c) => c.metadata.name === config.kubernetes.storage_class),
    csi: classes.some((c) => c.metadata.name === nfs.className || isLabNfsClass(c, nfs)),
  };
}
