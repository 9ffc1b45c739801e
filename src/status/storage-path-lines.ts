import { translator, type Lang } from '../i18n/define.js';
import { csiDoctorMessages } from '../i18n/csi-doctor-messages.js';
import type { StoragePath } from '../storage/storage-path.js';

/** Which path the lab uses in the cluster, as `status --json` reports it. */
export interface StatusStoragePath {
  checked: boolean;
  /** The paths whose class the cluster has: [] before `storage` ran, both when both were set up. */
  paths?: StoragePath[];
  /** The Heketi path's class, from gluster-lab.yaml. */
  heketiClass?: string;
  /** Where the CSI path's claims live, from gluster-lab.yaml. */
  nfs?: { server: string; share: string; className: string };
  error?: string;
}

/** `Storage path:` and one line per path in use, or why there is none; nothing when the cluster did not answer (said above). */
export function storagePathLines(path: StatusStoragePath, lang: Lang): string[] {
  const c = translator(csiDoctorMessages, lang);
  const lines = [c('pathHeading')];
  if (!path.checked || !path.paths) return path.error === undefined ? [] : [...lines, c('pathUnknown')];
  if (path.paths.length === 0) return [...lines, c('pathNone')];
  for (const p of path.paths) {
    if (p === 'heketi') lines.push(c('pathHeketi', { cls: path.heketiClass ?? '' }));
    else lines.push(c('pathCsi', { cls: path.nfs?.className ?? '', server: path.nfs?.server ?? '', share: path.nfs?.share ?? '' }));
  }
  return lines;
}
