import { randomBytes } from 'node:crypto';
import { chmodPodManifest, nfsProbePodManifest, type PodManifest } from '../k8s/manifests.js';

/** Labels on every temporary pod, so a leftover is recognisable (`kubectl get pods -l gluster-lab/temporary`). */
export const temporaryPodLabels = { 'app.kubernetes.io/managed-by': 'gluster-lab', 'gluster-lab/temporary': 'true' } as const;

/** The non-root user the proof runs as: the first ordinary user id on most distributions. */
export const proofUserId = 1000;
export const writeTestFile = '/mnt/.gluster-lab-write-test';

/**
 * A name no other pod has: `gl-<purpose>-<claim>-<random>`, at most 63 characters (a
 * DNS-1123 label, so it is also a valid hostname), the claim part shortened if needed.
 */
export function temporaryPodName(purpose: 'chmod' | 'write-test' | 'nfs-probe', claimName: string): string {
  const suffix = randomBytes(3).toString('hex');
  const room = 63 - `gl-${purpose}--${suffix}`.length;
  const claimPart = claimName.replace(/\./g, '-').slice(0, room).replace(/-+$/, '');
  return `gl-${purpose}-${claimPart}-${suffix}`;
}

function labelled(manifest: PodManifest): PodManifest {
  return { ...manifest, metadata: { ...manifest.metadata, labels: { ...manifest.metadata.labels, ...temporaryPodLabels } } };
}

/** k8s-yaml/chmod-pod.yml for one claim, under a unique name. */
export function chmodPod(claim: { namespace: string; name: string }): PodManifest {
  return labelled(chmodPodManifest({ name: temporaryPodName('chmod', claim.name), namespace: claim.namespace, claimName: claim.name }));
}

/** k8s-yaml/nfs-probe-pod.yml against `server`, under a unique name that says which server it tries. */
export function nfsProbePod(namespace: string, server: string): PodManifest {
  return labelled(nfsProbePodManifest({ name: temporaryPodName('nfs-probe', server), namespace, server }));
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
