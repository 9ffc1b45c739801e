import type { KubeTarget } from '../context.js';
import type { PodManifest } from '../k8s/manifests.js';
import type { ToolOptions } from '../tools/tool-options.js';
import { chmodPod, writeProofPod } from './repair-pods.js';
import { runTempPod, type TempPodOutcome } from './temp-pod.js';

type RepairStep = 'proof-before' | 'chmod' | 'proof-after';

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
  const run = (step: RepairStep, manifest: PodManifest) =>
    runTempPod(kube, manifest, {
      ...options.tool,
      waitMs: options.waitMs,
      pollMs: options.pollMs,
      onCreated: (pod) => options.onEvent?.({ type: 'step', step, pod }),
      onCleanup: (pod, result) => options.onEvent?.({ type: 'cleanup', pod, ...result }),
    });

  const before = await run('proof-before', writeProofPod(claim));
  if (before.kind === 'succeeded') return { kind: 'already-writable' };
  // A proof pod that never finished cannot tell us anything about permissions (mount
  // failures, image pulls): chmod would hang the same way, so stop with its reasons.
  if (before.kind === 'timeout') return { kind: 'failed', step: 'proof-before', outcome: before };

  const chmod = await run('chmod', chmodPod(claim));
  if (chmod.kind !== 'succeeded') return { kind: 'failed', step: 'chmod', outcome: chmod };

  const after = await run('proof-after', writeProofPod(claim));
  if (after.kind !== 'succeeded') return { kind: 'failed', step: 'proof-after', outcome: after };
  return { kind: 'fixed' };
}
