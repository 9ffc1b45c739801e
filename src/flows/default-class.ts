import { readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CommandRunner } from '../command-runner.js';
import { ExitCode, UsageError } from '../exit-codes.js';
import type { AppContext } from '../context.js';
import { translator } from '../i18n/define.js';
import { storageMessages } from '../i18n/storage-messages.js';
import { annotationPatches, listClasses, mergeUndoChanges, parseUndoRecord, planDefaultClass, type ClassListing, type DefaultClassUndo } from '../k8s/default-classes.js';
import { makeDir, writeFileAtomic } from '../lab/atomic-write.js';
import { labFiles } from '../lab/lab-files.js';
import { getStorageClasses, patchResource } from '../tools/kubectl.js';
import type { KubeCurrentTarget } from '../tools/kubectl-types.js';
import { confirmOrFlag } from './confirm.js';
import { labConfigOrReport } from './lab-config.js';
import { contextGuard } from './storage-preflight.js';
import { toolOptions } from './tool-options-from-context.js';
import { createReport, FlowStop, type Report } from './storage-report.js';

export const defaultClassCommand: CommandRunner = (ctx, { options }) => defaultClassFlow(ctx, { undo: options.undo === true });

/**
 * `default-class`: list the classes marking defaults, make the lab's class the only default
 * (after showing what changes), and record the change so `--undo` can restore it.
 */
export async function defaultClassFlow(ctx: AppContext, options: { undo?: boolean } = {}): Promise<number> {
  const report = createReport(ctx);
  const t = translator(storageMessages, ctx.lang);
  const config = await labConfigOrReport(ctx, (message) => report.fail(message));
  if (!config) return ExitCode.failed;
  const className = config.kubernetes.storage_class;
  const undoFile = join(ctx.labDir, labFiles.defaultClassUndo);
  try {
    // The undo file is read before kubectl runs: "nothing to undo" needs no cluster.
    if (options.undo) return await undo(ctx, report, undoFile);
    const target = await contextGuard(ctx, report, 'dcConfirm');
    const classes = (await getStorageClasses(ctx.kube, toolOptions(ctx))).items;
    const listing = listClasses(classes);
    showListing(ctx, report, target, listing);
    if (!listing.some((c) => c.name === className)) {
      report.fail(t('dcTargetMissing', { name: className }));
      printJson(ctx, { context: target.context, classes: listing, changed: false });
      return ExitCode.failed;
    }
    const changes = planDefaultClass(classes, className);
    if (changes.length === 0) {
      report.info(t('dcAlready', { name: className }));
      printJson(ctx, { context: target.context, classes: listing, changed: false });
      return ExitCode.ok;
    }
    report.info(t('dcPlan', { name: className }));
    for (const c of changes) report.info(t(c.after === 'true' ? 'dcSet' : 'dcUnset', { cls: c.className, annotation: c.annotation }));
    // `--json` without `--yes` is the read-only listing (with what a run would change).
    if (ctx.json && !ctx.yes) {
      printJson(ctx, { context: target.context, classes: listing, changed: false, planned: changes });
      return ExitCode.ok;
    }
    if (!(await confirmOrFlag(ctx, t('dcConfirm'), () => new UsageError(t('dcNeedsYes'))))) {
      report.info(t('dcCancelled'));
      printJson(ctx, { context: target.context, classes: listing, changed: false });
      return ExitCode.ok;
    }
    // Recorded before patching: if a patch fails halfway, --undo still knows what to restore.
    const earlier = await readFile(undoFile, 'utf8').then(parseUndoRecord, () => undefined);
    const kept = earlier && earlier.context === target.context ? earlier : undefined;
    const record: DefaultClassUndo = {
      version: 1,
      changedAt: kept?.changedAt ?? new Date().toISOString(),
      context: target.context,
      server: target.server,
      changes: kept ? mergeUndoChanges(kept.changes, changes) : changes,
    };
    await makeDir(dirname(undoFile));
    await writeFileAtomic(undoFile, `${JSON.stringify(record, null, 2)}\n`);
    for (const { className: name, patch } of annotationPatches(changes, 'apply')) {
      await patchResource(ctx.kube, 'storageclass', name, patch, undefined, toolOptions(ctx));
    }
    report.info(t('dcDone', { name: className }));
    const after = listClasses((await getStorageClasses(ctx.kube, toolOptions(ctx))).items);
    printJson(ctx, { context: target.context, classes: after, changed: true, changes });
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof FlowStop) return error.code;
    throw error;
  }
}

function showListing(ctx: AppContext, report: Report, target: KubeCurrentTarget, listing: ClassListing[]): void {
  const t = translator(storageMessages, ctx.lang);
  report.info(t('dcHeader', { context: target.context }));
  if (listing.length === 0) report.info(t('dcNone'));
  for (const c of listing) {
    const by = c.defaultBy.length > 0 ? t('dcByAnnotation', { annotations: c.defaultBy.join(', ') }) : '';
    report.info(t('dcRow', { mark: c.defaultBy.length > 0 ? '*' : ' ', name: c.name, provisioner: c.provisioner, by }));
  }
}

async function undo(ctx: AppContext, report: Report, undoFile: string): Promise<number> {
  const t = translator(storageMessages, ctx.lang);
  let text: string;
  try {
    text = await readFile(undoFile, 'utf8');
  } catch {
    report.info(t('dcUndoNothing', { file: undoFile }));
    printJson(ctx, { undone: false, reason: 'nothing to undo' });
    return ExitCode.ok;
  }
  const record = parseUndoRecord(text);
  if (!record) {
    report.fail(t('dcUndoBroken', { file: undoFile }));
    return ExitCode.failed;
  }
  const target = await contextGuard(ctx, report, 'dcConfirm');
  if (target.context !== record.context) {
    report.fail(t('dcUndoOtherContext', { recorded: record.context, current: target.context }));
    return ExitCode.failed;
  }
  report.info(t('dcUndoPlan', { at: record.changedAt }));
  for (const c of record.changes) {
    report.info(t('dcUndoRestore', { cls: c.className, annotation: c.annotation, value: c.before === null ? t('dcUndoRemoved') : `"${c.before}"` }));
  }
  if (!(await confirmOrFlag(ctx, t('dcUndoConfirm'), () => new UsageError(t('dcUndoNeedsYes'))))) {
    report.info(t('dcCancelled'));
    return ExitCode.ok;
  }
  const existing = new Set((await getStorageClasses(ctx.kube, toolOptions(ctx))).items.map((c) => c.metadata.name));
  for (const { className, patch } of annotationPatches(record.changes, 'undo')) {
    if (!existing.has(className)) {
      report.info(t('dcUndoMissingClass', { cls: className }));
      continue;
    }
    await patchResource(ctx.kube, 'storageclass', className, patch, undefined, toolOptions(ctx));
  }
  await rm(undoFile, { force: true });
  report.info(t('dcUndone'));
  printJson(ctx, { undone: true, changes: record.changes });
  return ExitCode.ok;
}

function printJson(ctx: AppContext, value: object): void {
  if (ctx.json) ctx.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
