import type { AppContext } from '../context.js';
import { translator } from '../i18n/define.js';
import { csiMessages } from '../i18n/csi-messages.js';
import type { LabNfsExport } from '../k8s/lab-nfs-export.js';
import { isNfsOnDelete, nfsOnDeletePolicies, nfsStorageClassManifest, type NfsOnDelete } from '../k8s/manifests.js';
import { isPrevention, labFsGroup, preventions, worldWritableMode, type Prevention } from '../storage/csi-class-choices.js';
import { promptTheme } from '../ui/prompt-theme.js';
import { applyClass, type ClassResult } from './storage-apply.js';
import type { StorageFlags } from './storage-answers.js';
import type { Report } from './storage-report.js';

export interface CsiClassResult extends ClassResult {
  name: string;
  onDelete: NfsOnDelete;
  prevention: Prevention;
  /** The group the client pods get when the prevention is fsGroup. */
  fsGroup?: number;
}

/**
 * The CSI path's class: what happens to a deleted claim's directory and how non-root pods
 * are kept from "Permission denied" — from the flags, else asked in a terminal (each choice
 * with its trade-off), else the defaults (delete, none) — then created, kept or replaced.
 */
export async function applyNfsClass(ctx: AppContext, report: Report, nfs: LabNfsExport, flags: Pick<StorageFlags, 'onDelete' | 'prevention'>): Promise<CsiClassResult> {
  const t = translator(csiMessages, ctx.lang);
  const onDelete = await choose(ctx, flags.onDelete, isNfsOnDelete, 'delete', t('askOnDelete'), nfsOnDeletePolicies.map((value) => ({ value, name: t(onDeleteLabel[value]) })));
  const prevention = await choose(ctx, flags.prevention, isPrevention, 'none', t('askPrevention'), preventions.map((value) => ({ value, name: t(preventionLabel[value]) })));
  if (prevention === 'none') report.info(t('preventionChosenNone'));
  else if (prevention === 'mount-permissions') report.info(t('preventionChosenMount'));
  else report.info(t('preventionChosenFsGroup', { gid: labFsGroup }));

  const wanted = nfsStorageClassManifest({
    name: nfs.className,
    server: nfs.server,
    share: nfs.share,
    onDelete,
    ...(prevention === 'mount-permissions' ? { mountPermissions: worldWritableMode } : {}),
  });
  const created = t('nfsClassCreated', { name: nfs.className, server: nfs.server, share: nfs.share, onDelete });
  const result = await applyClass(ctx, report, wanted, created);
  return { ...result, name: nfs.className, onDelete, prevention, ...(prevention === 'fs-group' ? { fsGroup: labFsGroup } : {}) };
}

const onDeleteLabel = { delete: 'onDeleteDelete', retain: 'onDeleteRetain', archive: 'onDeleteArchive' } as const;
const preventionLabel = { none: 'preventionNone', 'mount-permissions': 'preventionMount', 'fs-group': 'preventionFsGroup' } as const;

/** The flag's value (checked before anything ran), else the answer in a terminal, else `fallback`. */
async function choose<V extends string>(ctx: AppContext, given: string | undefined, valid: (v: string) => v is V, fallback: V, message: string, choices: { value: V; name: string }[]): Promise<V> {
  if (given !== undefined && valid(given)) return given;
  if (!ctx.interactive || ctx.yes) return fallback;
  const { select } = await import('@inquirer/prompts');
  return select<V>({ message, choices, default: fallback, theme: promptTheme(ctx.lang).list }, { signal: ctx.signal, output: ctx.stdout });
}
