import { claimRef, labClaimRules, labClaims } from '../claims/lab-claims.js';
import { eventLines } from '../claims/permission-evidence.js';
import { getEvents } from '../tools/kubectl.js';
import { catalogueFindings, ownFinding } from './catalogue-findings.js';
import type { DoctorContext } from './doctor-context.js';
import { statusOf, type DoctorFinding, type LayerResult } from './doctor-types.js';
import { mergeFindings } from './merge-findings.js';

/** kubelet's event reasons for a volume that cannot be attached or mounted. */
const mountReasons = new Set(['FailedMount', 'FailedAttachVolume']);

/**
 * Pods using a GlusterFS claim that have not started, and why: their FailedMount events
 * through the catalogue (missing glusterfs client, endpoints, bricks down, …).
 */
export async function checkPodMounts(dc: DoctorContext): Promise<LayerResult> {
  const { t } = dc;
  const objects = await dc.clusterObjects();
  const claims = labClaims(objects, labClaimRules(dc.config));
  const users = claims.flatMap((claim) => claim.pods.map((p) => ({ claim, pod: p.pod })));
  const waiting = users.filter(({ pod }) => (pod.status?.phase ?? 'Pending') === 'Pending');
  const tagged: { subject: string; finding: DoctorFinding }[] = [];
  let failing = 0;
  for (const { claim, pod } of waiting) {
    const namespace = pod.metadata.namespace ?? 'default';
    const events = (await getEvents(dc.kube, namespace, { kind: 'Pod', name: pod.metadata.name }, dc.tool)).items;
    const lines = eventLines(events.filter((e) => e.type === 'Warning' && mountReasons.has(e.reason ?? '')));
    if (lines.length === 0) continue;
    failing++;
    const subject = `${namespace}/${pod.metadata.name} (${claimRef(claim)})`;
    const known = catalogueFindings(lines, 'pod-mounts', dc.lang);
    if (known.length > 0) for (const finding of known) tagged.push({ subject, finding });
    else {
      const finding = ownFinding('pod-mounts', `mount-failed.${namespace}.${pod.metadata.name}`, { title: t('mountTitle', { pod: `${namespace}/${pod.metadata.name}` }), explanation: t('mountWhat'), fix: t('mountFix', { name: pod.metadata.name, namespace }) }, lines.slice(-3), { category: 'mount-failed' });
      tagged.push({ subject, finding });
    }
  }
  const findings = mergeFindings(tagged);
  return { layer: 'pod-mounts', status: statusOf(findings), summary: t('sumPodMounts', { count: users.length, failing }), findings };
}
