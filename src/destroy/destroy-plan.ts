import { join } from 'node:path';
import type { Translate } from '../i18n/define.js';
import type { upMessages } from '../i18n/up-messages.js';
import type { LabConfig } from '../lab/config-schema.js';
import { labFiles } from '../lab/lab-files.js';
import type { Pv } from '../tools/kubectl-types.js';
import { csiDriverName } from '../k8s/csi-driver-name.js';
import { labNfsExport } from '../k8s/lab-nfs-export.js';

/** What the cluster said about PVs made through the lab's StorageClass. */
export type PvLookup = { ok: true; pvs: Pv[] } | { ok: false; reason: string };

/**
 * The data disk provisioning/Vagrantfile creates for a GlusterFS VM:
 * `<lab>/.vagrant/disks/<lab name>-<vm>-data.vdi`.
 */
function dataDiskPath(labDir: string, config: LabConfig, vm: string): string {
  return join(labDir, labFiles.vagrantState, 'disks', `${config.name}-${vm}-data.vdi`);
}

/** PVs whose data lives in this lab: provisioned through its classes, GlusterFS volumes, or directories of its NFS export. */
function labPvs(pvs: readonly Pv[], config: LabConfig): Pv[] {
  const nfs = labNfsExport(config);
  const classes = [config.kubernetes.storage_class, nfs.className];
  const onLabNfs = (pv: Pv) => pv.spec.csi?.driver === csiDriverName && nfs.servers.includes(pv.spec.csi.volumeAttributes?.server ?? '');
  return pvs.filter((pv) => classes.includes(pv.spec.storageClassName ?? '') || pv.spec.glusterfs !== undefined || onLabNfs(pv));
}

/** Every thing `destroy` loses, one line each, then what is kept. */
export function destroyLines(labDir: string, config: LabConfig, pvs: PvLookup, t: Translate<keyof typeof upMessages.en>): string[] {
  const lines = [t('destroyIntro', { name: config.name })];
  for (const m of config.machines) lines.push(t('destroyVm', { vm: m.name, address: m.address, vbox: `${config.name}-${m.name}` }));
  for (const m of config.machines.filter((m) => m.role === 'gluster')) lines.push(t('destroyDisk', { vm: m.name, path: dataDiskPath(labDir, config, m.name) }));
  const heketi = config.machines.find((m) => m.role === 'heketi');
  if (heketi) lines.push(t('destroyHeketiDb', { vm: heketi.name }));
  const cls = config.kubernetes.storage_class;
  if (!pvs.ok) lines.push(t('destroyPvsUnknown', { cls, reason: pvs.reason }));
  else {
    const found = labPvs(pvs.pvs, config);
    if (found.length === 0) lines.push(t('destroyPvsNone', { cls }));
    else lines.push(t('destroyPvs', { count: found.length, cls, names: found.map((pv) => pv.metadata.name).join(', ') }));
  }
  lines.push(t('destroyKept', { dir: labDir }));
  return lines;
}
