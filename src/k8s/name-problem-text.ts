import { translator, type Lang } from '../i18n/define.js';
import { k8sNameMessages } from '../i18n/k8s-name-messages.js';
import type { NameProblem } from './validate-name.js';

/** The problem as a clause ("it is empty", "capital letters such as "M" are not allowed; …"), for any flow's sentence. */
export function nameProblemText(problem: NameProblem, lang: Lang): string {
  const t = translator(k8sNameMessages, lang);
  switch (problem.code) {
    case 'empty':
      return t('problemEmpty');
    case 'too-long':
      return t('problemTooLong', { length: problem.length, max: problem.max });
    case 'uppercase':
      return t('problemUppercase', { char: problem.char });
    case 'bad-char':
      return t('problemBadChar', { char: problem.char });
    case 'dot-in-label':
      return t('problemDotInLabel');
    case 'bad-start':
      return t('problemBadStart', { char: problem.char });
    case 'bad-end':
      return t('problemBadEnd', { char: problem.char });
    case 'empty-part':
      return t('problemEmptyPart');
  }
}
