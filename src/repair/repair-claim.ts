import type { KubeTarget } from '../context.js';
import { testNonRootWrite } from '../claims/non-root-write.js';
import { runTempPod, type TempPodOutcome } from '../claims/temp-pod.js';
import type { ToolOptions } from '../tools/tool-options.js';
import { chmodPod } from './repair-pods.js';

export type RepairStep = 'proof-before' | 'chmod' | 'proof-after';

/** What happened to one claim. A failed step keeps the pod's outcome (exit code, its lines). */
export type RepairVerdict =
  | { kind: 'already-writable' }
  | { kind: 'fixed' }
  | { kind: 'failed'; step: 'not-bound'; status: string }
  | { kind: 'failed'; step: RepairStep; outcome: Exclude<TempPodOutcome, { kind: 'succeeded' }> };

export type RepairEvent =
  | { type: 'step'; step: RepairStep; pod: string }
  | { type: 'cleanup'; pod: string; deleted: boolean; error?: string };

export interface RepairOptions {
  tool: ToolOptions;
  /** Per temporary pod: how long it may take to finish. */
  waitMs: number;
  pollMs?: number;
  onEvent?: (event: RepairEvent) => void;
}

/**
 * Repairs one claim: first the non-root write proof (when it already works, nothing is
 * changed), else the chmod pod, then the proof again. Every temporary pod is deleted
 * whatever happens; Ctrl-C (the tool signal) rejects after that cleanup.
 */
export async function repairClaim(
  kube: KubeTarget,
  claim: { namespace: string; name: string; status: string },
  options: RepairOptions,
): Promise<RepairVerdict> {
  if (claim.status !== 'Bound') return { kind: 'failed', step: 'not-bound', status: claim.status };
  const hooks = (step: RepairStep) => ({
    onCreated: (pod: string) => options.onEvent?.({ type: 'step', step, pod }),
    onCleanup: (pod: string, result: { deleted: boolean; error?: string }) => options.onEvent?.({ type: 'cleanup', pod, ...result }),
  });
  const writeTest = (step: RepairStep) => testNonRootWrite(kube, claim, { tool: options.tool, waitMs: options.waitMs, ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }), ...hooks(step) });

  // The same test doctor runs: a claim it passes was not reported, and is left alone.
  const before = await writeTest('proof-before');
  if (before.kind === 'succeeded') return { kind: 'already-writable' };
  // A proof pod that never finished cannot tell us anything about permissions (mount
  // failures, image pulls): chmod would hang the same way, so stop with its reasons.
  if (before.kind === 'timeout') return { kind: 'failed', step: 'proof-before', outcome: before };

  const chmod = await runTempPod(kube, chmodPod(claim), { ...options.tool, waitMs: options.waitMs, ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }), ...hooks('chmod') });
  if (chmod.kind !== 'succeeded') return { kind: 'failed', step: 'chmod', outcome: chmod };

  const after = await writeTest('proof-after');
  if (after.kind !== 'succeeded') return { kind: 'failed', step: 'proof-after', outcome: after };
  return { kind: 'fixed' };
}
