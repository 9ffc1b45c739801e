import type { wizardMessages } from '../i18n/wizard-messages.js';

type TitleKey = keyof typeof wizardMessages.en;

export interface WizardStep {
  /** The subcommand that runs this step. */
  command: string;
  title: TitleKey;
  group: 'main' | 'more';
}

/** The wizard's steps in the order a user takes them (SPEC §3), then the occasional ones. */
export const wizardSteps: WizardStep[] = [
  { command: 'init', title: 'stepInit', group: 'main' },
  { command: 'check', title: 'stepCheck', group: 'main' },
  { command: 'up', title: 'stepUp', group: 'main' },
  { command: 'storage', title: 'stepStorage', group: 'main' },
  { command: 'default-class', title: 'stepDefaultClass', group: 'main' },
  { command: 'doctor', title: 'stepDoctor', group: 'main' },
  { command: 'fix-permissions', title: 'stepFixPermissions', group: 'main' },
  { command: 'status', title: 'stepStatus', group: 'more' },
  { command: 'halt', title: 'stepHalt', group: 'more' },
  { command: 'destroy', title: 'stepDestroy', group: 'more' },
  { command: 'diagnose', title: 'stepDiagnose', group: 'more' },
];
