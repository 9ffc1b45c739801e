import type { CommandRunner } from '../command-runner.js';
import { ExitCode } from '../exit-codes.js';
import type { AppContext } from '../context.js';
import { translator } from '../i18n/define.js';
import { storageMessages } from '../i18n/storage-messages.js';
import { claimAnswers, checkStorageFlags, clientAnswer, readStorageFlags, type StorageFlags } from './storage-answers.js';
import { csiMessages } from '../i18n/csi-messages.js';
import { choosePath } from './storage-path-choice.js';
import { heketiSetup } from './storage-heketi.js';
import { csiSetup } from './storage-csi.js';
import { createClaim, showClaimTable, waitForBound } from './storage-claim.js';
import { deployClient } from './storage-client.js';
import { labConfigOrReport } from './lab-config.js';
import { contextGuard, serverCheck } from './storage-preflight.js';
import { createReport, FlowStop } from './storage-report.js';
import { storageTiming } from '../storage/storage-timing.js';
import { labFiles } from '../lab/lab-files.js';
import { readLabSummary, writeLabState } from '../lab/lab-summary.js';
import { nextStepAfterSuccess, nextStepHint } from './next-step.js';

export const storageCommand: CommandRunner = (ctx, { options }) => storageFlow(ctx, readStorageFlags(options));

/**
 * `storage`: context guard → server version → path (Heketi or CSI) → that path's checks and
 * class → claim → wait for Bound → table → optional client pods. Nothing changes in the
 * cluster before the guard is confirmed and the path's checks have passed.
 */
export async function storageFlow(ctx: AppContext, flags: StorageFlags): Promise<number> {
  checkStorageFlags(ctx, flags);
  const report = createReport(ctx);
  const config = await labConfigOrReport(ctx, (message) => report.fail(message));
  if (!config) return ExitCode.failed;

  const summary: Record<string, unknown> = {};
  try {
    const target = await contextGuard(ctx, report);
    summary.cluster = { context: target.context, server: target.server, user: target.user };
    const compat = await serverCheck(ctx, report);
    summary.serverVersion = compat.gitVersion;
    summary.serverSupport = compat.support;
    const path = await choosePath(ctx, report, compat, flags.path);
    summary.path = path;
    const defaultNamespace = target.namespace ?? 'default';
    const setup = path === 'heketi' ? await heketiSetup(ctx, report, config, flags, defaultNamespace, summary) : await csiSetup(ctx, report, config, flags, defaultNamespace, summary);
    const { className, largestBytes } = setup;

    const claim = await claimAnswers(ctx, flags, defaultNamespace, largestBytes);
    const t = translator(storageMessages, ctx.lang);
    const c = translator(csiMessages, ctx.lang);
    const claimAction = await createClaim(ctx, report, claim, className, largestBytes);
    if (path === 'csi') report.info(c('sizeNotEnforced', { size: claim.size.text, cls: className, total: config.nfs.size_gb }));
    summary.pvc = { namespace: claim.namespace, name: claim.name, action: claimAction };
    const record = (phase: string) => writeLabState(ctx.labDir, labFiles.lastStorage, { at: new Date().toISOString(), pvc: claim.name, namespace: claim.namespace, phase, path });
    let pvc;
    try {
      pvc = await waitForBound(ctx, report, claim, storageTiming(ctx.env, ctx.waitScale), path);
    } catch (error) {
      if (error instanceof FlowStop) await record('Pending');
      throw error;
    }
    await record('Bound');
    const pv = await showClaimTable(ctx, report, pvc);
    const attributes = pv?.spec.csi?.volumeAttributes;
    summary.pvc = {
      namespace: claim.namespace,
      name: claim.name,
      action: claimAction,
      phase: pvc.status?.phase,
      volume: pvc.spec.volumeName,
      capacity: pvc.status?.capacity?.storage,
      accessModes: pvc.status?.accessModes ?? [],
      storageClass: pvc.spec.storageClassName,
      ...(pv?.spec.glusterfs ? { glusterfsPath: pv.spec.glusterfs.path } : {}),
      ...(pv?.spec.csi ? { volumeHandle: pv.spec.csi.volumeHandle, nfsPath: `${attributes?.server ?? ''}:${attributes?.share ?? ''}/${attributes?.subDir ?? attributes?.subdir ?? ''}` } : {}),
    };

    if (await clientAnswer(ctx, flags)) {
      summary.client = await deployClient(ctx, report, claim.namespace, claim.name, storageTiming(ctx.env, ctx.waitScale), setup.fsGroup);
    } else {
      report.info(t('clientSkipped'));
    }
    report.info(path === 'csi' ? c('doneCsi', { cls: className }) : t('done', { cls: className }));
    // The next step as the home screen would name it: default-class, unless that is done
    // already. Heketi or the NFS export answered, so the VMs run.
    const vms = { running: config.machines.length, total: config.machines.length };
    report.info(nextStepHint(nextStepAfterSuccess(await readLabSummary(ctx.labDir, ctx.lang), vms), ctx.lang));
    printSummary(ctx, { ok: true, ...summary });
    return ExitCode.ok;
  } catch (error) {
    if (!(error instanceof FlowStop)) throw error;
    printSummary(ctx, { ok: error.code === ExitCode.ok, stoppedAt: error.step, reason: error.reason, ...summary });
    return error.code;
  }
}

function printSummary(ctx: AppContext, summary: Record<string, unknown>): void {
  if (ctx.json) ctx.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
}
