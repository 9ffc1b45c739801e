import type { Translate } from '../i18n/define.js';
import type { upMessages } from '../i18n/up-messages.js';

/** What `status` found; also the `--json` document (keys are stable). */
export interface LabStatus {
  lab: { name: string; dir: string };
  vms: { ok: true; machines: Array<{ name: string; state: string; provider: string }> } | { ok: false; error: string };
  heketi: {
    url: string;
    reachable: boolean;
    hello?: string;
    error?: string;
    topology?: { nodes: number; devices: number; totalKiB: number; freeKiB: number };
    topologyError?: string;
  };
  kubernetes: { configured: boolean; context?: string; server?: string; version?: string; reachable?: boolean; error?: string };
}

/** "9.8 GiB": Heketi's KiB figures as a person reads them. */
export function kibText(kib: number): string {
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = kib;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 10 || unit === 0 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/** The plain, readable form of a status report. */
export function statusLines(status: LabStatus, t: Translate<keyof typeof upMessages.en>): string[] {
  const lines: string[] = [t('statusVmsHeading')];
  if (status.vms.ok) for (const m of status.vms.machines) lines.push(t('statusVm', { vm: m.name, state: m.state }));
  else lines.push(`  ${t('statusVagrantFailed', { reason: status.vms.error })}`);
  const h = status.heketi;
  lines.push(t('statusHeketiHeading', { url: h.url }));
  if (!h.reachable) lines.push(t('statusHeketiDown', { reason: h.error ?? '' }));
  else {
    lines.push(t('statusHeketiUp', { hello: h.hello ?? '' }));
    if (h.topology) {
      const { nodes, devices, totalKiB, freeKiB } = h.topology;
      lines.push(t('statusTopology', { nodes, devices, free: kibText(freeKiB), total: kibText(totalKiB) }));
    } else if (h.topologyError) lines.push(t('statusTopologyFailed', { reason: h.topologyError }));
  }
  const k = status.kubernetes;
  lines.push(t('statusKubeHeading'));
  if (!k.configured) lines.push(t('statusKubeNone'));
  else if (k.reachable) lines.push(t('statusKube', { context: k.context ?? '', server: k.server ?? '', version: k.version ?? '' }));
  else lines.push(t('statusKubeNoVersion', { context: k.context ?? '', server: k.server ?? '', reason: k.error ?? '' }));
  return lines;
}
