import type { AppContext } from '../context.js';
import { translator } from '../i18n/define.js';
import { labSafetyMessages } from '../i18n/lab-safety-messages.js';
import type { UnusableSecret } from '../lab/lab-secrets.js';
import { dirFlag } from './dir-flag.js';

const why = { missing: 'whyMissing', empty: 'whyEmpty', unparsable: 'whyUnparsable', mismatch: 'whyMismatch', pair: 'whyPair' } as const;

/** The sentence that stops a command before an unusable key reaches a VM, naming the file and the repair. */
export function unusableSecretText(secret: UnusableSecret, ctx: AppContext): string {
  const t = translator(labSafetyMessages, ctx.lang);
  return t('secretUnusable', { file: secret.file, why: t(why[secret.problem]), dirFlag: dirFlag(ctx.labDir) });
}
