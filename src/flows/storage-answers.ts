import { promptTheme } from '../ui/prompt-theme.js';
import { UsageError } from '../exit-codes.js';
import type { AppContext } from '../context.js';
import { translator } from '../i18n/define.js';
import { storageMessages } from '../i18n/storage-messages.js';
import type { AccessMode } from '../k8s/manifests.js';
import { formatBytes, type Quantity } from '../k8s/quantity.js';
import { claimFits, largestFittingSize } from '../k8s/claim-room.js';
import { accessModeOf, claimAccessModes } from '../k8s/access-modes.js';
import { accessModeError, nameError, sizeCheck } from '../storage/claim-request-rules.js';

/** The flags of `storage` as commander hands them over. */
export interface StorageFlags {
  pvc?: string;
  size?: string;
  namespace?: string;
  accessMode?: string;
  secretNamespace?: string;
  client?: boolean;
}

export function readStorageFlags(options: Record<string, unknown>): StorageFlags {
  const text = (key: string) => (typeof options[key] === 'string' ? options[key] : undefined);
  const flags: StorageFlags = {};
  const set = <K extends keyof StorageFlags>(key: K, value: StorageFlags[K]) => {
    if (value !== undefined) flags[key] = value;
  };
  set('pvc', text('pvc'));
  set('size', text('size'));
  set('namespace', text('namespace'));
  set('accessMode', text('accessMode'));
  set('secretNamespace', text('secretNamespace'));
  if (options.client === true) flags.client = true;
  return flags;
}

/**
 * Checks every value given on the command line, and that a run without a terminal has
 * every answer it needs — before any command runs, so a typo changes nothing.
 */
export function checkStorageFlags(ctx: AppContext, flags: StorageFlags): void {
  const t = translator(storageMessages, ctx.lang);
  const problems = [
    flags.pvc === undefined ? undefined : nameError(flags.pvc, 'subdomain', 'whatPvc', ctx.lang),
    flags.namespace === undefined ? undefined : nameError(flags.namespace, 'label', 'whatNamespace', ctx.lang),
    flags.secretNamespace === undefined ? undefined : nameError(flags.secretNamespace, 'label', 'whatSecretNamespace', ctx.lang),
    flags.size === undefined ? undefined : errorOf(sizeCheck(flags.size, ctx.lang)),
    flags.accessMode === undefined ? undefined : accessModeError(flags.accessMode, ctx.lang),
  ].filter((p): p is string => p !== undefined);
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  if (ctx.interactive) return;
  if (!ctx.yes) throw new UsageError(t('needsFlag', { question: t('targetConfirm'), flag: '--yes' }));
  if (flags.pvc === undefined) throw new UsageError(t('needsFlag', { question: t('askPvcName'), flag: '--pvc NAME' }));
  if (flags.size === undefined) throw new UsageError(t('needsFlag', { question: t('askSize'), flag: '--size QUANTITY' }));
}

function errorOf(result: { error: string } | object): string | undefined {
  return 'error' in result ? result.error : undefined;
}

export interface ClaimAnswers {
  name: string;
  namespace: string;
  size: Quantity;
  accessMode: AccessMode;
}

/**
 * The claim's name, namespace, size and access mode: from the flags, or asked (validated as
 * typed). In a terminal a size Heketi cannot place (`largestBytes`) is said so and asked
 * again, offering what fits; without one, `refuseUnfittingFlag` has refused it already.
 */
export async function claimAnswers(ctx: AppContext, flags: StorageFlags, defaultNamespace: string, largestBytes = Infinity): Promise<ClaimAnswers> {
  const t = translator(storageMessages, ctx.lang);
  const givenSize = flags.size === undefined ? undefined : sizeCheck(flags.size, ctx.lang);
  const givenFits = givenSize === undefined || 'error' in givenSize || claimFits(givenSize.quantity.bytes, largestBytes);
  const fits = Number.isFinite(largestBytes) ? largestFittingSize(largestBytes) : undefined;
  const sizeFlag = ctx.interactive && !givenFits ? undefined : flags.size;
  if (ctx.interactive && !givenFits && givenSize && !('error' in givenSize)) {
    ctx.stdout.write(`${t('sizeTooBig', { size: givenSize.quantity.text, largest: formatBytes(largestBytes) })}\n`);
  }
  const prompts = ctx.interactive && (flags.pvc === undefined || sizeFlag === undefined || flags.namespace === undefined || flags.accessMode === undefined)
    ? await import('@inquirer/prompts')
    : undefined;
  const context = { signal: ctx.signal, output: ctx.stdout };
  const ask = async (given: string | undefined, message: string, fallback: string | undefined, validate: (v: string) => string | undefined) => {
    if (given !== undefined) return given;
    if (!prompts) return fallback ?? '';
    const answer = await prompts.input({ message, default: fallback, validate: (v) => validate(v.trim()) ?? true }, context);
    return answer.trim();
  };

  const name = await ask(flags.pvc, t('askPvcName'), 'gvol-1', (v) => nameError(v, 'subdomain', 'whatPvc', ctx.lang));
  const namespace = await ask(flags.namespace, t('askNamespace'), defaultNamespace, (v) => nameError(v, 'label', 'whatNamespace', ctx.lang));
  const sizeDefault = fits !== undefined && !claimFits(10 * 1024 ** 3, largestBytes) ? fits : '10Gi';
  const sizeText = await ask(sizeFlag, fits === undefined ? t('askSize') : t('askSizeFits', { fits }), sizeDefault, (v) => {
    const checked = sizeCheck(v, ctx.lang);
    if ('error' in checked) return checked.error;
    if (!claimFits(checked.quantity.bytes, largestBytes)) return t('sizeTooBigAsk', { largest: formatBytes(largestBytes), fits: fits ?? '1Gi' });
    return undefined;
  });
  let accessMode: AccessMode = (flags.accessMode === undefined ? undefined : accessModeOf(flags.accessMode)) ?? 'ReadWriteMany';
  if (flags.accessMode === undefined && prompts) {
    const labels: Record<string, string> = { ReadWriteMany: t('accessRwx'), ReadWriteOnce: t('accessRwo'), ReadOnlyMany: t('accessRox') };
    accessMode = await prompts.select<AccessMode>(
      { message: t('askAccessMode'), choices: claimAccessModes.map((m) => ({ value: m, name: labels[m] ?? m })), default: 'ReadWriteMany', theme: promptTheme(ctx.lang).list },
      context,
    );
  }
  const size = sizeCheck(sizeText, ctx.lang);
  // Every path above validated already; this only narrows the type.
  if ('error' in size) throw new UsageError(size.error);
  return { name, namespace, size: size.quantity, accessMode };
}

/** The Secret's namespace: the flag, else asked in a terminal (default from gluster-lab.yaml), else the config's. */
export async function secretNamespaceAnswer(ctx: AppContext, flags: StorageFlags, configured: string): Promise<string> {
  if (flags.secretNamespace !== undefined || !ctx.interactive) return flags.secretNamespace ?? configured;
  const t = translator(storageMessages, ctx.lang);
  const { input } = await import('@inquirer/prompts');
  const answer = await input(
    { message: t('askSecretNamespace'), default: configured, validate: (v) => nameError(v.trim(), 'label', 'whatSecretNamespace', ctx.lang) ?? true },
    { signal: ctx.signal, output: ctx.stdout },
  );
  return answer.trim();
}

/** Whether to deploy the client pods: the flag, else asked in a terminal, else no. */
export async function clientAnswer(ctx: AppContext, flags: StorageFlags): Promise<boolean> {
  if (flags.client) return true;
  if (!ctx.interactive || ctx.yes) return false;
  const { confirm } = await import('@inquirer/prompts');
  return confirm({ ...promptTheme(ctx.lang).confirm, message: translator(storageMessages, ctx.lang)('askClient'), default: true }, { signal: ctx.signal, output: ctx.stdout });
}
