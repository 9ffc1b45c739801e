import { randomBytes } from 'node:crypto';
import { kindByKind } from './kube-kinds.js';
import type { KubeBody, KubeList, KubeMeta, KubeObject } from './kube-object.js';
import type { SimState } from './sim-state.js';

/** Object storage with the bookkeeping the API server does: uid, resourceVersion, timestamps. */
export function isoSeconds(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

export function newUid(): string {
  const h = randomBytes(16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function bumpVersion(state: SimState, obj: KubeObject): void {
  state.counters.resourceVersion += 1;
  obj.metadata.resourceVersion = String(state.counters.resourceVersion);
}

export function findObject(state: SimState, kind: string, name: string, namespace?: string): KubeObject | undefined {
  const namespaced = kindByKind(kind)?.namespaced ?? true;
  return state.kube.objects.find((o) => o.kind === kind && o.metadata.name === name && (!namespaced || o.metadata.namespace === namespace));
}

export function listObjects(state: SimState, kind: string, namespace?: string): KubeObject[] {
  return state.kube.objects.filter((o) => o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace));
}

/** Stores a new object as the API server would; `atMs` is when it came to be (real ms). */
export function insertObject(state: SimState, body: KubeBody, atMs = Date.now()): KubeObject {
  const info = kindByKind(String(body.kind));
  const draft = structuredClone(body);
  draft.apiVersion = info?.apiVersion ?? draft.apiVersion;
  const meta = (draft.metadata ??= {});
  if (info?.namespaced) meta.namespace ??= 'default';
  else delete meta.namespace;
  const uid = (meta.uid = newUid());
  meta.creationTimestamp = isoSeconds(atMs);
  // The name is the manifest's; uid, creation time and (next) resourceVersion are the server's.
  const obj = draft as KubeObject;
  bumpVersion(state, obj);
  state.kube.born[uid] = atMs;
  state.kube.objects.push(obj);
  return obj;
}

export function removeObject(state: SimState, obj: KubeObject): void {
  state.kube.objects = state.kube.objects.filter((o) => o !== obj);
  delete state.kube.born[obj.metadata.uid];
}

export function bornMs(state: SimState, obj: KubeObject): number {
  return state.kube.born[obj.metadata.uid] ?? Date.now();
}

/** The JSON kubectl prints: metadata keys in the API server's order. */
export function presentObject(obj: KubeObject): KubeObject {
  const { annotations, creationTimestamp, labels, name, namespace, resourceVersion, uid, ...rest } = obj.metadata;
  const metadata: Record<string, unknown> = {};
  if (annotations) metadata.annotations = annotations;
  metadata.creationTimestamp = creationTimestamp;
  Object.assign(metadata, rest);
  if (labels) metadata.labels = labels;
  metadata.name = name;
  if (namespace !== undefined) metadata.namespace = namespace;
  metadata.resourceVersion = resourceVersion;
  metadata.uid = uid;
  return { ...obj, metadata: metadata as KubeMeta };
}

export function listJson(items: KubeObject[]): KubeList {
  return { apiVersion: 'v1', items: items.map(presentObject), kind: 'List', metadata: { resourceVersion: '' } };
}

/**
 * What the PV controller does once a provisioner made `pv` for `pvc`: the claim's binding
 * annotations (naming the provisioner), its volumeName, and status Bound with the PV's modes
 * and `size`.
 */
export function bindClaim(state: SimState, pvc: KubeObject, pv: KubeObject, provisioner: string, size: string): void {
  pvc.metadata.annotations = {
    ...(pvc.metadata.annotations ?? {}),
    'pv.kubernetes.io/bind-completed': 'yes',
    'pv.kubernetes.io/bound-by-controller': 'yes',
    'volume.beta.kubernetes.io/storage-provisioner': provisioner,
    'volume.kubernetes.io/storage-provisioner': provisioner,
  };
  (pvc.spec ??= {}).volumeName = pv.metadata.name;
  pvc.status = { accessModes: pv.spec?.accessModes ?? [], capacity: { storage: size }, phase: 'Bound' };
  bumpVersion(state, pvc);
}
