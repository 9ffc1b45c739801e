import { csiDriverName } from '../k8s/csi-driver-name.js';
import { classParameter, isLabNfsClass, labNfsExport, type LabNfsExport } from '../k8s/lab-nfs-export.js';
import type { LabConfig } from '../lab/config-schema.js';
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

/** Which of the lab's two paths a claim came by (SPEC §2). */
export type ClaimPath = 'heketi' | 'csi';

/** A claim on the lab's Gluster pool, by either path, with what fix-permissions shows about it. */
export interface LabClaim {
  namespace: string;
  name: string;
  path: ClaimPath;
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

/** What makes a claim the lab's: the Heketi path's class name, the CSI path's class and servers. */
export interface LabClaimRules {
  heketiClass?: string;
  nfs?: Pick<LabNfsExport, 'className' | 'servers'>;
}

/** The rules of a lab from its gluster-lab.yaml; without a lab only the glusterfs provisioner says anything. */
export function labClaimRules(config: LabConfig | undefined): LabClaimRules {
  return config ? { heketiClass: config.kubernetes.storage_class, nfs: labNfsExport(config) } : {};
}

/**
 * Which path a claim is on, or undefined when it is not the lab's. Heketi path: its class is
 * the lab's Heketi class or uses the glusterfs provisioner, or its PV has a glusterfs source.
 * CSI path: its class is csi-driver-nfs on one of the lab's gluster nodes (or, while no such
 * class can be read, has the lab's CSI class name), or its PV is a csi-driver-nfs volume
 * served by one of them — another NFS server's claims are not the lab's to repair.
 */
export function labClaimPath(pvc: Pvc, objects: Pick<ClusterObjects, 'classes' | 'pvs'>, rules: LabClaimRules = {}): ClaimPath | undefined {
  const className = pvc.spec.storageClassName;
  const cls = objects.classes.find((c) => c.metadata.name === className);
  const pv = boundVolume(pvc, objects.pvs);
  if (className !== undefined && className === rules.heketiClass) return 'heketi';
  if (cls?.provisioner === glusterfsProvisioner || pv?.spec.glusterfs !== undefined) return 'heketi';
  const nfs = rules.nfs;
  if (!nfs) return undefined;
  if (cls ? isLabNfsClass(cls, nfs) : className !== undefined && className === nfs.className) return 'csi';
  const server = pv?.spec.csi?.volumeAttributes ? classParameter({ parameters: pv.spec.csi.volumeAttributes }, 'server') : undefined;
  if (pv?.spec.csi?.driver === csiDriverName && nfs.servers.includes(server ?? '')) return 'csi';
  return undefined;
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

/** Every claim of the lab the objects hold, by either path, sorted by namespace and name. */
export function labClaims(objects: ClusterObjects, rules: LabClaimRules = {}): LabClaim[] {
  return objects.pvcs
    .flatMap((pvc) => {
      const path = labClaimPath(pvc, objects, rules);
      return path === undefined ? [] : [{ pvc, path }];
    })
    .map(({ pvc, path }) => {
      const pv = boundVolume(pvc, objects.pvs);
      const claim: LabClaim = {
        namespace: pvc.metadata.namespace ?? 'default',
        name: pvc.metadata.name,
        path,
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
