import type { KubeTarget } from '../context.js';
import { getEvents, podLogs } from '../tools/kubectl.js';
import type { Pod } from '../tools/kubectl-types.js';
import type { ToolOptions } from '../tools/tool-options.js';
import type { LabClaim } from './lab-claims.js';
import { eventLines, hasLogs, permissionDeniedLines, podStateLines } from './permission-evidence.js';
import { mayRunAsNonRoot } from './pod-users.js';
import { allEnded } from '../tools/all-ended.js';

/** How many log lines per pod are searched: the failure is recent if the pod still shows it. */
const logTailLines = 50;

interface PodEvidence {
  pod: string;
  lines: string[];
}

/** A claim with the verdict: is a permission problem suspected, and what shows it. */
export interface InspectedClaim extends LabClaim {
  suspected: boolean;
  evidence: PodEvidence[];
}

/**
 * Every line that may say why the pod cannot write: its containers' state, its recent log
 * (when a container has started) and its events. A pod that cannot be read gives no lines.
 */
async function podDiagnosticLines(kube: KubeTarget, pod: Pod, opts: ToolOptions): Promise<string[]> {
  const namespace = pod.metadata.namespace ?? 'default';
  const [logs, events] = await Promise.all([
    hasLogs(pod) ? podLogs(kube, namespace, pod.metadata.name, logTailLines, opts).catch(() => '') : Promise.resolve(''),
    getEvents(kube, namespace, { kind: 'Pod', name: pod.metadata.name }, opts).then((l) => l.items, () => []),
  ]);
  return [...podStateLines(pod), ...logs.split('\n'), ...eventLines(events)];
}

/**
 * Suspects a claim when a pod using it that runs (or may run) as non-root shows
 * `Permission denied` in its state, log or events. Root pods are not asked: root can write.
 */
export async function inspectClaims(kube: KubeTarget, claims: readonly LabClaim[], opts: ToolOptions): Promise<InspectedClaim[]> {
  return allEnded(
    claims.map(async (claim) => {
      const evidence: PodEvidence[] = [];
      for (const { pod, name } of claim.pods) {
        if (!mayRunAsNonRoot(pod)) continue;
        const lines = permissionDeniedLines(await podDiagnosticLines(kube, pod, opts));
        if (lines.length > 0) evidence.push({ pod: name, lines });
      }
      return { ...claim, suspected: evidence.length > 0, evidence };
    }),
  );
}
