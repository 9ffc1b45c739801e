import { ExitCode } from '../exit-codes.js';
import type { AppContext } from '../context.js';
import { translator } from '../i18n/define.js';
import { storageMessages } from '../i18n/storage-messages.js';
import { EventTracker } from '../k8s/event-tracker.js';
import { clientDeploymentManifest } from '../k8s/manifests.js';
import { applyManifest, execInPod, getEvents, getPods } from '../tools/kubectl.js';
import type { Pod } from '../tools/kubectl-types.js';
import type { Finding } from '../diagnosis/finding.js';
import { eventLine } from './storage-claim.js';
import { countdown } from './storage-countdown.js';
import { diagnoseLines } from '../diagnosis/findings-for-lines.js';
import { toolOptions } from './tool-options-from-context.js';
import { FlowStop, type Report } from './storage-report.js';
import { sleep, type StorageTiming } from '../storage/storage-timing.js';

const clientReplicas = 2;

/** Categories of a FailedMount diagnosis that the kubelet's retries cannot fix: the wait ends at once. */
const finalMountFailures = new Set(['glusterfs-client-missing', 'mount-failed']);

/**
 * The client Deployment's name for a claim: `gfs-client-CLAIM`, cut to 63 characters because
 * it is also the pods' `app` label value, which Kubernetes limits to 63.
 */
function clientName(claim: string): string {
  return `gfs-client-${claim}`.slice(0, 63).replace(/[-.]+$/, '');
}

export interface ClientResult {
  deployment: string;
  pods: string[];
  df: string;
}

/** Deploys the two client pods, waits for them to run and shows `df -h /mnt` from one. */
export async function deployClient(ctx: AppContext, report: Report, namespace: string, claim: string, timing: StorageTiming, fsGroup?: number): Promise<ClientResult> {
  const t = translator(storageMessages, ctx.lang);
  const opts = toolOptions(ctx);
  const name = clientName(claim);
  await applyManifest(ctx.kube, clientDeploymentManifest({ name, namespace, claimName: claim, replicas: clientReplicas, ...(fsGroup === undefined ? {} : { fsGroup }) }), opts);
  report.info(t('clientApplied', { namespace, name, claim }));
  report.info(t('clientWaiting', { seconds: Math.round(timing.timeoutMs / 1000) }));

  const started = Date.now();
  const tick = countdown(ctx, report, started, timing.timeoutMs);
  const trackers = new Map<string, EventTracker>();
  const diagnosed = new Set<string>();
  for (;;) {
    const pods = (await getPods(ctx.kube, namespace, opts)).items.filter((p) => p.metadata.labels?.app === name && !p.metadata.deletionTimestamp);
    const running = pods.filter((p) => p.status?.phase === 'Running');
    if (running.length >= clientReplicas) {
      const names = running.map((p) => p.metadata.name);
      report.info(t('clientRunning', { pods: names.join(', ') }));
      const first = names[0] ?? '';
      const df = await execInPod(ctx.kube, namespace, first, ['df', '-h', '/mnt'], opts);
      report.info(t('clientDf', { pod: first }));
      for (const line of df.trimEnd().split('\n')) report.info(`  ${line}`);
      return { deployment: name, pods: names, df };
    }
    // Mount failures show up as pod events (FailedMount); show them as they come.
    let final: Finding[] = [];
    for (const pod of pods.filter((p) => p.status?.phase !== 'Running')) {
      const tracker = trackers.get(pod.metadata.name) ?? new EventTracker();
      trackers.set(pod.metadata.name, tracker);
      const events = await getEvents(ctx.kube, namespace, { kind: 'Pod', name: pod.metadata.name }, opts);
      for (const { event } of tracker.fresh(events.items).filter((e) => e.event.type === 'Warning' && !e.repeat)) {
        report.warn(eventLine(ctx, event));
        if (!diagnosed.has(event.reason ?? '')) {
          diagnosed.add(event.reason ?? '');
          const findings = diagnoseLines([event.message ?? ''], ctx.lang);
          if (event.reason === 'FailedMount' && findings.some((f) => finalMountFailures.has(f.category))) final = findings;
          else report.findings(findings);
        }
      }
    }
    if (final.length > 0) {
      report.fail(t('clientGaveUp'));
      report.findings(final, 'fail');
      throw new FlowStop(ExitCode.failed, 'client', `mount failed: ${final.map((f) => f.id).join(', ')}`);
    }
    if (Date.now() - started >= timing.timeoutMs) {
      report.fail(t('clientTimeout', { seconds: Math.round((Date.now() - started) / 1000), states: pods.map(podState).join(', ') || '-' }));
      report.fail(t('clientTimeoutNext'));
      throw new FlowStop(ExitCode.failed, 'client', 'client pods not running');
    }
    tick((left) => t('clientWaitLeft', { running: running.length, total: clientReplicas, left }));
    await sleep(timing.pollMs, ctx.signal);
  }
}

function podState(pod: Pod): string {
  const waiting = pod.status?.containerStatuses?.find((c) => c.state?.waiting)?.state?.waiting?.reason;
  return `${pod.metadata.name} ${waiting ?? pod.status?.phase ?? 'Pending'}`;
}
