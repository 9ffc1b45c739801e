import { translator, type Lang } from '../i18n/define.js';
import { labSafetyMessages } from '../i18n/lab-safety-messages.js';
import type { LabDirDanger } from '../lab/lab-dir-safety.js';

/** The sentence that refuses a lab directory, naming it and what to use instead. */
export function labDirDangerText(danger: LabDirDanger, dir: string, lang: Lang): string {
  const t = translator(labSafetyMessages, lang);
  switch (danger.kind) {
    case 'root':
      return t('dirIsRoot', { dir });
    case 'home':
      return t('dirIsHome', { dir, suggestion: danger.suggestion });
    case 'not-a-lab':
      return t('dirNotALab', { dir });
  }
}
