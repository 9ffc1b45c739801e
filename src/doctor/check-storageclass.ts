import { translator } from '../i18n/define.js';
import { csiDoctorMessages } from '../i18n/csi-doctor-messages.js';
import { listClasses } from '../k8s/default-classes.js';
import { labClassState, labNfsClassState, labPathsInCluster, type LabClassState } from '../k8s/lab-class-state.js';
import type { ServerCompat } from '../k8s/server-compat.js';
import { ownFinding } from './catalogue-findings.js';
import type { DoctorContext } from './doctor-context.js';
import { statusOf, type DoctorFinding, type LayerResult } from './doctor-types.js';

/**
 * The lab's StorageClasses exist with the provisioner and parameters gluster-lab.yaml gives
 * (the classes `storage` would apply) — the Heketi path's, the CSI path's, or both, whichever
 * the cluster has; with neither, the one `storage` would make on this server is missing.
 * At most one class is marked default.
 */
export async function checkStorageClass(dc: DoctorContext, compat?: ServerCompat): Promise<LayerResult> {
  const { t, config } = dc;
  const c = translator(csiDoctorMessages, dc.lang);
  const { classes } = await dc.clusterObjects();
  const findings: DoctorFinding[] = [];
  const paths = labPathsInCluster(config, classes);
  const states: LabClassState[] = [];
  if (paths.heketi) states.push(labClassState(config, classes));
  if (paths.csi) states.push(labNfsClassState(config, classes));
  const rows: string[] = [];
  if (states.length === 0) {
    // No class yet: the one `storage` would make here (the CSI path's from v1.26 on) is missing.
    const csi = compat?.support === 'removed';
    const name = csi ? labNfsClassState(config, []).name : labClassState(config, []).name;
    rows.push(t('sumClass', { name, state: t('classMissingShort') }));
    findings.push(ownFinding('storageclass', 'class-missing', { title: t('classMissingTitle', { name }), explanation: t('classMissingWhat', { name }), fix: csi ? c('classMissingFixCsi', { name }) : t('classMissingFix') }, [], { category: 'storageclass-missing' }));
  }
  for (const state of states) {
    if (!state.present) continue;
    const diffs = state.differences;
    rows.push(t('sumClass', { name: state.name, state: diffs.length === 0 ? t('classAsConfigured') : t('classDiffersShort') }));
    if (diffs.length > 0) {
      const evidence = diffs.map((d) => t('classDiffLine', { field: d.field, current: d.current ?? t('notSet'), wanted: d.wanted ?? t('notSet') }));
      findings.push(ownFinding('storageclass', states.length > 1 ? `class-differs.${state.name}` : 'class-differs', { title: t('classDiffersTitle', { name: state.name }), explanation: t('classDiffersWhat'), fix: t('classDiffersFix') }, evidence, { category: 'k8s-provision-failed' }));
    }
  }
  const defaults = listClasses(classes).filter((d) => d.defaultBy.length > 0);
  if (defaults.length > 1) {
    const names = defaults.map((d) => `${d.name} (${d.provisioner})`).join(', ');
    const evidence = defaults.map((d) => `${d.name}: ${d.defaultBy.map((a) => `${a}=true`).join(', ')}`);
    findings.push(ownFinding('storageclass', 'two-defaults', { title: t('twoDefaultsTitle', { count: defaults.length }), explanation: t('twoDefaultsWhat', { names }), fix: t('twoDefaultsFix') }, evidence, { category: 'default-class-conflict' }));
  }
  return { layer: 'storageclass', status: statusOf(findings), summary: rows.join('; '), findings };
}
