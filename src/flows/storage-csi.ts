import type { AppContext } from '../context.js';
import { labNfsExport } from '../k8s/lab-nfs-export.js';
import type { LabConfig } from '../lab/config-schema.js';
import { storageTiming } from '../storage/storage-timing.js';
import type { StorageFlags } from './storage-answers.js';
import { applyNfsClass } from './storage-csi-class.js';
import { installCsiDriver } from './storage-csi-driver.js';
import type { PathSetup } from './storage-heketi.js';
import { probeNfs } from './storage-nfs-probe.js';
import { confirmTarget } from './storage-preflight.js';
import type { Report } from './storage-report.js';

/**
 * The CSI path: the probe pod proves the cluster reaches the lab's NFS server before anything
 * is installed, then the pinned csi-driver-nfs is installed and awaited, then its class.
 * Claims are directories of one export, so no size is refused here.
 */
export async function csiSetup(ctx: AppContext, report: Report, config: LabConfig, flags: StorageFlags, namespace: string, summary: Record<string, unknown>): Promise<PathSetup> {
  const nfs = labNfsExport(config);
  const timing = storageTiming(ctx.env, ctx.waitScale);
  await probeNfs(ctx, report, nfs, flags.namespace ?? namespace, timing);
  summary.nfs = { server: nfs.server, share: nfs.share, reachable: true };
  // Asked once the cluster has shown it reaches the export (the probe pod is gone again).
  await confirmTarget(ctx, report);
  const driver = await installCsiDriver(ctx, report, timing);
  summary.driver = { name: 'csi-driver-nfs', version: driver.version, pods: driver.pods };
  const cls = await applyNfsClass(ctx, report, nfs, flags);
  summary.storageClass = { name: cls.name, action: cls.action, differences: cls.diff, onDelete: cls.onDelete, prevention: cls.prevention };
  return { className: cls.name, largestBytes: Infinity, ...(cls.fsGroup === undefined ? {} : { fsGroup: cls.fsGroup }) };
}
