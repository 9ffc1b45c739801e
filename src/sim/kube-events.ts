import { randomBytes } from 'node:crypto';
import { insertObject, isoSeconds } from './kube-store.js';
import type { KubeObject } from './kube-object.js';
import type { SimState } from './sim-state.js';

export interface EventSpec {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  component: string;
  host?: string;
  /** Real ms of the first occurrence. */
  atMs: number;
  count?: number;
  lastMs?: number;
}

/**
 * Records an Event about `about`, or updates the count of the same one, as the event
 * recorder of kube-controller-manager and kubelet does.
 */
export function recordEvent(state: SimState, about: KubeObject, spec: EventSpec): void {
  const existing = state.kube.objects.find(
    (o) => o.kind === 'Event' && o.involvedObject?.uid === about.metadata.uid && o.reason === spec.reason && o.message === spec.message,
  );
  if (existing) {
    const count = spec.count ?? existing.count;
    if (count === existing.count) return;
    existing.count = count;
    existing.lastTimestamp = isoSeconds(spec.lastMs ?? Date.now());
    return;
  }
  const name = `${about.metadata.name}.${randomBytes(8).toString('hex')}`;
  insertObject(
    state,
    {
      apiVersion: 'v1',
      kind: 'Event',
      count: spec.count ?? 1,
      eventTime: null,
      firstTimestamp: isoSeconds(spec.atMs),
      involvedObject: {
        apiVersion: about.apiVersion,
        kind: about.kind,
        name: about.metadata.name,
        ...(about.metadata.namespace === undefined ? {} : { namespace: about.metadata.namespace }),
        resourceVersion: about.metadata.resourceVersion,
        uid: about.metadata.uid,
      },
      lastTimestamp: isoSeconds(spec.lastMs ?? spec.atMs),
      message: spec.message,
      metadata: { name, namespace: about.metadata.namespace ?? 'default' },
      reason: spec.reason,
      reportingComponent: spec.component,
      reportingInstance: spec.host ?? '',
      source: spec.host ? { component: spec.component, host: spec.host } : { component: spec.component },
      type: spec.type,
    },
    spec.atMs,
  );
}
