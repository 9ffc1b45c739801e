import { chmodPodManifest, type PodManifest } from '../k8s/manifests.js';
import { labelled, temporaryPodName } from '../claims/non-root-write.js';

/** k8s-yaml/chmod-pod.yml for one claim, under a unique name. */
export function chmodPod(claim: { namespace: string; name: string }): PodManifest {
  return labelled(chmodPodManifest({ name: temporaryPodName('chmod', claim.name), namespace: claim.namespace, claimName: claim.name }));
}
