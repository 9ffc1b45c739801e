import type { CommandRunner } from '../command-runner.js';
import { ExitCode } from '../exit-codes.js';
import type { AppContext } from '../context.js';
import { translator } from '../i18n/define.js';
import { storageMessages } from '../i18n/storage-messages.js';
import { claimAnswers, checkStorageFlags, clientAnswer, readStorageFlags, secretNamespaceAnswer, type StorageFlags } from './storage-answers.js';
import { applySecret, applyStorageClass } from './storage-apply.js';
import { createClaim, showClaimTable, waitForBound } from './storage-claim.js';
import { deployClient } from './storage-client.js';
import { labConfigOrReport } from './lab-config.js';
import { confirmTarget, contextGuard, heketiCheck, serverCheck } from './storage-preflight.js';
import { createReport, FlowStop } from './storage-report.js';
import { storageTiming } from '../storage/storage-timing.js';
import { labFiles } from '../lab/lab-files.js';
import { readLabSummary, writeLabState } from '../lab/lab-summary.js';
import { nextStepAfterSuccess, nextStepHint } from './next-step.js';
import { refuseUnfittingFlag } from './storage-fit.js';
import { sizeCheck } from '../storage/claim-request-rules.js';

export const storageCommand: CommandRunner = (ctx, { options }) => storageFlow(ctx, readStorageFlags(options));

/**
 * `storage`: context guard → server version → Heketi → Secret + StorageClass → claim →
 * wait for Bound → table → optional client pods. Nothing changes in the cluster before
 * the guard is confirmed and every check has passed.
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
    const heketi = await heketiCheck(ctx, report, config);
    summary.heketi = { url: config.heketi.url, usableNodes: heketi.capacity.usableNodes, freeBytes: heketi.capacity.freeKiB * 1024 };
    await confirmTarget(ctx, report);

    const largestBytes = heketi.largestKiB * 1024;
    if (!ctx.interactive && flags.size !== undefined && flags.pvc !== undefined) {
      const size = sizeCheck(flags.size, ctx.lang);
      if ('quantity' in size) await refuseUnfittingFlag(ctx, report, { name: flags.pvc, namespace: flags.namespace ?? target.namespace ?? 'default', size: size.quantity }, largestBytes);
    }

    const secretNamespace = await secretNamespaceAnswer(ctx, flags, config.kubernetes.secret_namespace);
    const secretAction = await applySecret(ctx, report, config, secretNamespace, heketi.adminKey);
    summary.secret = { namespace: secretNamespace, name: config.kubernetes.secret_name, action: secretAction };
    const cls = await applyStorageClass(ctx, report, config, secretNamespace);
    summary.storageClass = { name: config.kubernetes.storage_class, action: cls.action, differences: cls.diff };

    const claim = await claimAnswers(ctx, flags, target.namespace ?? 'default', largestBytes);
    const t = translator(storageMessages, ctx.lang);
    const claimAction = await createClaim(ctx, report, claim, config.kubernetes.storage_class, largestBytes);
    summary.pvc = { namespace: claim.namespace, name: claim.name, action: claimAction };
    const record = (phase: string) => writeLabState(ctx.labDir, labFiles.lastStorage, { at: new Date().toISOString(), pvc: claim.name, namespace: claim.namespace, phase });
    let pvc;
    try {
      pvc = await waitForBound(ctx, report, claim, storageTiming(ctx.env, ctx.waitScale));
    } catch (error) {
      if (error instanceof FlowStop) await record('Pending');
      throw error;
    }
    await record('Bound');
    const pv = await showClaimTable(ctx, report, pvc);
    summary.pvc = {
      namespace: claim.namespace,
      name: claim.name,
      action: claimAction,
      phase: pvc.status?.phase,
      volume: pvc.spec.volumeName,
      capacity: pvc.status?.capacity?.storage,
      accessModes: pvc.status?.accessModes ?? [],
      storageClass: pvc.spec.storageClassName,
      glusterfsPath: pv?.spec.glusterfs?.path,
    };

    if (await clientAnswer(ctx, flags)) {
      summary.client = await deployClient(ctx, report, claim.namespace, claim.name, storageTiming(ctx.env, ctx.waitScale));
    } else {
      report.info(t('clientSkipped'));
    }
    report.info(t('done'));
    // The next step as the home screen would name it: default-class, unless that is done
    // already. Heketi answered, so the VMs run.
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
