import type { Lang } from '../i18n/define.js';
import { translator } from '../i18n/define.js';
import { claimSizeMessages } from '../i18n/claim-size-messages.js';
import { storageMessages } from '../i18n/storage-messages.js';
import { accessModeOf, accessModeShortNames, claimAccessModes } from '../k8s/access-modes.js';
import { parseStorageQuantity, type Quantity } from '../k8s/quantity.js';
import { nameProblemText } from '../k8s/name-problem-text.js';
import { nameProblem, type NameKind } from '../k8s/validate-name.js';

type What = 'whatPvc' | 'whatNamespace' | 'whatSecretNamespace';

/** Why `value` is not a valid name of this kind, in the user's language; undefined when valid. */
export function nameError(value: string, kind: NameKind, what: What, lang: Lang): string | undefined {
  const t = translator(storageMessages, lang);
  const problem = nameProblem(value, kind);
  if (!problem) return undefined;
  return t('nameInvalid', { what: t(what), value, problem: nameProblemText(problem, lang) });
}

/** The parsed size, or the sentence saying what is wrong with it. */
export function sizeCheck(value: string, lang: Lang): { quantity: Quantity } | { error: string } {
  const t = translator(storageMessages, lang);
  const result = parseStorageQuantity(value);
  if (result.ok) return { quantity: result.quantity };
  const p = result.problem;
  switch (p.code) {
    case 'empty':
      return { error: t('sizeEmpty') };
    case 'not-a-number':
      return { error: t('sizeNotANumber', { value }) };
    case 'negative':
      return { error: t('sizeNegative', { value }) };
    case 'zero':
      return { error: t('sizeZero', { value }) };
    case 'too-small':
      return { error: translator(claimSizeMessages, lang)('sizeTooSmall', { value, bytes: Math.round(p.bytes), suggestion: p.suggestion }) };
    case 'unknown-suffix':
      return { error: p.hint ? t('sizeSuffixHint', { value, suffix: p.suffix, hint: p.hint }) : t('sizeSuffix', { value, suffix: p.suffix }) };
  }
}

export function accessModeError(value: string, lang: Lang): string | undefined {
  if (accessModeOf(value) !== undefined) return undefined;
  return translator(storageMessages, lang)('accessModeBad', { value, modes: claimAccessModes.join(', '), aliases: claimAccessModes.map((m) => accessModeShortNames[m]).join(', ') });
}
