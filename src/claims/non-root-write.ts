import { randomBytes } from 'node:crypto';
import type { KubeTarget } from '../context.js';
import { chmodPodManifest, type PodManifest } from '../k8s/manifests.js';
import type { ToolOptions } from '../tools/tool-options.js';
import { runTempPod, type TempPodOutcome } from './temp-pod.js';

/** Labels on every temporary pod, so a leftover is recognisable (`kubectl get pods -l gluster-lab/temporary`). */
export const temporaryPodLabels = { 'app.kubernetes.io/managed-by': 'gluster-lab', 'gluster-lab/temporary': 'true' } as const;

/** The non-root user the proof runs as: the first ordinary user id on most distributions. */
export const proofUserId = 1000;
export const writeTestFile = '/mnt/.gluster-lab-write-test';

/**
 * A name no other pod has: `gl-<purpose>-<claim>-<random>`, at most 63 characters (a
 * DNS-1123 label, so it is also a valid hostname), the claim part shortened if needed.
 */
export function temporaryPodName(purpose: 'chmod' | 'write-test', claimName: string): string {
  const suffix = randomBytes(3).toString('hex');
  const room = 63 - `gl-${purpose}--${suffix}`.length;
  const claimPart = claimName.replace(/\./g, '-').slice(0, room).replace(/-+$/, '');
  return `gl-${purpose}-${claimPart}-${suffix}`;
}

/** A temporary pod's manifest with the labels that mark it as ours. */
export function labelled(manifest: PodManifest): PodManifest {
  return { ...manifest, metadata: { ...manifest.metadata, labels: { ...manifest.metadata.labels, ...temporaryPodLabels } } };
}

/**
 * The proof: the chmod template's image and volume (one place names the image), run as
 * user 1000 with a command that creates and removes a file at the volume's root. It
 * succeeds exactly when a non-root container can write there.
 */
export function writeProofPod(claim: { namespace: string; name: string }): PodManifest {
  const base = chmodPodManifest({ name: temporaryPodName('write-test', claim.name), namespace: claim.namespace, claimName: claim.name });
  const [container] = base.spec.containers;
  if (!container) throw new Error('k8s-yaml/chmod-pod.yml has no container');
  const spec = {
    ...base.spec,
    restartPolicy: 'Never',
    securityContext: { runAsUser: proofUserId, runAsNonRoot: true },
    containers: [{ ...container, name: 'write-test', command: ['sh', '-c', `touch ${writeTestFile} && rm ${writeTestFile}`] }],
  };
  return labelled({ ...base, spec });
}

export interface WriteTestOptions {
  tool: ToolOptions;
  /** How long the test pod may take to finish. */
  waitMs: number;
  pollMs?: number;
  onCreated?: (pod: string) => void;
  onCleanup?: (pod: string, result: { deleted: boolean; error?: string }) => void;
}

/**
 * Can a non-root container write to the claim's volume? The one test `doctor` and
 * `fix-permissions` both run — a pod as user 1000 creating a file at the volume's root,
 * deleted afterwards — so doctor reports a claim exactly when the repair would find it
 * refused. `succeeded`: it can; `failed`: it cannot (the pod's lines say why); `timeout`:
 * the pod never finished (mount or image trouble), which says nothing about permissions.
 */
export function testNonRootWrite(kube: KubeTarget, claim: { namespace: string; name: string }, options: WriteTestOptions): Promise<TempPodOutcome> {
  const { tool, waitMs, pollMs, onCreated, onCleanup } = options;
  return runTempPod(kube, writeProofPod(claim), { ...tool, waitMs, ...(pollMs === undefined ? {} : { pollMs }), ...(onCreated ? { onCreated } : {}), ...(onCleanup ? { onCleanup } : {}) });
}
