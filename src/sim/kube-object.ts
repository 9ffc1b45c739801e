/**
 * The objects the simulated API server stores. A Kubernetes object is open-ended JSON: the
 * simulator keeps whatever a manifest holds and reads or writes a few fields of each kind, typed
 * here by their names in the API reference (core/v1, apps/v1, storage.k8s.io/v1). One shape
 * serves every kind, so each known field is optional and anything else is `unknown`.
 */

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface KubeMeta {
  name: string;
  namespace?: string;
  uid: string;
  resourceVersion: string;
  creationTimestamp: string;
  generateName?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  [key: string]: unknown;
}

export interface SecurityContext {
  runAsUser?: number;
  runAsGroup?: number;
  [key: string]: unknown;
}

export interface Container {
  name?: string;
  image?: string;
  command?: string[];
  args?: string[];
  securityContext?: SecurityContext;
  [key: string]: unknown;
}

export interface PodVolume {
  name?: string;
  persistentVolumeClaim?: { claimName?: string; readOnly?: boolean };
  [key: string]: unknown;
}

export interface PodSpec {
  containers?: Container[];
  volumes?: PodVolume[];
  securityContext?: SecurityContext;
  nodeName?: string;
  restartPolicy?: string;
  [key: string]: unknown;
}

/** The spec fields the simulator reads, of Pods, PersistentVolumeClaims, PersistentVolumes and Deployments. */
export interface KubeSpec extends PodSpec {
  accessModes?: string[];
  storageClassName?: string;
  /** PersistentVolumeClaim: the volume it is bound to. */
  volumeName?: string;
  volumeMode?: string;
  resources?: { requests?: { storage?: string } };
  /** PersistentVolume */
  capacity?: { storage?: string };
  persistentVolumeReclaimPolicy?: string;
  glusterfs?: { endpoints: string; endpointsNamespace?: string; path: string };
  /** PersistentVolume of a CSI driver (csi-driver-nfs: server, share, subdir in the attributes). */
  csi?: { driver: string; volumeHandle: string; volumeAttributes?: Record<string, string> };
  mountOptions?: string[];
  /** Deployment */
  replicas?: number;
  template?: { metadata?: { labels?: Record<string, string> }; spec?: PodSpec };
}

export interface ContainerState {
  waiting?: { reason?: string; message?: string };
  running?: { startedAt?: string };
  terminated?: { exitCode: number; reason?: string; startedAt?: string; finishedAt?: string };
}

export interface ContainerStatus {
  name: string;
  image: string;
  imageID: string;
  ready: boolean;
  restartCount: number;
  started: boolean;
  state: ContainerState;
  lastState?: ContainerState;
}

export interface KubeStatus {
  phase?: string;
  containerStatuses?: ContainerStatus[];
  accessModes?: string[];
  capacity?: { storage?: string };
  [key: string]: unknown;
}

/** The fields of an object that are not its identity: what a manifest or a controller sets. */
interface KubeContent {
  kind: string;
  spec?: KubeSpec;
  status?: KubeStatus;
  /** StorageClass */
  provisioner?: string;
  parameters?: Record<string, string>;
  reclaimPolicy?: string;
  volumeBindingMode?: string;
  mountOptions?: string[];
  /** Event */
  involvedObject?: { apiVersion?: string; kind?: string; name?: string; namespace?: string; resourceVersion?: string; uid?: string };
  reason?: string;
  message?: string;
  count?: number;
  lastTimestamp?: string;
  [key: string]: unknown;
}

/** An object as stored: the API server has given it a uid, a resourceVersion and a creation time. */
export interface KubeObject extends KubeContent {
  apiVersion: string;
  metadata: KubeMeta;
}

/** An object as sent to the API server (a manifest, or what a controller creates): identity comes on insert. */
export interface KubeBody extends KubeContent {
  apiVersion?: string;
  metadata?: Partial<KubeMeta>;
}

export interface KubeList {
  apiVersion: 'v1';
  items: KubeObject[];
  kind: 'List';
  metadata: { resourceVersion: string };
}
