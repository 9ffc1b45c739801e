import { describe, expect, it } from 'vitest';
import { advance } from '../../../src/sim/kube-controller.js';
import { insertObject, listObjects } from '../../../src/sim/kube-store.js';
import { deniedWriteLine } from '../../../src/sim/kubectl-cli.js';
import type { ScenarioName } from '../../../src/sim/scenarios.js';
import type { KubeObject } from '../../../src/sim/kube-object.js';
import type { SimState } from '../../../src/sim/sim-state.js';
import { labWithPendingClaim, T0 } from './sim-state-fixture.js';

/** A bound-to-be lab claim and the `storage` client Deployment (root, sleeping) mounting it. */
function lab(scenarios: ScenarioName[]): SimState {
  const state = labWithPendingClaim(scenarios, 'gvol-1');
  insertObject(
    state,
    {
      kind: 'Deployment',
      metadata: { name: 'gfs-client-gvol-1', namespace: 'default' },
      spec: {
        replicas: 2,
        template: {
          metadata: { labels: { app: 'gfs-client-gvol-1' } },
          spec: {
            containers: [{ name: 'client', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'], volumeMounts: [{ name: 'gvol', mountPath: '/mnt' }] }],
            volumes: [{ name: 'gvol', persistentVolumeClaim: { claimName: 'gvol-1' } }],
          },
        },
      },
    },
    T0,
  );
  return state;
}

const uploaderPods = (state: SimState): KubeObject[] => listObjects(state, 'Pod', 'default').filter((p) => p.metadata.name.startsWith('uploader-gvol-1-'));

describe("the 'permission-denied' scenario's non-root app", () => {
  it('joins a shared GlusterFS claim as user 1000, crash-loops with busybox\'s error, and runs once a chmod pod has opened the volume', () => {
    const state = lab(['permission-denied']);
    advance(state, T0 + 3_000);
    expect(listObjects(state, 'Deployment').map((d) => d.metadata.name)).toEqual(['gfs-client-gvol-1']);
    advance(state, T0 + 5_000);
    const app = listObjects(state, 'Deployment').find((d) => d.metadata.name === 'uploader-gvol-1');
    expect(app?.spec?.template?.spec?.securityContext).toEqual({ runAsUser: 1000, runAsGroup: 1000 });
    expect(app?.spec?.template?.spec?.volumes).toEqual([{ name: 'uploads', persistentVolumeClaim: { claimName: 'gvol-1' } }]);
    expect(uploaderPods(state)).toHaveLength(1);

    advance(state, T0 + 10_000);
    const pod = uploaderPods(state)[0] as KubeObject;
    expect(pod.status?.containerStatuses?.[0]?.state.waiting?.reason).toBe('CrashLoopBackOff');
    expect(pod.status?.containerStatuses?.[0]?.restartCount).toBeGreaterThanOrEqual(1);
    // The root client pods are not affected: they only sleep.
    const clients = listObjects(state, 'Pod', 'default').filter((p) => p.metadata.name.startsWith('gfs-client-gvol-1-'));
    expect(clients.map((p) => p.status?.phase)).toEqual(['Running', 'Running']);

    // What `kubectl logs` prints for a crash-looping container.
    expect(deniedWriteLine(pod)).toBe("sh: can't create /mnt/uploads.log: Permission denied");

    state.chmodDone.push('default/gvol-1');
    advance(state, T0 + 12_000);
    const fixed = uploaderPods(state)[0] as KubeObject;
    expect(fixed.status?.phase).toBe('Running');
    expect(fixed.status?.containerStatuses?.[0]?.ready).toBe(true);
    expect(fixed.status?.containerStatuses?.[0]?.restartCount).toBeGreaterThanOrEqual(1);
  });

  it('comes once: deleting it keeps it deleted', () => {
    const state = lab(['permission-denied']);
    advance(state, T0 + 5_000);
    state.kube.objects = state.kube.objects.filter((o) => !o.metadata.name.startsWith('uploader-'));
    advance(state, T0 + 8_000);
    expect(listObjects(state, 'Deployment').map((d) => d.metadata.name)).toEqual(['gfs-client-gvol-1']);
  });

  it('is not added in the healthy scenario, nor next to a claim a non-root pod already uses', () => {
    const healthy = lab(['healthy']);
    advance(healthy, T0 + 20_000);
    expect(listObjects(healthy, 'Deployment').map((d) => d.metadata.name)).toEqual(['gfs-client-gvol-1']);

    const own = lab(['permission-denied']);
    const client = listObjects(own, 'Deployment')[0] as KubeObject;
    const template = client.spec?.template?.spec;
    if (!template) throw new Error('the client Deployment has no pod template');
    template.securityContext = { runAsUser: 1000 };
    advance(own, T0 + 20_000);
    expect(listObjects(own, 'Deployment').map((d) => d.metadata.name)).toEqual(['gfs-client-gvol-1']);
  });
});

describe('the denied write line', () => {
  const pod = (command: string[]): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', uid: 'u', resourceVersion: '1', creationTimestamp: '' }, spec: { containers: [{ command }] } });
  it("is the shell's for a redirection and touch's otherwise, naming the file under /mnt", () => {
    expect(deniedWriteLine(pod(['sh', '-c', 'echo hello > /mnt/hello.txt && sleep 3600']))).toBe("sh: can't create /mnt/hello.txt: Permission denied");
    expect(deniedWriteLine(pod(['sh', '-c', 'touch /mnt/probe; sleep 1']))).toBe('touch: /mnt/probe: Permission denied');
    expect(deniedWriteLine(pod(['sleep', '3600']))).toBe('touch: /mnt: Permission denied');
  });
});
