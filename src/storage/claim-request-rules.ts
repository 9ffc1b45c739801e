import type { Lang } from '../i18n/define.js';
import { translator } from '../i18n/define.js';
import { storageMessages } from '../i18n/storage-messages.js';
import type { AccessMode } from '../k8s/manifests.js';
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
    case 'unknown-suffix':
      return { error: p.hint ? t('sizeSuffixHint', { value, suffix: p.suffix, hint: p.hint }) : t('sizeSuffix', { value, suffix: p.suffix }) };
  }
}

/** The access modes a GlusterFS claim can ask for, the lab's choice first. */
export const accessModes: AccessMode[] = ['ReadWriteMany', 'ReadWriteOnce', 'ReadOnlyMany'];

/** kubectl's short names (as `kubectl get pvc` prints them), accepted for --access-mode. */
export const accessModeAliases: Record<string, AccessMode> = { RWX: 'ReadWriteMany', RWO: 'ReadWriteOnce', ROX: 'ReadOnlyMany' };

/** The access mode a flag value names, full or short (case-insensitive: rwx works too); undefined when none. */
export function accessModeOf(value: string): AccessMode | undefined {
  if ((accessModes as string[]).includes(value)) return value as AccessMode;
  return accessModeAliases[value.toUpperCase()];
}

export function accessModeError(value: string, lang: Lang): string | undefined {
  if (accessModeOf(value) !== undefined) return undefined;
  return translator(storageMessages, lang)('accessModeBad', { value, modes: accessModes.join(', '), aliases: Object.keys(accessModeAliases).join(', ') });
}
