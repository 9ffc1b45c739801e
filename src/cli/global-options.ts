import type { Lang } from '../i18n/define.js';

/** The options every command accepts, as commander hands them over. */
export interface GlobalOptions {
  dir?: string;
  lang?: Lang;
  json?: boolean;
  yes?: boolean;
  context?: string;
  kubeconfig?: string;
}

/**
 * The language wanted before the parser exists (the help text itself is translated):
 * `--lang X` / `--lang=X` anywhere in argv wins over the locale.
 */
export function langFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--lang') return argv[i + 1];
    if (arg?.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return undefined;
}
