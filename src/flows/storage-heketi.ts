import type { AppContext } from '../context.js';
import type { LabConfig } from '../lab/config-schema.js';
import { sizeCheck } from '../storage/claim-request-rules.js';
import { applySecret, applyStorageClass } from './storage-apply.js';
import { secretNamespaceAnswer, type StorageFlags } from './storage-answers.js';
import { refuseUnfittingFlag } from './storage-fit.js';
import { confirmTarget, heketiCheck } from './storage-preflight.js';
import type { Report } from './storage-report.js';

/** What a path leaves for the claim: its class, how big a claim may be, the client pods' fsGroup. */
export interface PathSetup {
  className: string;
  /** Largest claim the path can place (Heketi's room); Infinity when it does not enforce sizes. */
  largestBytes: number;
  fsGroup?: number;
}

/**
 * The Heketi path (the original guide's): Heketi answers with three usable nodes, a claim
 * given by flag fits, then the Secret holding its key and the in-tree class.
 */
export async function heketiSetup(ctx: AppContext, report: Report, config: LabConfig, flags: StorageFlags, defaultNamespace: string, summary: Record<string, unknown>): Promise<PathSetup> {
  const heketi = await heketiCheck(ctx, report, config);
  summary.heketi = { url: config.heketi.url, usableNodes: heketi.capacity.usableNodes, freeBytes: heketi.capacity.freeKiB * 1024 };
  // Asked once Heketi has answered with room: a yes is never followed by a refusal found later.
  await confirmTarget(ctx, report);
  const largestBytes = heketi.largestKiB * 1024;
  if (!ctx.interactive && flags.size !== undefined && flags.pvc !== undefined) {
    const size = sizeCheck(flags.size, ctx.lang);
    if ('quantity' in size) await refuseUnfittingFlag(ctx, report, { name: flags.pvc, namespace: flags.namespace ?? defaultNamespace, size: size.quantity }, largestBytes);
  }
  const secretNamespace = await secretNamespaceAnswer(ctx, flags, config.kubernetes.secret_namespace);
  const secretAction = await applySecret(ctx, report, config, secretNamespace, heketi.adminKey);
  summary.secret = { namespace: secretNamespace, name: config.kubernetes.secret_name, action: secretAction };
  const cls = await applyStorageClass(ctx, report, config, secretNamespace);
  summary.storageClass = { name: config.kubernetes.storage_class, action: cls.action, differences: cls.diff };
  return { className: config.kubernetes.storage_class, largestBytes };
}
