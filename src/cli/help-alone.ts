import type { Lang } from '../i18n/define.js';
import { detectLang } from '../i18n/detect-lang.js';

/**
 * When the arguments ask for the program's help and nothing else (`--help` or `-h`, with
 * at most a valid `--lang`), the language it is to be in; undefined for anything else.
 */
export function helpAlone(argv: readonly string[], env: NodeJS.ProcessEnv): Lang | undefined {
  let help = false;
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if ((arg === '--help' || arg === '-h') && !help) help = true;
    else if (arg === '--lang' && lang === undefined && i + 1 < argv.length) lang = argv[++i];
    else if (arg.startsWith('--lang=') && lang === undefined) lang = arg.slice('--lang='.length);
    else return undefined;
  }
  if (!help) return undefined;
  if (lang === undefined) return detectLang(env);
  return lang === 'en' || lang === 'ja' ? lang : undefined;
}
