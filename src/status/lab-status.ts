import { translator, type Lang } from '../i18n/define.js';
import { statusMessages } from '../i18n/status-messages.js';
import { upMessages } from '../i18n/up-messages.js';
import type { ClassFieldDiff } from '../k8s/class-diff.js';
import { formatBytes } from '../k8s/quantity.js';
import { alignColumns } from '../text/text-width.js';
import { nfsExportLines, type StatusNfsExport } from './nfs-export-lines.js';

export interface StatusPeer {
  hostname: string;
  /** glusterd's words: "Peer in Cluster", "Peer Rejected", … */
  state: string;
  connected: boolean;
}

export interface StatusClaim {
  namespace: string;
  name: string;
  /** Pending, Bound, Lost */
  status: string;
  /** Bound capacity; empty while Pending. */
  capacity: string;
}

/** What `status` found; also the `--json` document (keys are stable). */
export interface LabStatus {
  lab: { name: string; dir: string };
  vms: { ok: true; machines: Array<{ name: string; state: string; provider: string }> } | { ok: false; error: string };
  /** Asked only when that VM runs; `vm` null when the lab has no gluster VM. */
  glusterPeers: { vm: string | null; asked: boolean; peers?: StatusPeer[]; error?: string };
  heketi: {
    url: string;
    reachable: boolean;
    hello?: string;
    error?: string;
    /** The admin key file could not be read, so the topology was not asked for. */
    keyError?: { path: string; reason: string };
    /** Online devices on usable nodes, as `storage` and `doctor` count them. */
    topology?: { nodes: number; devices: number; totalKiB: number; freeKiB: number };
    topologyError?: string;
  };
  /** NFS-Ganesha on the gluster VMs: the CSI path's export. */
  nfsExport: StatusNfsExport;
  kubernetes: { configured: boolean; context?: string; server?: string; version?: string; reachable?: boolean; error?: string };
  /** `checked` false when the cluster is not reachable. */
  storageClass: { name: string; checked: boolean; present?: boolean; asConfigured?: boolean; differences?: ClassFieldDiff[]; error?: string };
  /** Claims of the lab's StorageClass, in every namespace the user may list. */
  claims: { checked: boolean; items?: StatusClaim[]; error?: string };
}

const kibText = (kib: number): string => formatBytes(kib * 1024);

/** The plain, readable form of a status report. */
/** Where the lab lives and which VM serves Heketi: says whether "not answering" is the VM or the service. */
export interface StatusPlace {
  labDir: string;
  heketiVm: string | undefined;
}

export function statusLines(status: LabStatus, lang: Lang, place: StatusPlace): string[] {
  const t = translator(upMessages, lang);
  const s = translator(statusMessages, lang);
  const lines: string[] = [t('statusVmsHeading')];
  if (status.vms.ok) for (const m of status.vms.machines) lines.push(t('statusVm', { vm: m.name, state: m.state }));
  else lines.push(`  ${t('statusVagrantFailed', { reason: status.vms.error })}`);

  const g = status.glusterPeers;
  if (g.vm === null) lines.push(s('peersHeading', { vm: '-' }), s('peersNoVm'));
  else {
    lines.push(s('peersHeading', { vm: g.vm }));
    if (!g.asked) lines.push(s('peersNotRunning', { vm: g.vm }));
    else if (g.error !== undefined) lines.push(s('peersFailed', { reason: g.error }));
    else if (!g.peers || g.peers.length === 0) lines.push(s('peersNone', { vm: g.vm }));
    else for (const p of g.peers) lines.push(s('peer', { host: p.hostname, state: p.state, connection: p.connected ? s('peerConnected') : s('peerDisconnected') }));
  }

  const h = status.heketi;
  lines.push(t('statusHeketiHeading', { url: h.url }));
  const heketiVmRuns = status.vms.ok && status.vms.machines.some((m) => m.name === place.heketiVm && m.state === 'running');
  if (!h.reachable && heketiVmRuns && place.heketiVm) {
    // The VM runs, so the Heketi service itself is not answering: name it and how to look at it.
    lines.push(s('heketiServiceDown', { reason: h.error ?? '', vm: place.heketiVm, url: h.url, dir: place.labDir }));
  } else if (!h.reachable) lines.push(t('statusHeketiDown', { reason: h.error ?? '' }));
  else {
    lines.push(t('statusHeketiUp', { hello: h.hello ?? '' }));
    if (h.keyError) lines.push(s('heketiKeyMissing', h.keyError));
    else if (h.topology) {
      const { nodes, devices, totalKiB, freeKiB } = h.topology;
      lines.push(t('statusTopology', { nodes, devices, free: kibText(freeKiB), total: kibText(totalKiB) }));
    } else if (h.topologyError) lines.push(t('statusTopologyFailed', { reason: h.topologyError }));
  }

  lines.push(...nfsExportLines(status.nfsExport, lang));

  const k = status.kubernetes;
  lines.push(t('statusKubeHeading'));
  if (!k.configured) lines.push(t('statusKubeNone'));
  else if (k.reachable) lines.push(t('statusKube', { context: k.context ?? '', server: k.server ?? '', version: k.version ?? '' }));
  else lines.push(t('statusKubeNoVersion', { context: k.context ?? '', server: k.server ?? '', reason: k.error ?? '' }));

  const c = status.storageClass;
  lines.push(s('classHeading', { name: c.name }));
  if (!c.checked) lines.push(c.error === undefined ? s('classUnknown') : s('classFailed', { reason: c.error }));
  else if (!c.present) lines.push(s('classMissing'));
  else if (c.asConfigured) lines.push(s('classOk'));
  else lines.push(s('classDiffers', { fields: (c.differences ?? []).map((d) => d.field).join(', ') }));

  const claims = status.claims;
  lines.push(s('claimsHeading', { name: c.name }));
  if (!claims.checked) lines.push(claims.error === undefined ? s('claimsUnknown') : s('claimsFailed', { reason: claims.error }));
  else if (!claims.items || claims.items.length === 0) lines.push(s('claimsNone'));
  else {
    const header = [s('colNamespace'), s('colName'), s('colStatus'), s('colCapacity')];
    const rows = claims.items.map((i) => [i.namespace, i.name, i.status, i.capacity]);
    for (const line of alignColumns([header, ...rows], 3)) lines.push(`  ${line}`);
  }
  return lines;
}
