import { translator, type Lang } from '../i18n/define.js';
import { nfsExportMessages } from '../i18n/nfs-export-messages.js';

/** The NFS export of the CSI path as `status` found it; part of the `--json` document. */
export interface StatusNfsExport {
  export: string;
  volume: string;
  port: number;
  /** Every gluster VM of gluster-lab.yaml; asked only while vagrant says it runs. */
  servers: Array<{ vm: string; address: string; asked: boolean; answers?: boolean; ms?: number; error?: string }>;
}

export function nfsExportLines(nfs: StatusNfsExport, lang: Lang): string[] {
  const n = translator(nfsExportMessages, lang);
  const lines = [n('heading', { export: nfs.export, volume: nfs.volume, port: nfs.port })];
  if (nfs.servers.length === 0) lines.push(n('noVm'));
  for (const s of nfs.servers) {
    const at = { vm: s.vm, address: s.address };
    if (!s.asked) lines.push(n('notRunning', at));
    else if (s.answers) lines.push(n('answers', at));
    else lines.push(n('notAnswering', { ...at, reason: s.error ?? '' }));
  }
  return lines;
}
