import { ExitCode } from '../exit-codes.js';
import type { AppContext } from '../context.js';
import { translator } from '../i18n/define.js';
import { csiMessages } from '../i18n/csi-messages.js';
import { storageMessages } from '../i18n/storage-messages.js';
import type { ServerCompat } from '../k8s/server-compat.js';
import { decidePath, isStoragePath, type StoragePath } from '../storage/storage-path.js';
import { promptTheme } from '../ui/prompt-theme.js';
import { FlowStop, type Report } from './storage-report.js';

/**
 * Which path this run takes (storage/storage-path.ts decides): said in one line, asked in a
 * terminal when both work, refused — with the removal explained — for `--path heketi` on a
 * server without the in-tree plugin. The Heketi path keeps its warnings for v1.25 and for a
 * version that could not be read.
 */
export async function choosePath(ctx: AppContext, report: Report, compat: ServerCompat, flag: string | undefined): Promise<StoragePath> {
  const t = translator(csiMessages, ctx.lang);
  const s = translator(storageMessages, ctx.lang);
  const version = compat.gitVersion;
  const decision = decidePath(compat.support, flag !== undefined && isStoragePath(flag) ? flag : undefined);
  let path: StoragePath;
  switch (decision.kind) {
    case 'refuse-heketi':
      report.fail(s('versionRemoved', { version }));
      report.fail(s('versionRemovedOptions'));
      throw new FlowStop(ExitCode.failed, 'server-version', 'in-tree glusterfs provisioner removed (v1.26+)');
    case 'take':
      path = decision.path;
      report.info(decision.by === 'flag' ? t('pathTakenFlag', { path }) : t('pathTakenVersion', { version }));
      break;
    case 'offer':
      path = await ask(ctx, decision.recommended);
      if (!ctx.interactive) report.info(t('pathTakenDefault', { path, version, other: path === 'heketi' ? 'csi' : 'heketi' }));
  }
  if (path === 'heketi' && compat.support === 'deprecated') report.warn(s('versionDeprecated', { version }));
  if (path === 'heketi' && compat.support === 'unknown') report.warn(s('versionUnknown', { version }));
  return path;
}

async function ask(ctx: AppContext, recommended: StoragePath): Promise<StoragePath> {
  if (!ctx.interactive) return recommended;
  const t = translator(csiMessages, ctx.lang);
  const { select } = await import('@inquirer/prompts');
  return select<StoragePath>(
    { message: t('pathAsk'), choices: [{ value: 'heketi', name: t('pathHeketi') }, { value: 'csi', name: t('pathCsi') }], default: recommended, theme: promptTheme(ctx.lang).list },
    { signal: ctx.signal, output: ctx.stdout },
  );
}
