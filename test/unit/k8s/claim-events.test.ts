import { describe, expect, it } from 'vitest';
import { claimTable } from '../../../src/k8s/pvc-pv-table.js';
import { alignColumns } from '../../../src/text/text-width.js';
import { EventTracker } from '../../../src/k8s/event-tracker.js';
import { kubeAge } from '../../../src/k8s/kube-age.js';
import type { K8sEvent, Pv, Pvc } from '../../../src/tools/kubectl-types.js';

const event = (uid: string, count: number, at: string): K8sEvent => ({
  metadata: { name: `e-${uid}`, uid },
  involvedObject: { kind: 'PersistentVolumeClaim', name: 'gvol-1' },
  reason: 'ProvisioningFailed',
  type: 'Warning',
  count,
  lastTimestamp: at,
});

describe('events as they arrive', () => {
  it('returns each event once, and again as a repeat only when its count rose', () => {
    const tracker = new EventTracker();
    expect(tracker.fresh([event('b', 1, '2024-01-01T00:00:02Z'), event('a', 1, '2024-01-01T00:00:01Z')]).map((e) => [e.event.metadata.uid, e.repeat])).toEqual([
      ['a', false],
      ['b', false],
    ]);
    expect(tracker.fresh([event('a', 1, '2024-01-01T00:00:01Z'), event('b', 1, '2024-01-01T00:00:02Z')])).toEqual([]);
    expect(tracker.fresh([event('a', 3, '2024-01-01T00:00:05Z')]).map((e) => [e.event.count, e.repeat])).toEqual([[3, true]]);
  });
});

describe('the kubectl get pvc,pv table', () => {
  const now = new Date('2024-01-01T00:10:00Z');
  it('prints ages as kubectl does', () => {
    expect(kubeAge('2024-01-01T00:09:15Z', now)).toBe('45s');
    expect(kubeAge('2024-01-01T00:06:40Z', now)).toBe('3m20s');
    expect(kubeAge('2023-12-31T00:10:00Z', now)).toBe('24h');
    expect(kubeAge('2023-12-29T22:10:00Z', now)).toBe('2d2h');
    expect(kubeAge(undefined, now)).toBe('<unknown>');
  });
  it('lays out the claim and its volume in columns', () => {
    const pvc: Pvc = {
      metadata: { name: 'gvol-1', namespace: 'default', creationTimestamp: '2024-01-01T00:09:30Z' },
      spec: { storageClassName: 'gluster-heketi', volumeName: 'pvc-1' },
      status: { phase: 'Bound', accessModes: ['ReadWriteMany'], capacity: { storage: '10Gi' } },
    };
    const pv: Pv = {
      metadata: { name: 'pvc-1', creationTimestamp: '2024-01-01T00:09:31Z' },
      spec: { capacity: { storage: '10Gi' }, accessModes: ['ReadWriteMany'], storageClassName: 'gluster-heketi', claimRef: { namespace: 'default', name: 'gvol-1' } },
      status: { phase: 'Bound' },
    };
    expect(alignColumns(claimTable(pvc, pv, now), 3)).toEqual([
      'NAME                           STATUS   VOLUME           CAPACITY   ACCESS MODES   STORAGECLASS     AGE',
      'persistentvolumeclaim/gvol-1   Bound    pvc-1            10Gi       RWX            gluster-heketi   30s',
      'persistentvolume/pvc-1         Bound    default/gvol-1   10Gi       RWX            gluster-heketi   29s',
    ]);
  });
});
