import type { Lang } from './define.js';

/**
 * The language from the locale variables, in POSIX precedence: LC_ALL, then
 * LC_MESSAGES, then LANG. `ja` or `ja_*` gives Japanese; anything else English.
 */
export function detectLang(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^ja([_.@-]|$)/i.test(locale) ? 'ja' : 'en';
}
