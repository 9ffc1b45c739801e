import type { HostOs } from '../host/host-os.js';
import { translator, type Lang, type Translate } from '../i18n/define.js';
import { checkMessages, type CheckMessageKey } from '../i18n/check-messages.js';

type FixBase<K> = K extends `${infer B}Linux`
  ? `${B}Windows` extends CheckMessageKey
    ? `${B}Macos` extends CheckMessageKey
      ? B
      : never
    : never
  : never;

/** Keys B for which the catalogue has `${B}Windows`, `${B}Macos` and `${B}Linux`. */
export type OsFixKey = FixBase<CheckMessageKey>;

/** What a check's logic needs to word its result: the catalogue in the user's language and the OS whose fix to give. */
export interface CheckText {
  t: Translate<CheckMessageKey>;
  os: HostOs;
  /** The fix of `base` for this OS. */
  osFix(base: OsFixKey, params?: Record<string, string | number>): string;
}

const osSuffix = { windows: 'Windows', macos: 'Macos', linux: 'Linux' } as const;

export function checkText(lang: Lang, os: HostOs): CheckText {
  const t = translator(checkMessages, lang);
  return { t, os, osFix: (base, params) => t(`${base}${osSuffix[os]}` as CheckMessageKey, params) };
}
