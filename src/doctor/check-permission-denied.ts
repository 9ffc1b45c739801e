import { inspectClaims, type InspectedClaim } from '../claims/claim-suspicion.js';
import { claimRef, labClaimRules, labClaims } from '../claims/lab-claims.js';
import { proofUserId, testNonRootWrite } from '../claims/non-root-write.js';
import { containerUserIds } from '../claims/pod-users.js';
import type { TempPodOutcome } from '../claims/temp-pod.js';
import { catalogueFindings, ownFinding } from './catalogue-findings.js';
import type { DoctorContext } from './doctor-context.js';
import { statusOf, type DoctorFinding, type LayerResult } from './doctor-types.js';
import { allEnded } from '../tools/all-ended.js';

/** The write test's answer for one claim; undefined when it was not run (not Bound) or could not be (no right to create pods). */
type WriteTest = TempPodOutcome | undefined;

/**
 * Can non-root containers write to the lab's GlusterFS claims? Two witnesses: pods whose
 * state, log or events show `Permission denied` (the suspicion fix-permissions lists), and
 * the non-root write test fix-permissions itself runs (claims/non-root-write.ts) on every
 * Bound claim. A claim the test refuses is always reported — as an error when pods already
 * fail, as a warning before any does — so doctor and the repair never disagree.
 */
export async function checkPermissionDenied(dc: DoctorContext): Promise<LayerResult> {
  const { t } = dc;
  const objects = await dc.clusterObjects();
  const claims = await inspectClaims(dc.kube, labClaims(objects, labClaimRules(dc.config)), dc.tool);
  const tests = await allEnded(claims.map((claim) => writeTest(dc, claim)));
  const podCount = claims.reduce((n, c) => n + c.pods.length, 0);
  const findings: DoctorFinding[] = [];
  let denied = 0;
  let refused = 0;
  claims.forEach((claim, i) => {
    const test = tests[i];
    if (test?.kind === 'failed') refused++;
    if (claim.suspected) {
      denied += claim.evidence.length;
      findings.push(deniedFinding(dc, claim, test));
    } else if (test?.kind === 'failed') {
      findings.push(refusedFinding(dc, claim, test));
    }
  });
  const tested = tests.filter((test) => test !== undefined && test.kind !== 'timeout').length;
  const summary = `${t('sumPermission', { count: podCount, denied })}${tested > 0 ? t('sumWriteTest', { refused, tested }) : ''}`;
  return { layer: 'permission-denied', status: statusOf(findings), summary, findings };
}

async function writeTest(dc: DoctorContext, claim: InspectedClaim): Promise<WriteTest> {
  // A pod of the claim that never started (a mount the pod-mounts layer explains) means the
  // test pod would hang the same way: it could only time out, and says nothing about writing.
  if (claim.status !== 'Bound' || claim.pods.some((p) => p.phase === 'Pending')) return undefined;
  try {
    return await testNonRootWrite(dc.kube, claim, { tool: dc.tool, ...dc.writeTest });
  } catch (error) {
    // Ctrl-C ends the run; a refusal to create the pod (RBAC, quota) only leaves the test out.
    if (dc.tool.signal?.aborted) throw error;
    return undefined;
  }
}

function testLines(test: WriteTest, claim: InspectedClaim): string[] {
  return test && test.kind !== 'succeeded' ? test.lines.map((line) => `${claimRef(claim)} (uid ${proofUserId}): ${line}`) : [];
}

/** Pods already fail: an error, with their lines and the test's. */
function deniedFinding(dc: DoctorContext, claim: InspectedClaim, test: WriteTest): DoctorFinding {
  const { t } = dc;
  const ref = claimRef(claim);
  const csi = claim.path === 'csi';
  const first = claim.evidence[0];
  const pod = claim.pods.find((p) => p.name === first?.pod);
  const ids = [...new Set(pod ? containerUserIds(pod.pod) : [])];
  const user = ids.map((id) => (id === undefined ? t('userUnknown') : String(id))).join(', ') || t('userUnknown');
  const evidence = [...claim.evidence.flatMap((e) => e.lines.map((line) => `${claim.namespace}/${e.pod}: ${line}`)), ...testLines(test, claim)];
  // The catalogue's entry adds its links (upstream reports of the same failure).
  const links = catalogueFindings(evidence, 'permission-denied', dc.lang).find((f) => f.category === 'permission-denied')?.links ?? [];
  return ownFinding('permission-denied', `permission-denied.${claim.namespace}.${claim.name}`, { title: t('deniedTitle'), explanation: t(csi ? 'deniedWhatCsi' : 'deniedWhat', { pod: `${claim.namespace}/${first?.pod ?? ''}`, user, claim: ref }), fix: t(csi ? 'deniedFixCsi' : 'deniedFix', { claim: ref }) }, evidence, {
    category: 'permission-denied',
    links,
  });
}

/** No pod fails yet, but the test was refused: a warning, so the first non-root app is not the one to find out. */
function refusedFinding(dc: DoctorContext, claim: InspectedClaim, test: TempPodOutcome): DoctorFinding {
  const { t } = dc;
  const ref = claimRef(claim);
  const csi = claim.path === 'csi';
  const evidence = testLines(test, claim);
  const links = catalogueFindings(evidence, 'permission-denied', dc.lang).find((f) => f.category === 'permission-denied')?.links ?? [];
  return ownFinding('permission-denied', `write-test-refused.${claim.namespace}.${claim.name}`, { title: t('refusedTitle', { claim: ref }), explanation: t(csi ? 'refusedWhatCsi' : 'refusedWhat', { claim: ref, uid: proofUserId }), fix: t(csi ? 'deniedFixCsi' : 'deniedFix', { claim: ref }) }, evidence, {
    category: 'permission-denied',
    severity: 'warning',
    links,
  });
}
