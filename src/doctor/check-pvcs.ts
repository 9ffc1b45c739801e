import type { ServerCompat } from '../k8s/server-compat.js';
import { eventLines } from '../claims/permission-evidence.js';
import { claimRef, labClaimRules, labClaims } from '../claims/lab-claims.js';
import { getEvents } from '../tools/kubectl.js';
import { catalogueFindings, ownFinding } from './catalogue-findings.js';
import type { DoctorContext } from './doctor-context.js';
import { statusOf, type DoctorFinding, type LayerResult } from './doctor-types.js';
import { mergeFindings } from './merge-findings.js';

/** A claim Pending for less than this, with no warning, is still being provisioned, not stuck. */
const pendingGraceMs = 60_000;

/**
 * The lab's claims that are Pending, and why: their Warning events through the catalogue
 * (ProvisioningFailed and its causes: Heketi's, or csi-driver-nfs's mount of the export),
 * or — for a Heketi-path claim on v1.26+ — no provisioner at all.
 */
export async function checkPvcs(dc: DoctorContext, compat: ServerCompat | undefined, now = Date.now()): Promise<LayerResult> {
  const { t } = dc;
  const objects = await dc.clusterObjects();
  const claims = labClaims(objects, labClaimRules(dc.config));
  const pending = claims.filter((c) => c.status === 'Pending');
  const findings: DoctorFinding[] = [];

  // On v1.26+ a Heketi-path claim waits for a provisioner that is gone; the CSI path's have their own events.
  const orphaned = compat?.support === 'removed' ? pending.filter((c) => c.path === 'heketi') : [];
  if (orphaned.length > 0) {
    findings.push(
      ownFinding('pvcs', 'pvc-no-provisioner', { title: t('pvcPendingRemoved', { claim: orphaned.map(claimRef).join(', ') }), explanation: t('removedWhat', { cls: dc.config.kubernetes.storage_class }), fix: t('pvcPendingRemovedFix') }, orphaned.map((c) => `${claimRef(c)}: Pending`), {
        category: 'k8s-provisioner-removed',
      }),
    );
  }
  const tagged: { subject: string; finding: DoctorFinding }[] = [];
  for (const claim of pending.filter((c) => !orphaned.includes(c))) {
    const pvc = objects.pvcs.find((p) => p.metadata.name === claim.name && (p.metadata.namespace ?? 'default') === claim.namespace);
    const events = (await getEvents(dc.kube, claim.namespace, { kind: 'PersistentVolumeClaim', name: claim.name }, dc.tool)).items;
    const warnings = eventLines(events.filter((e) => e.type === 'Warning'));
    const known = catalogueFindings(warnings, 'pvcs', dc.lang);
    const ref = claimRef(claim);
    if (known.length > 0) {
      for (const finding of known) tagged.push({ subject: ref, finding });
      continue;
    }
    const created = Date.parse(pvc?.metadata.creationTimestamp ?? '');
    const ageMs = Number.isNaN(created) ? Infinity : now - created;
    if (warnings.length === 0 && ageMs < pendingGraceMs) continue;
    const since = Number.isFinite(ageMs) ? t('since', { seconds: Math.round(ageMs / 1000) }) : '';
    tagged.push({
      subject: ref,
      finding: ownFinding('pvcs', `pvc-pending.${claim.namespace}.${claim.name}`, { title: t('pvcPendingTitle', { claim: ref }), explanation: t('pvcPendingWhat', { since }), fix: t('pvcPendingNoEventsFix', { name: claim.name, namespace: claim.namespace }) }, eventLines(events).slice(-5), {
        category: warnings.length > 0 ? 'k8s-provision-failed' : undefined,
      }),
    });
  }
  findings.push(...mergeFindings(tagged));
  return { layer: 'pvcs', status: statusOf(findings), summary: t('sumPvcs', { count: claims.length, pending: pending.length }), findings };
}
