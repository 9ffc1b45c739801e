import { translator, type Lang } from '../i18n/define.js';
import { wizardMessages } from '../i18n/wizard-messages.js';
import { labNfsExport } from '../k8s/lab-nfs-export.js';
import type { LabConfig } from '../lab/config-schema.js';
import { storagePathOf } from '../lab/kube-versions.js';
import type { LabSummary } from '../lab/lab-summary.js';
import type { HomeModel, Tone } from '../ui/home-model.js';
import { nextStep, type VmCount } from './next-step.js';
import { wizardSteps } from './wizard-steps.js';

/**
 * What is known of the VMs: a count (read just now, or the last one recorded in the lab),
 * still being read with nothing recorded, or not readable (vagrant failed).
 */
export type VmReading = VmCount | 'reading' | 'unreadable';

/**
 * What `storage` will connect, before it ran: the path follows the cluster's version, known
 * here only for the lab's own node; for a cluster of the user's, both classes and when each.
 */
function storageTarget(config: LabConfig, t: ReturnType<typeof translator<keyof typeof wizardMessages.en>>): string {
  const nfs = labNfsExport(config);
  const heketi = t('stateStorage', { cls: config.kubernetes.storage_class, url: config.heketi.url });
  const node = config.kubernetes.node;
  if (node?.enabled) return storagePathOf(node.version) === 'csi' ? t('stateStorageCsi', { cls: nfs.className, server: nfs.server, share: nfs.share }) : heketi;
  return t('stateStorageEither', { nfs: nfs.className, heketi: config.kubernetes.storage_class });
}

/** Where the lab stands for each step, from what is known, and which step comes next. */
export function homeModel(summary: LabSummary, lang: Lang, reading?: VmReading): HomeModel {
  const vms = typeof reading === 'object' ? reading : undefined;
  const t = translator(wizardMessages, lang);
  const { config } = summary;
  const state = (command: string): { state: string; tone: Tone } => {
    if (command === 'init') {
      if (!summary.exists) return { state: t('stateNoLab'), tone: 'warn' };
      if (!config) return { state: t('stateConfigBroken'), tone: 'bad' };
      return { state: t('stateLabReady', { vms: config.machines.length, box: config.box }), tone: 'ok' };
    }
    if (!config) return { state: command === 'diagnose' || command === 'check' ? '' : t('stateNeedsLab'), tone: 'plain' };
    switch (command) {
      case 'check': {
        const last = summary.lastCheck;
        if (!last) return { state: t('stateNotChecked'), tone: 'warn' };
        if (last.failures > 0) return { state: t('stateCheckFailed', { count: last.failures }), tone: 'bad' };
        if (last.warnings > 0) return { state: t('stateCheckWarned', { count: last.warnings }), tone: 'warn' };
        return { state: t('stateCheckPassed'), tone: 'ok' };
      }
      case 'up':
        if (reading === 'unreadable') return { state: t('stateVmsUnreadable'), tone: 'warn' };
        if (!vms) return { state: t('stateVmsUnknown'), tone: 'plain' };
        return { state: t('stateVms', vms as unknown as Record<string, number>), tone: vms.running === vms.total ? 'ok' : 'warn' };
      case 'storage': {
        const last = summary.lastStorage;
        if (!last) return { state: storageTarget(config, t), tone: 'plain' };
        return { state: t('stateClaim', { pvc: last.pvc, phase: last.phase }), tone: last.phase === 'Bound' ? 'ok' : 'warn' };
      }
      case 'default-class':
        return summary.defaultClass ? { state: t('stateDefaultClass', { cls: summary.defaultClass }), tone: 'ok' } : { state: '', tone: 'plain' };
      default:
        return { state: '', tone: 'plain' };
    }
  };
  const rows = wizardSteps.map((step) => ({ command: step.command, title: t(step.title), group: step.group, ...state(step.command) }));
  return { rows, next: nextStep(summary, vms) };
}
