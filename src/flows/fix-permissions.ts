import type { CommandRunner } from '../command-runner.js';
import { ExitCode, UsageError } from '../exit-codes.js';
import type { AppContext } from '../context.js';
import { translator, type Lang, type Translate } from '../i18n/define.js';
import { repairMessages } from '../i18n/repair-messages.js';
import { nameProblemText } from '../k8s/name-problem-text.js';
import { loadLabConfig } from '../lab/config.js';
import { labFiles } from '../lab/lab-files.js';
import { writeLabState } from '../lab/lab-summary.js';
import { parseClaimArgs, resolveClaimArgs, type ClaimArgProblem } from '../claims/claim-args.js';
import { inspectClaims, type InspectedClaim } from '../claims/claim-suspicion.js';
import { claimCells, claimHeader, fitClaimTable } from '../claims/inspected-claim-table.js';
import { readClusterObjects } from '../claims/cluster-objects.js';
import { claimRef, glusterClaims } from '../claims/glusterfs-claims.js';
import { repairClaim, type RepairEvent, type RepairVerdict } from '../repair/repair-claim.js';
import { proofUserId } from '../claims/non-root-write.js';
import { ToolError } from '../tools/tool-error.js';
import { alignColumns } from '../text/text-width.js';
import { confirmOrFlag } from './confirm.js';
import { toolOptions } from './tool-options-from-context.js';

type T = Translate<keyof typeof repairMessages.en>;

export interface FixPermissionsOptions {
  /** `ns/name` or `name`, as typed. */
  claims: string[];
  allSuspected?: boolean;
  /** Seconds each temporary pod may take (the `--timeout` text, validated here). */
  timeout?: unknown;
}

const defaultTimeoutSeconds = 120;

export const fixPermissionsCommand: CommandRunner = (ctx, { args, options }) =>
  fixPermissionsFlow(ctx, { claims: args, allSuspected: options.allSuspected === true, timeout: options.timeout });

/**
 * `fix-permissions [PVC...]`: lists the GlusterFS-backed claims, takes the user's pick (or
 * the named / suspected ones), and for each proves a non-root write, runs the chmod pod when
 * that fails, and proves it again. Temporary pods are always removed.
 */
export async function fixPermissionsFlow(ctx: AppContext, options: FixPermissionsOptions): Promise<number> {
  const t = translator(repairMessages, ctx.lang);
  const out = (line = '') => ctx.stdout.write(`${line}\n`);

  // Every name is checked before the first kubectl command runs.
  const { claims: wanted, problems } = parseClaimArgs(options.claims);
  if (problems.length > 0) throw new UsageError(problems.map((p) => describeArgProblem(p, t, ctx.lang)).join('\n'));
  const waitSeconds = parseTimeout(options.timeout, t);

  const tool = toolOptions(ctx);
  try {
    // The lab's class counts as GlusterFS even before a PV shows it; without a lab, the provisioner decides.
    const labClass = await loadLabConfig(ctx.labDir, ctx.lang).then((c) => c.kubernetes.storage_class, () => undefined);
    let claims: InspectedClaim[];
    let scope: string;
    let allPvcs;
    try {
      const objects = await readClusterObjects(ctx.kube, tool);
      claims = await inspectClaims(ctx.kube, glusterClaims(objects, labClass), tool);
      scope = objects.scope;
      allPvcs = objects.pvcs;
    } catch (error) {
      if (!(error instanceof ToolError) || ctx.signal.aborted) throw error;
      ctx.stderr.write(`${t('clusterError', { error: error.message })}\n${t('clusterErrorHint')}\n`);
      return ExitCode.failed;
    }

    out(scope === 'all' ? t('listAll') : t('listNamespace', { namespace: scope }));
    if (claims.length === 0) {
      out(t('noClaims'));
      return wanted.length > 0 ? ExitCode.failed : ExitCode.ok;
    }
    const cells = [claimHeader(t), ...claims.map((c) => claimCells(c, t))];
    const table = alignColumns(cells, 2);
    // The picker draws the table itself; everywhere else it is printed.
    const willPick = wanted.length === 0 && !options.allSuspected && ctx.interactive;
    if (!willPick) for (const line of table) out(line);
    for (const claim of claims) {
      for (const e of claim.evidence) for (const line of e.lines) out(t('evidenceLine', { claim: claimRef(claim), pod: e.pod, line }));
    }
    out();

    let picked: InspectedClaim[];
    if (wanted.length > 0) {
      const resolved = resolveClaimArgs(wanted, claims, allPvcs);
      const errors = resolved.flatMap((r) => {
        switch (r.kind) {
          case 'found':
            return [];
          case 'ambiguous':
            return [t('ambiguous', { name: r.arg.name, candidates: r.candidates.join(', ') })];
          case 'not-gluster':
            return [t('notGluster', { claim: r.ref })];
          case 'not-found':
            return [t('notFound', { name: r.arg.name, where: r.arg.namespace ? t('notFoundIn', { namespace: r.arg.namespace }) : '' })];
        }
      });
      if (errors.length > 0) {
        ctx.stderr.write(`${errors.join('\n')}\n`);
        return resolved.some((r) => r.kind === 'ambiguous') ? ExitCode.usage : ExitCode.failed;
      }
      picked = unique(resolved.flatMap((r) => (r.kind === 'found' ? [r.claim] : [])));
      const names = picked.map(claimRef).join(', ');
      const go = await confirmOrFlag(ctx, t('confirmRepair', { claims: names }), () => new UsageError(t('needsYes', { claims: names })));
      if (!go) {
        out(t('nothingPicked'));
        return ExitCode.ok;
      }
    } else if (options.allSuspected) {
      picked = claims.filter((c) => c.suspected);
      if (picked.length === 0) {
        out(t('noneSuspected'));
        return ExitCode.ok;
      }
    } else {
      if (!ctx.interactive) throw new UsageError(t('needsNames'));
      const { pickClaims } = await import('../ui/claim-picker.js');
      // Each row follows "❯◉ " (3 columns) and must not reach the last column, or it wraps.
      const columns = (ctx.stdout as { columns?: number }).columns;
      const [header = '', ...rows] = fitClaimTable(cells, columns === undefined ? undefined : columns - 4);
      const result = await pickClaims(
        claims.map((claim, i) => ({ value: claim, label: rows[i] ?? claimRef(claim), short: claimRef(claim), preselected: claim.suspected })),
        { message: t('pickPrompt'), header, help: t('pickHelp'), signal: ctx.signal, output: ctx.stdout },
      );
      if (result.kind === 'cancelled') {
        ctx.stderr.write(`${t('pickCancelled')}\n`);
        return ExitCode.interrupted;
      }
      picked = result.values;
      if (picked.length === 0) {
        out(t('nothingPicked'));
        return ExitCode.ok;
      }
    }

    const counts = { fixed: 0, already: 0, failed: 0 };
    for (const claim of picked) {
      const onEvent = (event: RepairEvent) => out(describeEvent(event, claim, t));
      const verdict = await repairClaim(ctx.kube, claim, { tool, waitMs: (waitSeconds * 1_000) / (ctx.waitScale ?? 1), onEvent });
      for (const line of describeVerdict(verdict, claim, waitSeconds, t)) out(line);
      if (verdict.kind === 'fixed') counts.fixed++;
      else if (verdict.kind === 'already-writable') counts.already++;
      else counts.failed++;
      out();
    }
    out(t('summary', counts));
    await writeLabState(ctx.labDir, labFiles.lastRepair, { at: new Date().toISOString(), fixed: counts.fixed + counts.already, failed: counts.failed });
    return counts.failed > 0 ? ExitCode.failed : ExitCode.ok;
  } catch (error) {
    if (ctx.signal.aborted) {
      ctx.stderr.write(`${t('interrupted')}\n`);
      return ExitCode.interrupted;
    }
    throw error;
  }
}

function unique(claims: InspectedClaim[]): InspectedClaim[] {
  return claims.filter((c, i) => claims.findIndex((o) => claimRef(o) === claimRef(c)) === i);
}

function parseTimeout(value: unknown, t: T): number {
  if (value === undefined) return defaultTimeoutSeconds;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 3600) throw new UsageError(t('badTimeout', { value: typeof value === 'string' ? value : JSON.stringify(value) }));
  return seconds;
}

function describeArgProblem(p: ClaimArgProblem, t: T, lang: Lang): string {
  if (p.part === 'shape') return t('badShape', { raw: p.raw });
  const problem = nameProblemText(p.problem, lang);
  return t(p.part === 'namespace' ? 'badNamespace' : 'badName', { raw: p.raw, value: p.value, problem });
}

function describeEvent(event: RepairEvent, claim: InspectedClaim, t: T): string {
  const ref = claimRef(claim);
  if (event.type === 'cleanup') {
    return event.deleted ? t('cleanupDone', { pod: event.pod }) : t('cleanupFailed', { pod: event.pod, error: event.error ?? '', namespace: claim.namespace });
  }
  const key = event.step === 'chmod' ? 'stepChmod' : event.step === 'proof-before' ? 'stepProofBefore' : 'stepProofAfter';
  return t(key, { claim: ref, pod: event.pod, uid: proofUserId });
}

/** The result line, the pod's own lines that explain a failure, and the lasting alternative. */
function describeVerdict(verdict: RepairVerdict, claim: InspectedClaim, waitSeconds: number, t: T): string[] {
  const ref = claimRef(claim);
  const lasting = claim.gid && claim.volumeName ? t('lastingWithGid', { pv: claim.volumeName, gid: claim.gid }) : t('lastingNoGid');
  if (verdict.kind === 'already-writable') return [t('resultAlready', { claim: ref })];
  if (verdict.kind === 'fixed') return [t('resultFixed', { claim: ref, uid: proofUserId }), lasting];
  if (verdict.step === 'not-bound') return [t('resultFailed', { claim: ref, why: t('whyNotBound', { status: verdict.status }) })];
  const { outcome } = verdict;
  const exit = outcome.kind === 'failed' && outcome.exitCode !== undefined ? t('exitCode', { code: outcome.exitCode }) : '';
  let why: string;
  if (outcome.kind === 'timeout') {
    why = verdict.step === 'chmod'
      ? t('whyChmodTimeout', { seconds: waitSeconds, phase: outcome.phase, namespace: claim.namespace })
      : t('whyProofTimeout', { seconds: waitSeconds, phase: outcome.phase });
  } else {
    why = verdict.step === 'chmod' ? t('whyChmodFailed', { exit }) : verdict.step === 'proof-after' ? t('whyProofFailedAfter', { uid: proofUserId, exit }) : t('whyOther', { exit });
  }
  const reasons = outcome.lines.slice(-6).map((line) => t('reasonLine', { line }));
  return [t('resultFailed', { claim: ref, why }), ...reasons, ...(verdict.step === 'proof-before' ? [] : [lasting])];
}
