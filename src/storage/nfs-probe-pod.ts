import { labelled, temporaryPodName } from '../claims/non-root-write.js';
import { nfsProbePodManifest, type PodManifest } from '../k8s/manifests.js';

/** k8s-yaml/nfs-probe-pod.yml against `server`, labelled temporary, under a unique name that says which server it tries. */
export function nfsProbePod(namespace: string, server: string): PodManifest {
  return labelled(nfsProbePodManifest({ name: temporaryPodName('nfs-probe', server), namespace, server }));
}
