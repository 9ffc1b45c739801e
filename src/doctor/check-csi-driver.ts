import { labClaimRules, labClaims } from '../claims/lab-claims.js';
import { eventLines } from '../claims/permission-evidence.js';
import { translator } from '../i18n/define.js';
import { csiDoctorMessages } from '../i18n/csi-doctor-messages.js';
import { csiDriverName } from '../k8s/csi-driver-name.js';
import { csiDriverRelease } from '../k8s/csi-driver-release.js';
import { driverPodState, podIsReady, podsOfWorkload, workloadDesired } from '../k8s/driver-workloads.js';
import { labPathsInCluster } from '../k8s/lab-class-state.js';
import { labNfsExport } from '../k8s/lab-nfs-export.js';
import { getEvents, getObject, getPods, isNotFound } from '../tools/kubectl.js';
import type { Pod, Workload } from '../tools/kubectl-types.js';
import { shortReason } from '../tools/short-reason.js';
import { catalogueFindings, ownFinding } from './catalogue-findings.js';
import type { DoctorContext } from './doctor-context.js';
import { statusOf, type DoctorFinding, type LayerResult } from './doctor-types.js';

/**
 * csi-driver-nfs, when the lab uses the CSI path (its class, a claim on it, or the driver's
 * pods from an earlier `storage`): the CSIDriver
 * object and the pinned release's controller Deployment and node DaemonSet exist, and their
 * pods are Ready — when not, the pods' Warning events through the catalogue (an image that
 * cannot be pulled, a crash), else their states.
 */
export async function checkCsiDriver(dc: DoctorContext): Promise<LayerResult> {
  const c = translator(csiDoctorMessages, dc.lang);
  const objects = await dc.clusterObjects();
  const release = csiDriverRelease();
  const inUse = labPathsInCluster(dc.config, objects.classes).csi || labClaims(objects, labClaimRules(dc.config)).some((claim) => claim.path === 'csi');
  const cls = labNfsExport(dc.config).className;
  const namespace = release.workloads[0]?.namespace ?? 'kube-system';
  let pods: Pod[];
  try {
    pods = (await Promise.all([...new Set(release.workloads.map((w) => w.namespace))].map((ns) => getPods(dc.kube, ns, dc.tool)))).flatMap((list) => list.items);
  } catch (error) {
    if (dc.tool.signal?.aborted) throw error;
    if (!inUse) return { layer: 'csi-driver', status: 'ok', summary: c('notUsed'), findings: [] };
    // A user who may not read kube-system cannot be told more; that is no finding of its own.
    return { layer: 'csi-driver', status: 'skipped', summary: c('cannotRead', { reason: shortReason(error) }), findings: [] };
  }
  // A `storage` that stopped while the driver's pods were not Ready leaves the driver without a class: still checked.
  const driverPods = release.workloads.some((w) => podsOfWorkload(w, pods).length > 0);
  if (!inUse && !driverPods) return { layer: 'csi-driver', status: 'ok', summary: c('notUsed'), findings: [] };
  const missing: string[] = [];
  if ((await readObject(dc, 'csidriver', csiDriverName)) === undefined) missing.push(`CSIDriver ${csiDriverName}`);
  const states = await Promise.all(
    release.workloads.map(async (workload) => {
      const object = await readObject<Workload>(dc, workload.kind.toLowerCase(), workload.name, workload.namespace);
      if (object === undefined) missing.push(`${workload.kind} ${workload.namespace}/${workload.name}`);
      const own = podsOfWorkload(workload, pods);
      return { desired: Math.max(1, workloadDesired(workload, object)), own, ready: own.filter(podIsReady) };
    }),
  );
  const total = states.reduce((n, s) => n + s.desired, 0);
  const ready = states.reduce((n, s) => n + Math.min(s.desired, s.ready.length), 0);
  const summary = c('summary', { ready, total });
  const findings: DoctorFinding[] = [];
  if (missing.length > 0) {
    findings.push(ownFinding('csi-driver', 'csi-driver-missing', { title: c('missingTitle'), explanation: c('missingWhat', { cls, missing: missing.join(', ') }), fix: c('missingFix', { version: release.version }) }, missing, { category: 'csi-driver' }));
  } else if (ready < total) {
    const waiting = states.flatMap((s) => s.own.filter((p) => !podIsReady(p)));
    const lines = (await Promise.all(waiting.map((pod) => getEvents(dc.kube, pod.metadata.namespace ?? namespace, { kind: 'Pod', name: pod.metadata.name }, dc.tool).then((l) => l.items, () => []))))
      .flatMap((events) => eventLines(events.filter((e) => e.type === 'Warning')));
    const known = catalogueFindings(lines, 'csi-driver', dc.lang).filter((f) => f.category === 'csi-driver');
    const podStates = waiting.map(driverPodState);
    if (known.length > 0) findings.push(...known.map((f) => ({ ...f, evidence: [...podStates, ...f.evidence] })));
    else findings.push(ownFinding('csi-driver', 'csi-driver-not-ready', { title: c('notReadyTitle'), explanation: c('notReadyWhat', { cls, states: podStates.join(', ') || '-' }), fix: c('notReadyFix', { namespace }) }, [...podStates, ...lines.slice(-5)], { category: 'csi-driver' }));
  }
  return { layer: 'csi-driver', status: statusOf(findings), summary, findings };
}

/** An object, or undefined when the cluster has none of that name. */
async function readObject<T>(dc: DoctorContext, kind: string, name: string, namespace?: string): Promise<T | undefined> {
  try {
    return await getObject<T>(dc.kube, kind, name, namespace, dc.tool);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}
