/**
 * The parts of Kubernetes objects that gluster-lab reads from `kubectl ... -o json`
 * (field names as in the Kubernetes API reference, core/v1 and storage.k8s.io/v1).
 * Everything else the server sends is still there at run time, just not typed.
 */

/** A namespace's name, or 'all' for every namespace (kubectl's `-A`). */
export type NamespaceScope = string;

/** Where kubectl should point: passed as `--context` / `--kubeconfig` to every call. */
export interface KubeTarget {
  context?: string;
  kubeconfig?: string;
  /**
   * The lab's own cluster's kubeconfig: used whenever the file exists (it appears when `up`
   * brings the lab's Kubernetes node up) and neither `context` nor `kubeconfig` is given.
   */
  labKubeconfig?: string;
}

interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface K8sList<T> {
  apiVersion: string;
  kind: string;
  items: T[];
  metadata?: { resourceVersion?: string };
}

export interface StorageClass {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  provisioner: string;
  parameters?: Record<string, string>;
  reclaimPolicy?: string;
  volumeBindingMode?: string;
  allowVolumeExpansion?: boolean;
}

export interface Pvc {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  spec: {
    accessModes?: string[];
    resources?: { requests?: { storage?: string } };
    storageClassName?: string;
    volumeName?: string;
    volumeMode?: string;
  };
  status?: {
    /** Pending, Bound or Lost */
    phase?: string;
    accessModes?: string[];
    capacity?: { storage?: string };
  };
}

export interface Pv {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  spec: {
    capacity?: { storage?: string };
    accessModes?: string[];
    persistentVolumeReclaimPolicy?: string;
    storageClassName?: string;
    claimRef?: { kind?: string; namespace?: string; name?: string; uid?: string };
    /** The in-tree volume source a Heketi-provisioned PV carries. */
    glusterfs?: { endpoints: string; endpointsNamespace?: string; path: string; readOnly?: boolean };
    /** A CSI volume: csi-driver-nfs's carries `server`, `share` and `subdir` in its attributes. */
    csi?: { driver: string; volumeHandle: string; volumeAttributes?: Record<string, string> };
    mountOptions?: string[];
  };
  status?: { phase?: string; reason?: string; message?: string };
}

interface ContainerState {
  waiting?: { reason?: string; message?: string };
  running?: { startedAt?: string };
  terminated?: { exitCode: number; reason?: string; message?: string };
}

export interface Pod {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  spec: {
    nodeName?: string;
    containers: { name: string; image?: string; volumeMounts?: { name: string; mountPath: string }[] }[];
    volumes?: { name: string; persistentVolumeClaim?: { claimName: string; readOnly?: boolean } }[];
  };
  status?: {
    /** Pending, Running, Succeeded, Failed or Unknown */
    phase?: string;
    reason?: string;
    message?: string;
    conditions?: { type: string; status: string; reason?: string; message?: string }[];
    containerStatuses?: {
      name: string;
      ready: boolean;
      restartCount: number;
      state?: ContainerState;
      lastState?: ContainerState;
    }[];
  };
}

export interface K8sEvent {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  involvedObject: { kind?: string; name?: string; namespace?: string; uid?: string };
  reason?: string;
  message?: string;
  /** Normal or Warning */
  type?: string;
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  source?: { component?: string; host?: string };
  reportingComponent?: string;
}

/** One side of `kubectl version -o json` (`clientVersion` / `serverVersion`). */
export interface KubeVersionInfo {
  major: string;
  /** May carry a `+` ("32+") on distribution builds. */
  minor: string;
  gitVersion: string;
  platform?: string;
}

/** Where kubectl points, read from `kubectl config view --minify -o json`. */
export interface KubeCurrentTarget {
  context: string;
  cluster: string;
  server: string;
  user: string;
  namespace?: string;
}

/** A Deployment or DaemonSet, as far as waiting for its pods to be ready needs. */
export interface Workload {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  spec?: { replicas?: number; selector?: { matchLabels?: Record<string, string> } };
  status?: {
    /** Deployment */
    replicas?: number;
    readyReplicas?: number;
    /** DaemonSet */
    desiredNumberScheduled?: number;
    numberReady?: number;
  };
}

/** A Secret: its type, (base64) data and annotations are read, to compare before writing it. */
export interface Secret {
  apiVersion?: string;
  kind?: string;
  metadata: { name: string; namespace?: string; annotations?: Record<string, string> };
  type?: string;
  data?: Record<string, string>;
}
