import { setTimeout as sleep } from 'node:timers/promises';
import type { KubeTarget } from '../context.js';
import type { PodManifest } from '../k8s/manifests.js';
import { createManifest, deleteResource, getEvents, getPod, podLogs } from '../tools/kubectl.js';
import type { Pod } from '../tools/kubectl-types.js';
import type { ToolOptions } from '../tools/tool-options.js';
import { eventLines, hasLogs, podStateLines } from './permission-evidence.js';

/** How a one-shot pod ended: its own verdict, or it never finished in time. */
export type TempPodOutcome =
  | { kind: 'succeeded' }
  | { kind: 'failed'; exitCode?: number; reason?: string; lines: string[] }
  | { kind: 'timeout'; phase: string; lines: string[] };

export interface TempPodOptions extends ToolOptions {
  /** How long to wait for Succeeded or Failed. */
  waitMs: number;
  pollMs?: number;
  /** Deadline of the cleanup delete, which runs with its own signal. */
  cleanupMs?: number;
  onCreated?: (name: string) => void;
  onCleanup?: (name: string, result: { deleted: boolean; error?: string }) => void;
}

/**
 * Creates a pod, waits for it to end, and deletes it — the delete runs in `finally`, so
 * also after a failure, a timeout or Ctrl-C. The delete gets a fresh short signal of its
 * own: the caller's signal is the one Ctrl-C has just aborted. An interrupt is re-thrown
 * after the cleanup.
 */
export async function runTempPod(kube: KubeTarget, manifest: PodManifest, opts: TempPodOptions): Promise<TempPodOutcome> {
  const { name, namespace = 'default' } = manifest.metadata;
  const { waitMs, pollMs = 1_000, cleanupMs = 20_000, onCreated, onCleanup, ...tool } = opts;
  try {
    await createManifest(kube, manifest, tool);
    onCreated?.(name);
    const deadline = Date.now() + waitMs;
    let pod: Pod | undefined;
    for (;;) {
      pod = await getPod(kube, namespace, name, tool);
      const phase = pod.status?.phase ?? 'Pending';
      if (phase === 'Succeeded') return { kind: 'succeeded' };
      // Awaited here: a bare `return promise` would run the finally (the delete) before the pod's log and events are read.
      if (phase === 'Failed') return await failedOutcome(kube, pod, tool);
      if (Date.now() + pollMs > deadline) return { kind: 'timeout', phase, lines: await whyNotFinished(kube, pod, tool) };
      await sleep(pollMs, undefined, { signal: tool.signal });
    }
  } finally {
    const cleanup = { env: tool.env, timeoutMs: cleanupMs, signal: AbortSignal.timeout(cleanupMs + 1_000) };
    await deleteResource(kube, 'pod', name, namespace, { ...cleanup, wait: false }).then(
      () => onCleanup?.(name, { deleted: true }),
      (error: unknown) => onCleanup?.(name, { deleted: false, error: error instanceof Error ? error.message : String(error) }),
    );
  }
}

async function failedOutcome(kube: KubeTarget, pod: Pod, tool: ToolOptions): Promise<TempPodOutcome> {
  const terminated = pod.status?.containerStatuses?.[0]?.state?.terminated;
  const outcome: TempPodOutcome = { kind: 'failed', lines: await whyNotFinished(kube, pod, tool) };
  if (terminated?.exitCode !== undefined) outcome.exitCode = terminated.exitCode;
  const reason = terminated?.reason ?? pod.status?.reason;
  if (reason) outcome.reason = reason;
  return outcome;
}

/** The pod's own account: container state messages, its log and its events. Unreadable parts are left out. */
async function whyNotFinished(kube: KubeTarget, pod: Pod, tool: ToolOptions): Promise<string[]> {
  const namespace = pod.metadata.namespace ?? 'default';
  const waiting = (pod.status?.containerStatuses ?? []).flatMap((s) => (s.state?.waiting?.reason ? [s.state.waiting.reason] : []));
  const logs = hasLogs(pod) ? await podLogs(kube, namespace, pod.metadata.name, 20, tool).catch(() => '') : '';
  const events = await getEvents(kube, namespace, { kind: 'Pod', name: pod.metadata.name }, tool).then((l) => l.items, () => []);
  return [...waiting, ...podStateLines(pod), ...logs.split('\n'), ...eventLines(events)].map((l) => l.trim()).filter((l) => l.length > 0);
}
