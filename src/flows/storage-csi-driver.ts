import { ExitCode } from '../exit-codes.js';
import type { AppContext } from '../context.js';
import type { Finding } from '../diagnosis/finding.js';
import { diagnoseLines } from '../diagnosis/findings-for-lines.js';
import { translator } from '../i18n/define.js';
import { csiMessages } from '../i18n/csi-messages.js';
import { csiDriverRelease, type DriverWorkload } from '../k8s/csi-driver-release.js';
import { EventTracker } from '../k8s/event-tracker.js';
import { driverPodState, podIsReady, podsOfWorkload, workloadDesired } from '../k8s/driver-workloads.js';
import { sleep, type StorageTiming } from '../storage/storage-timing.js';
import { applyText, getEvents, getObject, getPods } from '../tools/kubectl.js';
import type { Pod, Workload } from '../tools/kubectl-types.js';
import { eventLine } from './storage-claim.js';
import { countdown } from './storage-countdown.js';
import { FlowStop, type Report } from './storage-report.js';
import { toolOptions } from './tool-options-from-context.js';

export interface DriverResult {
  version: string;
  /** What kubectl said per object ("daemonset.apps/csi-nfs-node created"). */
  applied: string[];
  pods: string[];
}

/**
 * Installs the pinned csi-driver-nfs: each shipped manifest through `kubectl apply -f -`, in
 * upstream's order, then waits until the controller Deployment and the node DaemonSet have
 * their pods Ready — showing each pod's new Warning events with their diagnosis as they come
 * (an image that cannot be pulled, a crash). Applying again changes nothing ("unchanged").
 */
export async function installCsiDriver(ctx: AppContext, report: Report, timing: StorageTiming): Promise<DriverResult> {
  const t = translator(csiMessages, ctx.lang);
  const opts = toolOptions(ctx);
  const release = csiDriverRelease();
  report.info(t('driverInstalling', { version: release.version, dir: release.dir }));
  const applied: string[] = [];
  for (const manifest of release.manifests) {
    for (const line of await applyText(ctx.kube, manifest.text, opts)) {
      applied.push(line);
      report.info(t('driverApplied', { file: manifest.file, line }));
    }
  }

  // Image pulls of six images on a fresh node take longer than a claim's binding.
  const timeoutMs = timing.timeoutMs * 2;
  const namespaces = [...new Set(release.workloads.map((w) => w.namespace))];
  report.info(t('driverWaiting', { seconds: Math.round(timeoutMs / 1000), workloads: release.workloads.map((w) => `${w.kind.toLowerCase()}/${w.name}`).join(', '), namespace: namespaces.join(', ') }));
  const started = Date.now();
  const tick = countdown(ctx, report, started, timeoutMs);
  const trackers = new Map<string, EventTracker>();
  const diagnosed = new Set<string>();
  let causes: Finding[] = [];
  for (;;) {
    const pods = (await Promise.all(namespaces.map((ns) => getPods(ctx.kube, ns, opts)))).flatMap((list) => list.items);
    const states = await Promise.all(release.workloads.map((w) => workloadState(ctx, w, pods)));
    const total = states.reduce((n, s) => n + s.desired, 0);
    const ready = states.reduce((n, s) => n + Math.min(s.desired, s.ready.length), 0);
    if (states.every((s) => s.desired > 0 && s.ready.length >= s.desired)) {
      const names = states.flatMap((s) => s.ready.map((p) => p.metadata.name));
      report.info(t('driverReady', { version: release.version, pods: names.join(', ') }));
      return { version: release.version, applied, pods: names };
    }
    const waiting = states.flatMap((s) => s.pods.filter((p) => !podIsReady(p)));
    for (const pod of waiting) causes = [...causes, ...(await showPodWarnings(ctx, report, pod, trackers, diagnosed))];
    if (Date.now() - started >= timeoutMs) {
      report.fail(t('driverTimeout', { seconds: Math.round((Date.now() - started) / 1000), states: waiting.map(driverPodState).join(', ') || '-' }));
      report.findings(causes, 'fail');
      report.fail(t('driverTimeoutNext', { namespace: namespaces[0] ?? 'kube-system' }));
      throw new FlowStop(ExitCode.failed, 'csi-driver', `driver pods not ready: ${waiting.map(driverPodState).join(', ')}`);
    }
    tick((left) => t('driverWaitLeft', { ready, total: Math.max(total, release.workloads.length), left }));
    await sleep(timing.pollMs, ctx.signal);
  }
}

interface WorkloadState {
  desired: number;
  pods: Pod[];
  ready: Pod[];
}

async function workloadState(ctx: AppContext, workload: DriverWorkload, pods: readonly Pod[]): Promise<WorkloadState> {
  const object = await getObject<Workload>(ctx.kube, workload.kind.toLowerCase(), workload.name, workload.namespace, toolOptions(ctx));
  const own = podsOfWorkload(workload, pods);
  return { desired: workloadDesired(workload, object), pods: own, ready: own.filter(podIsReady) };
}

/** New Warning events of a pod; each diagnosis is shown once for all the driver's pods and returned (the causes, if the wait ends). */
async function showPodWarnings(ctx: AppContext, report: Report, pod: Pod, trackers: Map<string, EventTracker>, diagnosed: Set<string>): Promise<Finding[]> {
  const tracker = trackers.get(pod.metadata.name) ?? new EventTracker();
  trackers.set(pod.metadata.name, tracker);
  const events = await getEvents(ctx.kube, pod.metadata.namespace ?? 'default', { kind: 'Pod', name: pod.metadata.name }, toolOptions(ctx));
  const found: Finding[] = [];
  for (const { event } of tracker.fresh(events.items).filter((e) => e.event.type === 'Warning' && !e.repeat)) {
    report.warn(eventLine(ctx, event));
    const findings = diagnoseLines([event.message ?? ''], ctx.lang).filter((f) => !diagnosed.has(f.id));
    for (const f of findings) diagnosed.add(f.id);
    report.findings(findings);
    found.push(...findings);
  }
  return found;
}
