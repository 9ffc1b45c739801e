import { translator, type Lang } from '../i18n/define.js';
import { wizardMessages } from '../i18n/wizard-messages.js';
import type { LabSummary } from '../lab/lab-summary.js';
import { wizardSteps } from './wizard-steps.js';

/** How many of the lab's VMs run, when known. */
export interface VmCount {
  running: number;
  total: number;
}

/** True when the last doctor found containers denied writing and no repair has run since. */
function doctorAsksRepair(summary: LabSummary): boolean {
  const doctor = summary.lastDoctor;
  if (!doctor?.categories?.includes('permission-denied')) return false;
  const repair = summary.lastRepair;
  return !repair || Date.parse(repair.at) < Date.parse(doctor.at);
}

/**
 * The next sensible step for the lab as it is known: the first step of the way through
 * (SPEC §3) not yet done, except that what doctor found comes before the rest — a claim
 * pods cannot write to sends the user to the repair.
 */
export function nextStep(summary: LabSummary, vms: VmCount | undefined): string {
  if (!summary.exists || !summary.config) return 'init';
  if (!summary.lastCheck || summary.lastCheck.failures > 0) return 'check';
  if (!vms || vms.running < vms.total) return 'up';
  if (doctorAsksRepair(summary)) return 'fix-permissions';
  if (summary.lastStorage?.phase !== 'Bound') return 'storage';
  if (summary.defaultClass !== summary.config.kubernetes.storage_class) return 'default-class';
  return 'doctor';
}

/** "Next: Connect Kubernetes storage ("gluster-lab storage")." for the end of a step. */
export function nextStepHint(command: string, lang: Lang): string {
  const t = translator(wizardMessages, lang);
  const step = wizardSteps.find((s) => s.command === command);
  return t('nextHint', { title: step ? t(step.title) : command, command: `gluster-lab ${command}` });
}
