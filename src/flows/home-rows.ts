import { translator, type Lang } from '../i18n/define.js';
import { wizardMessages } from '../i18n/wizard-messages.js';
import type { LabSummary } from '../lab/lab-summary.js';
import type { HomeModel, Tone } from '../ui/home-model.js';
import { wizardSteps } from './wizard-steps.js';

export interface VmCount {
  running: number;
  total: number;
}

/** Where the lab stands for each step, from what is known, and which step comes next. */
export function homeModel(summary: LabSummary, lang: Lang, vms?: VmCount): HomeModel {
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
        const result = last.failures > 0 ? `✗ ${last.failures}` : last.warnings > 0 ? `! ${last.warnings}` : '✓';
        return { state: t('stateChecked', { result }), tone: last.failures > 0 ? 'bad' : last.warnings > 0 ? 'warn' : 'ok' };
      }
      case 'up':
        if (!vms) return { state: t('stateVmsUnknown'), tone: 'plain' };
        return { state: t('stateVms', vms as unknown as Record<string, number>), tone: vms.running === vms.total ? 'ok' : 'warn' };
      case 'storage': {
        const last = summary.lastStorage;
        if (!last) return { state: t('stateStorage', { cls: config.kubernetes.storage_class, url: config.heketi.url }), tone: 'plain' };
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

function nextStep(summary: LabSummary, vms?: VmCount): string {
  if (!summary.exists || !summary.config) return 'init';
  if (!summary.lastCheck || summary.lastCheck.failures > 0) return 'check';
  if (!vms || vms.running < vms.total) return 'up';
  if (summary.lastStorage?.phase !== 'Bound') return 'storage';
  if (summary.defaultClass !== summary.config.kubernetes.storage_class) return 'default-class';
  return 'doctor';
}
