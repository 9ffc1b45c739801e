/** The resource kinds the simulated kubectl knows, with the names kubectl accepts for them. */
export interface KindInfo {
  kind: string;
  apiVersion: string;
  plural: string;
  /** `plural.group`, as kubectl prints it ("persistentvolumeclaim/x created"). */
  singularRef: string;
  namespaced: boolean;
  aliases: string[];
}

export const kinds: KindInfo[] = [
  { kind: 'StorageClass', apiVersion: 'storage.k8s.io/v1', plural: 'storageclasses', singularRef: 'storageclass.storage.k8s.io', namespaced: false, aliases: ['storageclass', 'storageclasses', 'sc', 'storageclass.storage.k8s.io'] },
  { kind: 'PersistentVolumeClaim', apiVersion: 'v1', plural: 'persistentvolumeclaims', singularRef: 'persistentvolumeclaim', namespaced: true, aliases: ['persistentvolumeclaim', 'persistentvolumeclaims', 'pvc'] },
  { kind: 'PersistentVolume', apiVersion: 'v1', plural: 'persistentvolumes', singularRef: 'persistentvolume', namespaced: false, aliases: ['persistentvolume', 'persistentvolumes', 'pv'] },
  { kind: 'Pod', apiVersion: 'v1', plural: 'pods', singularRef: 'pod', namespaced: true, aliases: ['pod', 'pods', 'po'] },
  { kind: 'Event', apiVersion: 'v1', plural: 'events', singularRef: 'event', namespaced: true, aliases: ['event', 'events', 'ev'] },
  { kind: 'Secret', apiVersion: 'v1', plural: 'secrets', singularRef: 'secret', namespaced: true, aliases: ['secret', 'secrets'] },
  { kind: 'Deployment', apiVersion: 'apps/v1', plural: 'deployments', singularRef: 'deployment.apps', namespaced: true, aliases: ['deployment', 'deployments', 'deploy', 'deployment.apps'] },
  { kind: 'DaemonSet', apiVersion: 'apps/v1', plural: 'daemonsets', singularRef: 'daemonset.apps', namespaced: true, aliases: ['daemonset', 'daemonsets', 'ds', 'daemonset.apps'] },
  { kind: 'ServiceAccount', apiVersion: 'v1', plural: 'serviceaccounts', singularRef: 'serviceaccount', namespaced: true, aliases: ['serviceaccount', 'serviceaccounts', 'sa'] },
  { kind: 'ClusterRole', apiVersion: 'rbac.authorization.k8s.io/v1', plural: 'clusterroles', singularRef: 'clusterrole.rbac.authorization.k8s.io', namespaced: false, aliases: ['clusterrole', 'clusterroles', 'clusterrole.rbac.authorization.k8s.io'] },
  { kind: 'ClusterRoleBinding', apiVersion: 'rbac.authorization.k8s.io/v1', plural: 'clusterrolebindings', singularRef: 'clusterrolebinding.rbac.authorization.k8s.io', namespaced: false, aliases: ['clusterrolebinding', 'clusterrolebindings', 'clusterrolebinding.rbac.authorization.k8s.io'] },
  { kind: 'CSIDriver', apiVersion: 'storage.k8s.io/v1', plural: 'csidrivers', singularRef: 'csidriver.storage.k8s.io', namespaced: false, aliases: ['csidriver', 'csidrivers', 'csidriver.storage.k8s.io'] },
  { kind: 'Namespace', apiVersion: 'v1', plural: 'namespaces', singularRef: 'namespace', namespaced: false, aliases: ['namespace', 'namespaces', 'ns'] },
];

export function kindByName(name: string): KindInfo | undefined {
  const lower = name.toLowerCase();
  return kinds.find((k) => k.aliases.includes(lower));
}

export function kindByKind(kind: string): KindInfo | undefined {
  return kinds.find((k) => k.kind === kind);
}
