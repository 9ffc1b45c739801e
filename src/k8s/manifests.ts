import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, stringify } from 'yaml';
import { packageRoot } from '../lab/package-root.js';

/** The templates in k8s-yaml/, with the apiVersion and kind each must hold (SPEC §2). */
export const manifestTemplates = {
  heketiSecret: { file: 'heketi-secret.yml', apiVersion: 'v1', kind: 'Secret' },
  storageClass: { file: 'storageclass.yml', apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass' },
  pvc1: { file: 'gfs-pvc-1.yml', apiVersion: 'v1', kind: 'PersistentVolumeClaim' },
  pvc2: { file: 'gfs-pvc-2.yml', apiVersion: 'v1', kind: 'PersistentVolumeClaim' },
  clientDeployment: { file: 'gfs-client.yml', apiVersion: 'apps/v1', kind: 'Deployment' },
  chmodPod: { file: 'chmod-pod.yml', apiVersion: 'v1', kind: 'Pod' },
  nfsStorageClass: { file: 'nfs-storageclass.yml', apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass' },
  nfsProbePod: { file: 'nfs-probe-pod.yml', apiVersion: 'v1', kind: 'Pod' },
} as const;

type TemplateName = keyof typeof manifestTemplates;
type Path = (string | number)[];

export type AccessMode = 'ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod';

interface Metadata {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
}

export interface SecretManifest {
  apiVersion: 'v1';
  kind: 'Secret';
  metadata: Metadata;
  type: string;
  data: { key: string };
}

export interface StorageClassManifest {
  apiVersion: 'storage.k8s.io/v1';
  kind: 'StorageClass';
  metadata: Metadata;
  provisioner: string;
  parameters: { resturl: string; restuser: string; secretNamespace: string; secretName: string; volumetype: string };
  reclaimPolicy: string;
  allowVolumeExpansion: boolean;
}

/** What csi-driver-nfs does with a claim's directory when the claim is deleted. */
export type NfsOnDelete = 'delete' | 'retain' | 'archive';

export interface NfsStorageClassManifest {
  apiVersion: 'storage.k8s.io/v1';
  kind: 'StorageClass';
  metadata: Metadata;
  provisioner: string;
  parameters: { server: string; share: string; subDir: string; onDelete: NfsOnDelete; mountPermissions?: string };
  reclaimPolicy: string;
  volumeBindingMode: string;
  allowVolumeExpansion: boolean;
  mountOptions: string[];
}

export interface PvcManifest {
  apiVersion: 'v1';
  kind: 'PersistentVolumeClaim';
  metadata: Metadata;
  spec: { accessModes: AccessMode[]; resources: { requests: { storage: string } }; storageClassName: string };
}

interface PodSpec {
  restartPolicy?: string;
  containers: { name: string; image: string; command: string[]; volumeMounts?: { name: string; mountPath: string }[] }[];
  volumes?: { name: string; persistentVolumeClaim: { claimName: string } }[];
}

export interface DeploymentManifest {
  apiVersion: 'apps/v1';
  kind: 'Deployment';
  metadata: Metadata;
  spec: {
    replicas: number;
    selector: { matchLabels: Record<string, string> };
    template: { metadata: { labels: Record<string, string> }; spec: PodSpec };
  };
}

export interface PodManifest {
  apiVersion: 'v1';
  kind: 'Pod';
  metadata: Metadata;
  spec: PodSpec;
}

/** The folder holding the manifest templates of the installed package. */
export function manifestDir(): string {
  return join(packageRoot(), 'k8s-yaml');
}

/**
 * Reads a template from k8s-yaml/, checks it is the kind we expect, sets each path to its
 * value (the yaml library creates missing maps) and returns the plain object.
 */
function fillTemplate(template: TemplateName, fields: [Path, unknown][]): unknown {
  const { file, apiVersion, kind } = manifestTemplates[template];
  const path = join(manifestDir(), file);
  const doc = parseDocument(readFileSync(path, 'utf8'));
  if (doc.errors.length > 0) throw new Error(`${path}: ${doc.errors[0]?.message ?? 'invalid YAML'}`);
  if (doc.get('apiVersion') !== apiVersion || doc.get('kind') !== kind) {
    throw new Error(`${path}: expected ${apiVersion} ${kind}`);
  }
  for (const [at, value] of fields) doc.setIn(at, value);
  return doc.toJS();
}

/**
 * The Secret holding Heketi's admin key (`data.key`, base64 as Kubernetes stores it). The key
 * is trimmed as heketi.yml trims it, so a key file's final newline never breaks the match.
 */
export function heketiSecretManifest(options: { name: string; namespace: string; key: string }): SecretManifest {
  return fillTemplate('heketiSecret', [
    [['metadata', 'name'], options.name],
    [['metadata', 'namespace'], options.namespace],
    [['data', 'key'], Buffer.from(options.key.trim(), 'utf8').toString('base64')],
  ]) as SecretManifest;
}

export function storageClassManifest(options: {
  name: string;
  resturl: string;
  restuser: string;
  secretName: string;
  secretNamespace: string;
  /** Heketi's volume type; the template's `replicate:3` when absent. */
  volumetype?: string;
}): StorageClassManifest {
  const fields: [Path, unknown][] = [
    [['metadata', 'name'], options.name],
    [['parameters', 'resturl'], options.resturl],
    [['parameters', 'restuser'], options.restuser],
    [['parameters', 'secretName'], options.secretName],
    [['parameters', 'secretNamespace'], options.secretNamespace],
  ];
  if (options.volumetype !== undefined) fields.push([['parameters', 'volumetype'], options.volumetype]);
  return fillTemplate('storageClass', fields) as StorageClassManifest;
}

/** A claim; `size` is a Kubernetes quantity such as `10Gi`, validated by the caller. */
export function pvcManifest(options: {
  name: string;
  namespace: string;
  size: string;
  accessMode: AccessMode;
  storageClassName: string;
}): PvcManifest {
  return fillTemplate('pvc1', [
    [['metadata', 'name'], options.name],
    [['metadata', 'namespace'], options.namespace],
    [['spec', 'accessModes'], [options.accessMode]],
    [['spec', 'resources', 'requests', 'storage'], options.size],
    [['spec', 'storageClassName'], options.storageClassName],
  ]) as PvcManifest;
}

/** The client Deployment mounting `claimName` at /mnt; its name also labels and selects its pods. */
export function clientDeploymentManifest(options: {
  name?: string;
  namespace: string;
  claimName: string;
  replicas?: number;
}): DeploymentManifest {
  const fields: [Path, unknown][] = [
    [['metadata', 'namespace'], options.namespace],
    [['spec', 'template', 'spec', 'volumes', 0, 'persistentVolumeClaim', 'claimName'], options.claimName],
  ];
  if (options.name !== undefined) {
    fields.push(
      [['metadata', 'name'], options.name],
      [['metadata', 'labels', 'app'], options.name],
      [['spec', 'selector', 'matchLabels', 'app'], options.name],
      [['spec', 'template', 'metadata', 'labels', 'app'], options.name],
    );
  }
  if (options.replicas !== undefined) fields.push([['spec', 'replicas'], options.replicas]);
  return fillTemplate('clientDeployment', fields) as DeploymentManifest;
}

/** The one-shot pod that runs `chmod a+w /mnt` on `claimName` (the permission workaround). */
export function chmodPodManifest(options: { name: string; namespace: string; claimName: string }): PodManifest {
  return fillTemplate('chmodPod', [
    [['metadata', 'name'], options.name],
    [['metadata', 'namespace'], options.namespace],
    [['spec', 'volumes', 0, 'persistentVolumeClaim', 'claimName'], options.claimName],
  ]) as PodManifest;
}

/**
 * The CSI path's class: csi-driver-nfs on the lab's export. `mountPermissions` (octal, e.g.
 * "0777") makes the driver chmod each claim's directory — the world-writable prevention.
 */
export function nfsStorageClassManifest(options: {
  name: string;
  server: string;
  share: string;
  onDelete: NfsOnDelete;
  mountPermissions?: string;
}): NfsStorageClassManifest {
  const fields: [Path, unknown][] = [
    [['metadata', 'name'], options.name],
    [['parameters', 'server'], options.server],
    [['parameters', 'share'], options.share],
    [['parameters', 'onDelete'], options.onDelete],
  ];
  if (options.mountPermissions !== undefined) fields.push([['parameters', 'mountPermissions'], options.mountPermissions]);
  return fillTemplate('nfsStorageClass', fields) as NfsStorageClassManifest;
}

/** The template's stand-in for the server in the probe's command. */
const probeServerPlaceholder = 'nfs-server.invalid';

/** The probe pod that tries TCP port 2049 on `server` from inside the cluster (k8s-yaml/nfs-probe-pod.yml). */
export function nfsProbePodManifest(options: { name: string; namespace: string; server: string }): PodManifest {
  const pod = fillTemplate('nfsProbePod', [
    [['metadata', 'name'], options.name],
    [['metadata', 'namespace'], options.namespace],
  ]) as PodManifest;
  const [container] = pod.spec.containers;
  if (!container?.command.includes(probeServerPlaceholder)) throw new Error(`k8s-yaml/nfs-probe-pod.yml: the command must name ${probeServerPlaceholder}`);
  const command = container.command.map((word) => (word === probeServerPlaceholder ? options.server : word));
  return { ...pod, spec: { ...pod.spec, containers: [{ ...container, command }] } };
}

/** YAML text of a manifest, as `kubectl apply -f -` reads it. */
export function toYaml(manifest: object): string {
  return stringify(manifest, { lineWidth: 0 });
}
