import { translator, type Lang } from '../i18n/define.js';
import { csiMessages } from '../i18n/csi-messages.js';
import { isNfsOnDelete } from '../k8s/manifests.js';
import { isStoragePath } from './storage-path.js';

/**
 * How the CSI path keeps non-root pods from being refused by the driver's 0755 root-owned
 * directories: not at all (fix-permissions repairs claims as needed), the class's
 * `mountPermissions` (world-writable), or `fsGroup` in the pods (the kubelet hands the volume
 * to the pod's group; the export's no_root_squash lets it).
 */
export const preventions = ['none', 'mount-permissions', 'fs-group'] as const;
export type Prevention = (typeof preventions)[number];

/** The mode `mount-permissions` asks the driver for: what `chmod a+w` leaves, as octal text. */
export const worldWritableMode = '0777';
/** The group `fs-group` gives the pods gluster-lab deploys (any gid works; 2000 is the usual example). */
export const labFsGroup = 2000;

export function isPrevention(value: string): value is Prevention {
  return (preventions as readonly string[]).includes(value);
}

/** The sentences for `--path`, `--on-delete` and `--prevention` values that are not one of the choices. */
export function csiFlagErrors(flags: { path?: string; onDelete?: string; prevention?: string }, lang: Lang): string[] {
  const t = translator(csiMessages, lang);
  const errors: string[] = [];
  if (flags.path !== undefined && !isStoragePath(flags.path)) errors.push(t('pathBad', { value: flags.path }));
  if (flags.onDelete !== undefined && !isNfsOnDelete(flags.onDelete)) errors.push(t('onDeleteBad', { value: flags.onDelete }));
  if (flags.prevention !== undefined && !isPrevention(flags.prevention)) errors.push(t('preventionBad', { value: flags.prevention }));
  return errors;
}
