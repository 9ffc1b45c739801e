import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { diagnoseLines } from '../../../src/diagnosis/findings-for-lines.js';
import { csiDriverRelease } from '../../../src/k8s/csi-driver-release.js';
import { nfsProbePodManifest, nfsStorageClassManifest, pvcManifest } from '../../../src/k8s/manifests.js';
import { defaultLabConfig } from '../../../src/lab/defaults.js';
import { csiDf, csiPodLog } from '../../../src/sim/csi-driver-model.js';
import { advance, writeDenied } from '../../../src/sim/kube-controller.js';
import type { KubeBody, KubeObject } from '../../../src/sim/kube-object.js';
import { insertObject, listObjects } from '../../../src/sim/kube-store.js';
import { newHeketiModel } from '../../../src/sim/heketi-model.js';
import { newNfsModel } from '../../../src/sim/nfs-model.js';
import type { ScenarioName } from '../../../src/sim/scenarios.js';
import type { SimState } from '../../../src/sim/sim-state.js';
import { T0 } from './sim-state-fixture.js';

const server = '172.20.1.21';

/** A lab whose gluster VMs run provisioned (their Ganesha answers), with nothing of the driver yet. */
function labState(scenarios: ScenarioName[]): SimState {
  const running = { state: 'running' as const, provisioned: true };
  return {
    scenarios,
    speed: 1,
    kubeContext: 'minikube',
    counters: { uid: 0, resourceVersion: 1, event: 0 },
    machines: { heketi: running, gluster1: running, gluster2: running, gluster3: running },
    kube: { objects: [], born: {} },
    heketi: newHeketiModel(['172.20.1.21', '172.20.1.22', '172.20.1.23'], 20, '/dev/sdb'),
    heketiMachine: 'heketi',
    hostOnlyAddress: '172.20.1.1',
    chmodDone: [],
    nfs: newNfsModel(defaultLabConfig),
  };
}

/** What `kubectl apply -f` of the four shipped files stores. */
function installDriver(state: SimState, at = T0): void {
  for (const manifest of csiDriverRelease().manifests) {
    for (const doc of parseAllDocuments(manifest.text)) {
      const body = doc.toJS() as KubeBody | null;
      if (body) insertObject(state, body, at);
    }
  }
}

function claimOn(state: SimState, name: string, cls: { mountPermissions?: string; share?: string } = {}, at = T0): void {
  insertObject(state, { ...nfsStorageClassManifest({ name: 'gluster-nfs', server, share: cls.share ?? '/k8s-nfs', onDelete: 'delete', ...(cls.mountPermissions ? { mountPermissions: cls.mountPermissions } : {}) }) } as unknown as KubeBody, at);
  insertObject(state, { ...pvcManifest({ name, namespace: 'default', size: '10Gi', accessMode: 'ReadWriteMany', storageClassName: 'gluster-nfs' }), status: { phase: 'Pending' } } as KubeBody, at);
}

function writer(state: SimState, claim: string, securityContext: Record<string, number>, at: number): KubeObject {
  return insertObject(
    state,
    { kind: 'Pod', metadata: { name: `w-${Object.keys(securityContext).join('-')}`, namespace: 'default' }, spec: { securityContext, containers: [{ name: 'w', image: 'busybox:1.36', command: ['sh', '-c', 'touch /mnt/x'] }], volumes: [{ name: 'v', persistentVolumeClaim: { claimName: claim } }] }, status: { phase: 'Pending' } },
    at,
  );
}

const pods = (state: SimState) => listObjects(state, 'Pod');
const eventsOf = (state: SimState, kind: string) => listObjects(state, 'Event').filter((e) => e.involvedObject?.kind === kind);

describe('csi-driver-nfs in the simulated cluster', () => {
  it('runs the controller and one node pod per node from the shipped manifests, Ready after their images start', () => {
    const state = labState(['k8s-1.31']);
    installDriver(state);
    advance(state, T0 + 2_000);
    expect(pods(state).map((p) => p.metadata.name).sort()).toEqual([expect.stringMatching(/^csi-nfs-controller-\w+-\w{5}$/), expect.stringMatching(/^csi-nfs-node-\w{5}$/)]);
    expect(pods(state).every((p) => p.status?.phase === 'Pending')).toBe(true);
    advance(state, T0 + 6_000);
    for (const pod of pods(state)) {
      expect(pod.status?.phase).toBe('Running');
      expect(pod.status?.containerStatuses?.every((c) => c.ready)).toBe(true);
    }
    expect(pods(state).map((p) => p.status?.containerStatuses?.length).sort()).toEqual([3, 5]);
    // The Deployment's status follows its pods one reconcile later, as the API server's does.
    advance(state, T0 + 6_100);
    expect(listObjects(state, 'DaemonSet')[0]?.status).toMatchObject({ desiredNumberScheduled: 1, numberReady: 1 });
    expect(listObjects(state, 'Deployment')[0]?.status).toMatchObject({ replicas: 1, readyReplicas: 1 });
    expect(listObjects(state, 'CSIDriver').map((d) => d.metadata.name)).toEqual(['nfs.csi.k8s.io']);
  });

  it('provisions a claim as a 0755 root-owned subdirectory with upstream\'s volumeHandle; a non-root write is denied until chmod, fsGroup or mountPermissions', () => {
    const state = labState(['k8s-1.31']);
    installDriver(state);
    claimOn(state, 'gvol-1');
    advance(state, T0 + 3_000);
    expect(eventsOf(state, 'PersistentVolumeClaim').map((e) => e.reason)).toEqual(['ExternalProvisioning']);
    advance(state, T0 + 8_000);
    const pvc = listObjects(state, 'PersistentVolumeClaim')[0];
    expect(pvc?.status?.phase).toBe('Bound');
    const pv = listObjects(state, 'PersistentVolume')[0];
    expect(pv?.spec?.csi).toMatchObject({ driver: 'nfs.csi.k8s.io', volumeHandle: `${server}#k8s-nfs#default/gvol-1#pvc-${pvc?.metadata.uid}#` });
    expect(pv?.spec?.csi?.volumeAttributes).toMatchObject({ server, share: '/k8s-nfs', subDir: 'default/gvol-1', 'csi.storage.k8s.io/pvc/name': 'gvol-1' });
    expect(pv?.spec?.mountOptions).toEqual(['nfsvers=4.1']);
    expect(state.nfs?.dirs['k8s-nfs/default/gvol-1']).toEqual({ uid: 0, gid: 0, mode: '755' });
    expect(eventsOf(state, 'PersistentVolumeClaim').map((e) => e.reason)).toEqual(['ExternalProvisioning', 'Provisioning', 'ProvisioningSucceeded']);

    expect(writeDenied(state, writer(state, 'gvol-1', { runAsUser: 1000 }, T0 + 8_000))).toBe(true);
    expect(writeDenied(state, writer(state, 'gvol-1', { runAsUser: 1000, fsGroup: 2000 }, T0 + 8_000))).toBe(false);
    expect(writeDenied(state, writer(state, 'gvol-1', { runAsUser: 0 }, T0 + 8_000))).toBe(false);
    state.chmodDone.push('default/gvol-1');
    expect(writeDenied(state, writer(state, 'gvol-1', { runAsGroup: 5, runAsUser: 1000 }, T0 + 8_000))).toBe(false);
    expect(csiDf(state, pv as KubeObject)).toBe('Filesystem                Size      Used Available Use% Mounted on\n172.20.1.21:/k8s-nfs/default/gvol-1\n                           20.0G    204.8M     19.8G   1% /mnt\n');

    const open = labState(['k8s-1.31']);
    installDriver(open);
    claimOn(open, 'shared', { mountPermissions: '0777' });
    advance(open, T0 + 8_000);
    expect(open.nfs?.dirs['k8s-nfs/default/shared']?.mode).toBe('777');
    expect(writeDenied(open, writer(open, 'shared', { runAsUser: 1000 }, T0 + 8_000))).toBe(false);
  });

  it('image pull failure: the driver\'s own image is not found, its pods never Ready, the claim waits for the provisioner', () => {
    const state = labState(['k8s-1.31', 'csi-image-pull']);
    installDriver(state);
    claimOn(state, 'gvol-1');
    advance(state, T0 + 30_000);
    const controller = pods(state).find((p) => p.metadata.name.startsWith('csi-nfs-controller'));
    expect(controller?.status?.phase).toBe('Pending');
    expect(controller?.status?.containerStatuses?.find((c) => c.name === 'nfs')?.state.waiting?.reason).toBe('ImagePullBackOff');
    const pulls = eventsOf(state, 'Pod').filter((e) => e.reason === 'Failed').map((e) => e.message ?? '');
    expect(pulls[0]).toMatch(/^Failed to pull image "registry\.k8s\.io\/sig-storage\/nfsplugin:v[\d.]+": rpc error: code = NotFound/);
    expect(diagnoseLines(pulls.slice(0, 1), 'en').map((f) => f.id)).toEqual(['csi-driver-image-pull']);
    expect(listObjects(state, 'PersistentVolumeClaim')[0]?.status?.phase).toBe('Pending');
    expect(eventsOf(state, 'PersistentVolumeClaim').map((e) => [e.reason, e.count])).toEqual([['ExternalProvisioning', 3]]);
  });

  it('the probe pod: open when Ganesha answers; nc\'s timeout when the cluster cannot reach the lab', () => {
    for (const [scenarios, phase, line] of [
      [['k8s-1.31'], 'Succeeded', `${server} (${server}:2049) open`],
      [['k8s-1.31', 'nfs-unreachable'], 'Failed', `nc: ${server} (${server}:2049): Connection timed out`],
      [['k8s-1.31', 'nfs-export-missing'], 'Succeeded', `${server} (${server}:2049) open`],
    ] as const) {
      const state = labState([...scenarios]);
      insertObject(state, nfsProbePodManifest({ name: 'gl-nfs-probe-1', namespace: 'default', server }) as unknown as KubeBody, T0);
      advance(state, T0 + 3_000);
      expect(pods(state)[0]?.status?.phase).not.toMatch(/Succeeded|Failed/);
      advance(state, T0 + 10_000);
      const pod = pods(state)[0] as KubeObject;
      expect(pod.status?.phase, scenarios.join()).toBe(phase);
      expect(csiPodLog(state, pod)).toEqual([line]);
    }
  });

  it('export missing, or nothing answering: ProvisioningFailed in the driver\'s words, which the catalogue names', () => {
    const missing = labState(['k8s-1.31', 'nfs-export-missing']);
    installDriver(missing);
    claimOn(missing, 'gvol-1');
    advance(missing, T0 + 8_000);
    const failed = eventsOf(missing, 'PersistentVolumeClaim').find((e) => e.reason === 'ProvisioningFailed');
    expect(failed?.message).toBe(
      `failed to provision volume with StorageClass "gluster-nfs": rpc error: code = Internal desc = failed to mount nfs server: rpc error: code = Internal desc = mount failed: exit status 32\nMounting command: mount\nMounting arguments: -t nfs -o nfsvers=4.1 ${server}:/k8s-nfs /tmp/pvc-${listObjects(missing, 'PersistentVolumeClaim')[0]?.metadata.uid}\nOutput: mount.nfs: mounting ${server}:/k8s-nfs failed, reason given by server: No such file or directory\n`,
    );
    expect(diagnoseLines([`ProvisioningFailed ${failed?.message ?? ''}`], 'en').map((f) => f.id)).toContain('nfs-export-missing');

    const down = labState(['k8s-1.31', 'nfs-unreachable']);
    installDriver(down);
    claimOn(down, 'gvol-1');
    advance(down, T0 + 30_000);
    expect(eventsOf(down, 'PersistentVolumeClaim').some((e) => e.reason === 'ProvisioningFailed')).toBe(false);
    advance(down, T0 + 70_000);
    const timedOut = eventsOf(down, 'PersistentVolumeClaim').find((e) => e.reason === 'ProvisioningFailed');
    expect(timedOut?.message).toContain('Output: mount.nfs: Connection timed out');
    expect(diagnoseLines([`ProvisioningFailed ${timedOut?.message ?? ''}`], 'en').map((f) => f.id)).toContain('nfs-export-unreachable');
  });

  it('a pod of a bound CSI claim cannot mount once the gluster VM stops: FailedMount with mount.nfs\'s words', () => {
    const state = labState(['k8s-1.31']);
    installDriver(state);
    claimOn(state, 'gvol-1');
    advance(state, T0 + 8_000);
    (state.machines.gluster1 as { state: string }).state = 'poweroff';
    writer(state, 'gvol-1', { runAsUser: 0 }, T0 + 8_000);
    advance(state, T0 + 12_000);
    const pod = pods(state).find((p) => p.metadata.name.startsWith('w-'));
    expect(pod?.status?.containerStatuses?.[0]?.state.waiting?.reason).toBe('ContainerCreating');
    const mount = eventsOf(state, 'Pod').find((e) => e.reason === 'FailedMount');
    expect(mount?.message).toMatch(/^MountVolume\.SetUp failed for volume "pvc-[\w-]+" : rpc error: code = Internal desc = mount failed: exit status 32\nMounting command: mount\nMounting arguments: -t nfs -o nfsvers=4\.1 172\.20\.1\.21:\/k8s-nfs\/default\/gvol-1 \/var\/lib\/kubelet\/pods\/[\w-]+\/volumes\/kubernetes\.io~csi\/pvc-[\w-]+\/mount\nOutput: mount\.nfs: Connection timed out\n$/);
  });
});
