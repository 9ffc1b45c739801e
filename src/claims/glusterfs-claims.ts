import type { Pod, Pv, Pvc } from '../tools/kubectl-types.js';
import type { ClusterObjects } from './cluster-objects.js';
import { containerUserIds } from './pod-users.js';

const glusterfsProvisioner = 'kubernetes.io/glusterfs';
/** Set by the glusterfs provisioner on each volume it makes: the group that owns the volume's root. */
const gidAnnotation = 'pv.beta.kubernetes.io/gid';

/** A pod that mounts a claim. */
interface ClaimPod {
  name: string;
  phase: string;
  /** Per container: runAsUser, or undefined when the image decides. */
  userIds: (number | undefined)[];
  pod: Pod;
}

/** A GlusterFS-backed claim with what fix-permissions shows about it. */
export interface GlusterClaim {
  namespace: string;
  name: string;
  /** Pending, Bound, Lost */
  status: string;
  /** Bound size, or the requested size while Pending. */
  capacity: string;
  volumeName?: string;
  /** The volume's group id (pv.beta.kubernetes.io/gid), when the provisioner set one. */
  gid?: string;
  pods: ClaimPod[];
}

/** `ns/name`, as the claim is named everywhere in output and arguments. */
export function claimRef(claim: { namespace: string; name: string }): string {
  return `${claim.namespace}/${claim.name}`;
}

/**
 * True when the claim's volume is GlusterFS: its class uses the glusterfs provisioner
 * (or is the lab's class), or its bound PV carries a glusterfs source.
 */
function isGlusterClaim(pvc: Pvc, objects: Pick<ClusterObjects, 'classes' | 'pvs'>, labClass?: string): boolean {
  const className = pvc.spec.storageClassName;
  if (className !== undefined && className === labClass) return true;
  const cls = objects.classes.find((c) => c.metadata.name === className);
  if (cls?.provisioner === glusterfsProvisioner) return true;
  return boundVolume(pvc, objects.pvs)?.spec.glusterfs !== undefined;
}

function boundVolume(pvc: Pvc, pvs: readonly Pv[]): Pv | undefined {
  const name = pvc.spec.volumeName;
  return name ? pvs.find((pv) => pv.metadata.name === name) : undefined;
}

/** Pods in the claim's namespace that mount it. */
function podsUsingClaim(pvc: Pvc, pods: readonly Pod[]): Pod[] {
  const namespace = pvc.metadata.namespace ?? 'default';
  return pods.filter(
    (pod) =>
      (pod.metadata.namespace ?? 'default') === namespace &&
      (pod.spec.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name),
  );
}

/** Every GlusterFS-backed claim the objects hold, sorted by namespace and name. */
export function glusterClaims(objects: ClusterObjects, labClass?: string): GlusterClaim[] {
  return objects.pvcs
    .filter((pvc) => isGlusterClaim(pvc, objects, labClass))
    .map((pvc) => {
      const pv = boundVolume(pvc, objects.pvs);
      const claim: GlusterClaim = {
        namespace: pvc.metadata.namespace ?? 'default',
        name: pvc.metadata.name,
        status: pvc.status?.phase ?? 'Pending',
        capacity: pvc.status?.capacity?.storage ?? pvc.spec.resources?.requests?.storage ?? '',
        pods: podsUsingClaim(pvc, objects.pods).map((pod) => ({
          name: pod.metadata.name,
          phase: pod.status?.phase ?? '',
          userIds: containerUserIds(pod),
          pod,
        })),
      };
      if (pvc.spec.volumeName) claim.volumeName = pvc.spec.volumeName;
      const gid = pv?.metadata.annotations?.[gidAnnotation];
      if (gid) claim.gid = gid;
      return claim;
    })
    .sort((a, b) => claimRef(a).localeCompare(claimRef(b)));
}
