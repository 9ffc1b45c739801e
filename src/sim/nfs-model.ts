import type { SimLabConfig } from './lab-config-reader.js';
import type { SimState } from './sim-state.js';

/** A directory in the export, as csi-driver-nfs's controller made it (os.MkdirAll 0777 under umask 022). */
interface NfsDir {
  uid: number;
  gid: number;
  /** Octal text, as `stat -c %a` prints it: "755". */
  mode: string;
}

/**
 * The lab's NFS-Ganesha export as the cluster sees it: served by every gluster node while
 * that VM runs provisioned, one volume of `sizeGb`, and the directories the driver made.
 */
export interface SimNfs {
  nodes: { machine: string; address: string }[];
  export: string;
  sizeGb: number;
  dirs: Record<string, NfsDir>;
  /** What a finished simulated pod printed (by pod uid), for `kubectl logs`. */
  podLogs: Record<string, string[]>;
}

export function newNfsModel(config: SimLabConfig): SimNfs {
  const nodes = config.machines.filter((m) => m.role === 'gluster').map((m) => ({ machine: m.name, address: m.address }));
  return { nodes, export: config.nfs.export, sizeGb: config.nfs.size_gb, dirs: {}, podLogs: {} };
}

/** How the export answers at `server`: as mount.nfs and nc would find it. */
export type NfsAnswer = 'ok' | 'timeout' | 'no-export';

/**
 * 'timeout' when nothing answers at the address: the scenario's cluster on another network,
 * or the gluster VM there is not running provisioned (its Ganesha is not up). 'no-export'
 * when Ganesha answers without the export (its Gluster volume was not started).
 */
export function nfsAnswer(state: SimState, server: string, share: string): NfsAnswer {
  const nfs = state.nfs;
  const node = nfs?.nodes.find((n) => n.address === server);
  const machine = node ? state.machines[node.machine] : undefined;
  if (!nfs || !machine || machine.state !== 'running' || !machine.provisioned || state.scenarios.includes('nfs-unreachable')) return 'timeout';
  if (state.scenarios.includes('nfs-export-missing') || trimSlashes(share) !== trimSlashes(nfs.export)) return 'no-export';
  return 'ok';
}

export function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}
