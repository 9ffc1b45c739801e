import { inspectClaims } from '../claims/claim-suspicion.js';
import { claimRef, glusterClaims } from '../claims/glusterfs-claims.js';
import { containerUserIds } from '../claims/pod-users.js';
import { catalogueFindings, ownFinding } from './catalogue-findings.js';
import type { DoctorContext } from './doctor-context.js';
import { statusOf, type DoctorFinding, type LayerResult } from './doctor-types.js';

/**
 * Pods using a GlusterFS claim whose state, recent log or events show `Permission denied`
 * — the same suspicion fix-permissions lists — each claim with the command that repairs it.
 */
export async function checkPermissionDenied(dc: DoctorContext): Promise<LayerResult> {
  const { t } = dc;
  const objects = await dc.clusterObjects();
  const claims = await inspectClaims(dc.kube, glusterClaims(objects, dc.config.kubernetes.storage_class), dc.tool);
  const podCount = claims.reduce((n, c) => n + c.pods.length, 0);
  const findings: DoctorFinding[] = [];
  let denied = 0;
  for (const claim of claims.filter((c) => c.suspected)) {
    denied += claim.evidence.length;
    const ref = claimRef(claim);
    const first = claim.evidence[0];
    const pod = claim.pods.find((p) => p.name === first?.pod);
    const ids = [...new Set(pod ? containerUserIds(pod.pod) : [])];
    const user = ids.map((id) => (id === undefined ? t('userUnknown') : String(id))).join(', ') || t('userUnknown');
    const evidence = claim.evidence.flatMap((e) => e.lines.map((line) => `${claim.namespace}/${e.pod}: ${line}`));
    // The catalogue's entry adds its links (upstream reports of the same failure).
    const links = catalogueFindings(evidence, 'permission-denied', dc.lang).find((f) => f.category === 'permission-denied')?.links ?? [];
    findings.push(
      ownFinding('permission-denied', `permission-denied.${claim.namespace}.${claim.name}`, { title: t('deniedTitle'), explanation: t('deniedWhat', { pod: `${claim.namespace}/${first?.pod ?? ''}`, user, claim: ref }), fix: t('deniedFix', { claim: ref }) }, evidence, {
        category: 'permission-denied',
        links,
      }),
    );
  }
  return { layer: 'permission-denied', status: statusOf(findings), summary: t('sumPermission', { count: podCount, denied }), findings };
}
