import { ExitCode } from '../exit-codes.js';
import type { AppContext } from '../context.js';
import { diagnoseLines } from '../diagnosis/findings-for-lines.js';
import { translator } from '../i18n/define.js';
import { csiMessages } from '../i18n/csi-messages.js';
import { nfsPort, type LabNfsExport } from '../k8s/lab-nfs-export.js';
import { nfsProbePod } from '../storage/nfs-probe-pod.js';
import { runTempPod } from '../claims/temp-pod.js';
import type { StorageTiming } from '../storage/storage-timing.js';
import { withNamespaceCheck } from './storage-apply.js';
import { FlowStop, type Report } from './storage-report.js';
import { toolOptions } from './tool-options-from-context.js';

/** The lab's host-only network as people write it: the server's /24. */
function networkOf(server: string): string {
  return `${server.split('.').slice(0, 3).join('.')}.0/24`;
}

/**
 * Reachability first: before anything is installed, a short-lived pod tries TCP 2049 on the
 * lab's NFS server from inside the cluster. It is deleted however this ends (runTempPod's
 * finally, also on Ctrl-C). When it cannot connect, or never gets to try, the flow stops
 * with what that means and what to do.
 */
export async function probeNfs(ctx: AppContext, report: Report, nfs: LabNfsExport, namespace: string, timing: StorageTiming): Promise<void> {
  const t = translator(csiMessages, ctx.lang);
  const { server } = nfs;
  const where = { server, port: nfsPort, namespace };
  report.info(t('probeStart', where));
  const outcome = await withNamespaceCheck(ctx, report, namespace, () =>
    runTempPod(ctx.kube, nfsProbePod(namespace, server), {
      ...toolOptions(ctx),
      waitMs: timing.timeoutMs,
      pollMs: timing.pollMs,
      onCreated: (pod) => report.info(t('probeCreated', { pod })),
      onCleanup: (pod, result) => {
        if (result.deleted) report.info(t('probeDeleted', { pod }));
        else report.warn(t('probeCleanupFailed', { pod, error: result.error ?? '', namespace }));
      },
    }),
  );
  if (outcome.kind === 'succeeded') {
    report.info(t('probeOk', where));
    return;
  }
  // The pod's own words (nc's line, Warning events); its Normal events only say it ran.
  const lines = outcome.lines.filter((line) => !line.startsWith('Normal '));
  if (outcome.kind === 'failed') {
    report.fail(t('probeFailed', where));
    for (const line of lines) report.fail(t('probeLine', { line }));
    report.fail(t('probeFailedWhy', { network: networkOf(server) }));
    report.fail(t('probeFailedNext', { network: networkOf(server), server }));
    throw new FlowStop(ExitCode.failed, 'nfs-probe', `cannot reach ${server}:${nfsPort}`);
  }
  report.fail(t('probeNeverRan', { seconds: Math.round(timing.timeoutMs / 1000), phase: outcome.phase }));
  for (const line of lines) report.fail(t('probeLine', { line }));
  report.findings(diagnoseLines(lines, ctx.lang), 'fail');
  report.fail(t('probeNeverRanNext', { namespace }));
  throw new FlowStop(ExitCode.failed, 'nfs-probe', `probe pod still ${outcome.phase}`);
}
