import { promptText } from '../ui/prompt-text.js';
import { effectiveKubeTarget } from '../tools/kubectl-args.js';
import { promptTheme } from '../ui/prompt-theme.js';
import { ExitCode } from '../exit-codes.js';
import type { AppContext } from '../context.js';
import { translator } from '../i18n/define.js';
import { storageMessages } from '../i18n/storage-messages.js';
import { claimTable } from '../k8s/pvc-pv-table.js';
import { fitTable } from '../text/fit-table.js';
import { EventTracker } from '../k8s/event-tracker.js';
import { pvcManifest } from '../k8s/manifests.js';
import { claimFits } from '../k8s/claim-room.js';
import { refuseTooBig } from './storage-fit.js';
import { deleteResource, getEvents, getPvc, getPvs, isNotFound, createManifest } from '../tools/kubectl.js';
import type { Finding } from '../diagnosis/finding.js';
import { countdown } from './storage-countdown.js';
import type { K8sEvent, Pv, Pvc } from '../tools/kubectl-types.js';
import type { ClaimAnswers } from './storage-answers.js';
import { withNamespaceCheck } from './storage-apply.js';
import { diagnoseLines } from '../diagnosis/findings-for-lines.js';
import { toolOptions } from './tool-options-from-context.js';
import { FlowStop, type Report } from './storage-report.js';
import { sleep, type StorageTiming } from '../storage/storage-timing.js';
import type { StoragePath } from '../storage/storage-path.js';
import { csiMessages } from '../i18n/csi-messages.js';

export type ClaimAction = 'created' | 'existing';

/** Creates the claim, or keeps an existing one of the same class (a second run changes nothing). */
export async function createClaim(ctx: AppContext, report: Report, claim: ClaimAnswers, className: string, largestBytes: number): Promise<ClaimAction> {
  const t = translator(storageMessages, ctx.lang);
  const opts = toolOptions(ctx);
  let existing: Pvc | undefined;
  try {
    existing = await getPvc(ctx.kube, claim.namespace, claim.name, opts);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  const where = { namespace: claim.namespace, name: claim.name };
  if (existing) {
    if (existing.spec.storageClassName !== className) {
      report.fail(t('pvcOtherClass', { ...where, cls: existing.spec.storageClassName ?? '', wanted: className }));
      throw new FlowStop(ExitCode.failed, 'pvc', 'claim exists with another class');
    }
    report.info(t('pvcExists', { ...where, phase: existing.status?.phase ?? 'Pending' }));
    return 'existing';
  }
  // The answers were checked against Heketi's room already; this is the last guard before a claim that could never bind.
  if (!claimFits(claim.size.bytes, largestBytes)) refuseTooBig(ctx, report, claim.size, largestBytes);
  const manifest = pvcManifest({ ...where, size: claim.size.text, accessMode: claim.accessMode, storageClassName: className });
  await withNamespaceCheck(ctx, report, claim.namespace, () => createManifest(ctx.kube, manifest, opts));
  report.info(t('pvcCreated', { ...where, size: claim.size.text, mode: claim.accessMode, cls: className }));
  return 'created';
}

/**
 * Catalogue entries that only say "provisioning failed" without naming why: the controller
 * may still succeed on a retry, so the wait goes on. Any other diagnosis of a
 * ProvisioningFailed event names a cause retrying cannot fix, and ends the wait at once.
 */
const opaqueProvisionFailures = new Set(['k8s-provision-failed-opaque']);

/**
 * Polls the claim and its events until it is Bound, a ProvisioningFailed event names a cause
 * that retrying will not fix, or the time is up — printing each new event once (a Warning
 * with its diagnosis). When it gives up: what Pending means, and an offer to delete the claim.
 */
export async function waitForBound(ctx: AppContext, report: Report, claim: ClaimAnswers, timing: StorageTiming, path: StoragePath = 'heketi'): Promise<Pvc> {
  const t = translator(storageMessages, ctx.lang);
  const opts = toolOptions(ctx);
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 1000);
  const tracker = new EventTracker();
  const diagnosed = new Set<string>();
  const repeated = new Map<string, K8sEvent>();
  const tick = countdown(ctx, report, started, timing.timeoutMs);
  const waiting = { name: claim.name, seconds: Math.round(timing.timeoutMs / 1000) };
  report.info(path === 'csi' ? translator(csiMessages, ctx.lang)('pvcWaitingCsi', waiting) : t('pvcWaiting', waiting));
  for (;;) {
    const pvc = await getPvc(ctx.kube, claim.namespace, claim.name, opts);
    const events = await getEvents(ctx.kube, claim.namespace, { kind: 'PersistentVolumeClaim', name: claim.name }, opts);
    let rootCause: Finding[] = [];
    for (const { event, repeat } of tracker.fresh(events.items)) {
      // A repeat only raises the count: remembered, shown once more if the wait ends unbound.
      if (repeat) repeated.set(event.metadata.uid ?? '', event);
      else {
        const findings = showEvent(ctx, report, event, diagnosed);
        if (event.reason === 'ProvisioningFailed' && findings.some((f) => !opaqueProvisionFailures.has(f.id))) rootCause = findings;
      }
    }
    if (pvc.status?.phase === 'Bound') {
      report.info(t('pvcBound', { name: claim.name, volume: pvc.spec.volumeName ?? '', seconds: seconds() }));
      return pvc;
    }
    const phase = pvc.status?.phase ?? 'Pending';
    if (rootCause.length > 0) {
      report.fail(t('pvcGaveUp', { name: claim.name }));
      report.findings(rootCause, 'fail');
      await offerDelete(ctx, report, claim);
      throw new FlowStop(ExitCode.failed, 'pvc', `provisioning failed: ${rootCause.map((f) => f.id).join(', ')}`);
    }
    if (Date.now() - started >= timing.timeoutMs) {
      for (const event of repeated.values()) report.warn(eventLine(ctx, event));
      report.fail(t('pvcTimeout', { name: claim.name, phase, seconds: seconds() }));
      report.fail(t('pvcPendingExplain'));
      report.fail(t('pvcPendingNext'));
      if (phase === 'Pending') await offerDelete(ctx, report, claim);
      throw new FlowStop(ExitCode.failed, 'pvc', `still ${phase} after ${seconds()} s`);
    }
    tick((left) => t('pvcWaitLeft', { name: claim.name, phase, left }));
    await sleep(timing.pollMs, ctx.signal);
  }
}

/**
 * A claim given up on stays Pending and Kubernetes keeps retrying it; a new run with the same
 * name would only wait for it again. In a terminal: offer to delete it; elsewhere: say how.
 */
async function offerDelete(ctx: AppContext, report: Report, claim: Pick<ClaimAnswers, 'name' | 'namespace'>): Promise<void> {
  const t = translator(storageMessages, ctx.lang);
  const where = { namespace: claim.namespace, name: claim.name };
  if (!ctx.interactive) {
    const target = effectiveKubeTarget(ctx.kube);
    const kube = `${target.context ? ` --context ${target.context}` : ''}${target.kubeconfig ? ` --kubeconfig ${target.kubeconfig}` : ''}`;
    report.fail(t('pvcDeleteHint', { ...where, kube }));
    return;
  }
  const { confirm } = await import('@inquirer/prompts');
  if (!(await confirm({ ...promptTheme(ctx.lang).confirm, message: promptText(t('pvcDeleteConfirm', where), ctx.stdout), default: true }, { signal: ctx.signal, output: ctx.stdout }))) {
    report.info(t('pvcKept', where));
    return;
  }
  await deleteResource(ctx.kube, 'pvc', claim.name, claim.namespace, toolOptions(ctx));
  report.info(t('pvcDeleted', where));
}

/** `event Warning ProvisioningFailed (x12): …`, as `kubectl describe` counts repeats. */
export function eventLine(ctx: AppContext, event: K8sEvent): string {
  const count = (event.count ?? 1) > 1 ? ` (x${event.count})` : '';
  return translator(storageMessages, ctx.lang)('pvcEvent', { type: event.type ?? '', reason: event.reason ?? '', count, message: event.message ?? '' });
}

/** Prints the event; a Warning's diagnosis is printed with it, unless it ends the wait (then the caller says it, as the failure). */
function showEvent(ctx: AppContext, report: Report, event: K8sEvent, diagnosed: Set<string>): Finding[] {
  const line = eventLine(ctx, event);
  if (event.type === 'Warning') report.warn(line);
  else report.info(line);
  // The same failure repeats every few seconds; explain each reason once.
  const reason = event.reason ?? '';
  if (event.type !== 'Warning' || diagnosed.has(reason)) return [];
  diagnosed.add(reason);
  const findings = diagnoseLines([`${reason} ${event.message ?? ''}`], ctx.lang);
  const final = reason === 'ProvisioningFailed' && findings.some((f) => !opaqueProvisionFailures.has(f.id));
  if (!final) report.findings(findings);
  return findings;
}

/** The claim and its volume as `kubectl get pvc,pv` shows them. */
export async function showClaimTable(ctx: AppContext, report: Report, pvc: Pvc): Promise<Pv | undefined> {
  const t = translator(storageMessages, ctx.lang);
  const pvs = await getPvs(ctx.kube, toolOptions(ctx));
  const pv = pvs.items.find((v) => v.metadata.name === pvc.spec.volumeName);
  report.info(t('tableHeader'));
  for (const line of fitTable(claimTable(pvc, pv, new Date()), terminalWidth(ctx))) report.info(line);
  return pv;
}

/** The terminal's width when output goes to one (tables fit it), else undefined (kept as kubectl prints them). */
function terminalWidth(ctx: AppContext): number | undefined {
  const columns = (ctx.json ? ctx.stderr : ctx.stdout).columns;
  return ctx.interactive && columns > 0 ? columns : undefined;
}
