import type { LabConfig } from '../lab/config-schema.js';
import type { StorageClass } from '../tools/kubectl-types.js';
import { csiDriverName } from './csi-driver-name.js';

/** NFS's one port, where NFS-Ganesha listens on every gluster VM: NFSv4 needs nothing else (no rpcbind, no mountd). */
export const nfsPort = 2049;

/** Where the CSI path's volumes live, from gluster-lab.yaml. */
export interface LabNfsExport {
  /** The address the class names: the first gluster node's (every node exports the same volume). */
  server: string;
  /** Every gluster node's address: a class naming any of them is the lab's. */
  servers: string[];
  /** The export's path, e.g. /k8s-nfs. */
  share: string;
  /** The CSI path's StorageClass name. */
  className: string;
}

export function labNfsExport(config: LabConfig): LabNfsExport {
  const servers = config.machines.filter((m) => m.role === 'gluster').map((m) => m.address);
  return { server: servers[0] ?? '', servers, share: config.nfs.export, className: config.kubernetes.nfs_storage_class };
}

/** A class parameter read as csi-driver-nfs reads it: the key in any case (`subDir`, `subdir`). */
export function classParameter(cls: Pick<StorageClass, 'parameters'>, key: string): string | undefined {
  const lower = key.toLowerCase();
  return Object.entries(cls.parameters ?? {}).find(([k]) => k.toLowerCase() === lower)?.[1];
}

/** True when the class is csi-driver-nfs on one of the lab's gluster nodes: its claims are the lab's. */
export function isLabNfsClass(cls: Pick<StorageClass, 'provisioner' | 'parameters'>, lab: Pick<LabNfsExport, 'servers'>): boolean {
  return cls.provisioner === csiDriverName && lab.servers.includes(classParameter(cls, 'server') ?? '');
}
