import { listClasses } from '../k8s/default-classes.js';
import { labClassState } from '../k8s/lab-class-state.js';
import { ownFinding } from './catalogue-findings.js';
import type { DoctorContext } from './doctor-context.js';
import { statusOf, type DoctorFinding, type LayerResult } from './doctor-types.js';

/**
 * The lab's StorageClass exists with the provisioner and parameters gluster-lab.yaml gives
 * (the class `storage` would apply), and at most one class is marked default.
 */
export async function checkStorageClass(dc: DoctorContext): Promise<LayerResult> {
  const { t, config } = dc;
  const { classes } = await dc.clusterObjects();
  const findings: DoctorFinding[] = [];
  const labClass = labClassState(config, classes);
  const name = labClass.name;
  let state: string;
  if (!labClass.present) {
    state = t('classMissingShort');
    findings.push(ownFinding('storageclass', 'class-missing', { title: t('classMissingTitle', { name }), explanation: t('classMissingWhat', { name }), fix: t('classMissingFix') }, [], { category: 'storageclass-missing' }));
  } else {
    const diffs = labClass.differences;
    state = diffs.length === 0 ? t('classAsConfigured') : t('classDiffersShort');
    if (diffs.length > 0) {
      const evidence = diffs.map((d) => t('classDiffLine', { field: d.field, current: d.current ?? t('notSet'), wanted: d.wanted ?? t('notSet') }));
      findings.push(ownFinding('storageclass', 'class-differs', { title: t('classDiffersTitle', { name }), explanation: t('classDiffersWhat'), fix: t('classDiffersFix') }, evidence, { category: 'k8s-provision-failed' }));
    }
  }
  const defaults = listClasses(classes).filter((c) => c.defaultBy.length > 0);
  if (defaults.length > 1) {
    const names = defaults.map((d) => `${d.name} (${d.provisioner})`).join(', ');
    const evidence = defaults.map((d) => `${d.name}: ${d.defaultBy.map((a) => `${a}=true`).join(', ')}`);
    findings.push(ownFinding('storageclass', 'two-defaults', { title: t('twoDefaultsTitle', { count: defaults.length }), explanation: t('twoDefaultsWhat', { names }), fix: t('twoDefaultsFix') }, evidence, { category: 'default-class-conflict' }));
  }
  return { layer: 'storageclass', status: statusOf(findings), summary: t('sumClass', { name, state }), findings };
}
