import { randomBytes } from 'node:crypto';
import { allocateVolume } from './heketi-model.js';
import { recordEvent } from './kube-events.js';
import { bindClaim, bornMs, bumpVersion, findObject, insertObject, isoSeconds, listObjects } from './kube-store.js';
import { addNonRootApps } from './non-root-app.js';
import { advanceCsi, CSI_DRIVER, csiMountBlocked, csiWriteAllowed, isCsiClaim, isCsiModelPod } from './csi-driver-model.js';
import { clusterMinor } from './lab-cluster.js';
import type { KubeObject } from './kube-object.js';
import type { SimState } from './sim-state.js';

/** Simulated seconds each step takes after the object appeared. */
const delays = { provisionFailS: 1, provisionS: 4, scheduleS: 0.5, runS: 3, chmodDoneS: 5 };

const NODE = 'minikube';
const GLUSTER_PROVISIONER = 'kubernetes.io/glusterfs';

/**
 * Moves every object to where simulated time says it is now: the persistentvolume
 * controller binds or fails claims, the deployment controller makes pods, the kubelet
 * starts them. Called by every kubectl invocation before it reads.
 */
export function advance(state: SimState, nowMs = Date.now()): void {
  for (const deployment of listObjects(state, 'Deployment')) reconcileDeployment(state, deployment);
  for (const pvc of listObjects(state, 'PersistentVolumeClaim')) provision(state, pvc, nowMs);
  advanceCsi(state, nowMs);
  if (state.scenarios.includes('permission-denied')) {
    addNonRootApps(state, nowMs, (ns, claim) => isGlusterClaim(state, ns, claim));
    // Its pods come at once, not on the next kubectl call: doctor must not miss them by a call.
    for (const deployment of listObjects(state, 'Deployment')) reconcileDeployment(state, deployment);
  }
  for (const pod of listObjects(state, 'Pod')) if (!isCsiModelPod(pod)) runPod(state, pod, nowMs);
}

function simS(state: SimState, fromMs: number, nowMs: number): number {
  return (Math.max(0, nowMs - fromMs) * state.speed) / 1000;
}

function realAt(state: SimState, fromMs: number, simSeconds: number): number {
  return fromMs + (simSeconds * 1000) / state.speed;
}

function provision(state: SimState, pvc: KubeObject, nowMs: number): void {
  if (pvc.status?.phase === 'Bound') return;
  const born = bornMs(state, pvc);
  const className = pvc.spec?.storageClassName;
  const storageClass = className ? findObject(state, 'StorageClass', className) : undefined;
  const elapsed = simS(state, born, nowMs);
  if (!storageClass) {
    if (className && elapsed >= delays.provisionFailS) {
      recordEvent(state, pvc, { type: 'Warning', reason: 'ProvisioningFailed', message: `storageclass.storage.k8s.io "${className}" not found`, component: 'persistentvolume-controller', atMs: realAt(state, born, delays.provisionFailS) });
    }
    return;
  }
  if (storageClass.provisioner !== GLUSTER_PROVISIONER) return;
  // The in-tree plugin is gone from 1.26 on: nothing provisions, nothing says so.
  if (clusterMinor(state) >= 26) return;
  const failure = provisionFailure(state, storageClass);
  if (failure !== undefined) {
    if (elapsed < delays.provisionFailS) return;
    // The controller retries with backoff; the event count grows as a real one does.
    const count = 1 + Math.floor((elapsed - delays.provisionFailS) / 15);
    recordEvent(state, pvc, {
      type: 'Warning',
      reason: 'ProvisioningFailed',
      message: `Failed to provision volume with StorageClass "${storageClass.metadata.name}": ${failure}`,
      component: 'persistentvolume-controller',
      atMs: realAt(state, born, delays.provisionFailS),
      count,
      lastMs: realAt(state, born, delays.provisionFailS + (count - 1) * 15),
    });
    return;
  }
  if (elapsed < delays.provisionS) return;
  const sizeGb = gib(pvc.spec?.resources?.requests?.storage);
  const volume = allocateVolume(state.heketi, sizeGb);
  const at = realAt(state, born, delays.provisionS);
  if (!volume) {
    recordEvent(state, pvc, { type: 'Warning', reason: 'ProvisioningFailed', message: `Failed to provision volume with StorageClass "${storageClass.metadata.name}": failed to create volume: failed to create volume: No space`, component: 'persistentvolume-controller', atMs: at });
    return;
  }
  const pvName = `pvc-${pvc.metadata.uid}`;
  const pv = insertObject(
    state,
    {
      kind: 'PersistentVolume',
      metadata: {
        name: pvName,
        annotations: {
          'Description': 'Gluster-Internal: Dynamically provisioned PV',
          'gluster.kubernetes.io/heketi-volume-id': volume.id,
          'gluster.org/type': 'file',
          'kubernetes.io/createdby': 'heketi-dynamic-provisioner',
          'pv.beta.kubernetes.io/gid': '2000',
          'pv.kubernetes.io/bound-by-controller': 'yes',
          'pv.kubernetes.io/provisioned-by': GLUSTER_PROVISIONER,
          'volume.beta.kubernetes.io/mount-options': 'auto_unmount',
        },
        finalizers: ['kubernetes.io/pv-protection'],
      },
      spec: {
        accessModes: pvc.spec?.accessModes ?? ['ReadWriteOnce'],
        capacity: { storage: `${sizeGb}Gi` },
        claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: pvc.metadata.name, namespace: pvc.metadata.namespace, resourceVersion: pvc.metadata.resourceVersion, uid: pvc.metadata.uid },
        glusterfs: { endpoints: `glusterfs-dynamic-${pvc.metadata.uid}`, endpointsNamespace: pvc.metadata.namespace, path: volume.name },
        mountOptions: ['auto_unmount'],
        persistentVolumeReclaimPolicy: storageClass.reclaimPolicy ?? 'Delete',
        storageClassName: storageClass.metadata.name,
        volumeMode: 'Filesystem',
      },
      status: { phase: 'Bound' },
    },
    at,
  );
  bindClaim(state, pvc, pv, GLUSTER_PROVISIONER, `${sizeGb}Gi`);
  recordEvent(state, pvc, { type: 'Normal', reason: 'ProvisioningSucceeded', message: `Successfully provisioned volume ${pvName} using ${GLUSTER_PROVISIONER}`, component: 'persistentvolume-controller', atMs: at });
}

/** Why the glusterfs plugin cannot create a volume in this lab, in the plugin's words. */
function provisionFailure(state: SimState, storageClass: KubeObject): string | undefined {
  const resturl = String(storageClass.parameters?.resturl ?? '');
  if (state.scenarios.includes('pvc-provisioning-failed')) return 'failed to create volume: failed to create volume: see kube-controller-manager.log for details';
  const heketi = state.machines[state.heketiMachine];
  if (state.scenarios.includes('heketi-unreachable') || heketi?.state !== 'running' || !heketi.provisioned) {
    const host = resturl.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
    return `failed to create volume: failed to create volume: Post "${resturl}/volumes": dial tcp ${host}: connect: no route to host`;
  }
  return undefined;
}

/** Kubernetes quantity to whole GiB (what the glusterfs plugin asks Heketi for). */
export function gib(quantity: string | undefined): number {
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|K|M|G|T)?$/.exec(String(quantity ?? '1Gi'));
  if (!match) return 1;
  const value = Number(match[1]);
  const unit = match[2] ?? '';
  const bytes: Record<string, number> = { '': 1, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, K: 1e3, M: 1e6, G: 1e9, T: 1e12 };
  return Math.max(1, Math.ceil((value * (bytes[unit] ?? 1)) / 1024 ** 3));
}

function reconcileDeployment(state: SimState, deployment: KubeObject): void {
  const ns = deployment.metadata.namespace;
  const owned = listObjects(state, 'Pod', ns).filter((p) => p.metadata.ownerReferences?.[0]?.uid === deployment.metadata.uid);
  const replicas = deployment.spec?.replicas ?? 1;
  const hash = deployment.metadata.uid.replaceAll('-', '').slice(0, 10);
  for (let i = owned.length; i < replicas; i++) {
    const template = deployment.spec?.template ?? {};
    insertObject(
      state,
      {
        kind: 'Pod',
        metadata: {
          name: `${deployment.metadata.name}-${hash}-${randomBytes(3).toString('hex').slice(0, 5)}`,
          namespace: ns,
          generateName: `${deployment.metadata.name}-${hash}-`,
          labels: { ...(template.metadata?.labels ?? {}), 'pod-template-hash': hash },
          ownerReferences: [{ apiVersion: 'apps/v1', blockOwnerDeletion: true, controller: true, kind: 'ReplicaSet', name: `${deployment.metadata.name}-${hash}`, uid: deployment.metadata.uid }],
        },
        spec: structuredClone(template.spec ?? {}),
        status: { phase: 'Pending', qosClass: 'BestEffort' },
      },
      bornMs(state, deployment),
    );
  }
  const pods = listObjects(state, 'Pod', ns).filter((p) => p.metadata.ownerReferences?.[0]?.uid === deployment.metadata.uid);
  const ready = pods.filter((p) => p.status?.phase === 'Running' && p.status?.containerStatuses?.every((c) => c.ready)).length;
  const status = { availableReplicas: ready, observedGeneration: 1, readyReplicas: ready, replicas: pods.length, updatedReplicas: pods.length };
  if (JSON.stringify(deployment.status) !== JSON.stringify(status)) {
    deployment.status = status;
    bumpVersion(state, deployment);
  }
}

function claimsOf(pod: KubeObject): string[] {
  return (pod.spec?.volumes ?? []).map((v) => v.persistentVolumeClaim?.claimName).filter((c) => typeof c === 'string');
}

function isChmodPod(pod: KubeObject): boolean {
  return (pod.spec?.containers ?? []).some((c) => [...(c.command ?? []), ...(c.args ?? [])].join(' ').includes('chmod'));
}

/** True when the pod's containers run as a non-root user. */
function runsAsNonRoot(pod: KubeObject): boolean {
  const podUser = pod.spec?.securityContext?.runAsUser;
  return (pod.spec?.containers ?? []).some((c) => {
    const user = c.securityContext?.runAsUser ?? podUser;
    return typeof user === 'number' && user !== 0;
  });
}

/** A non-root container cannot write to a GlusterFS volume whose root no chmod pod has opened. */
export function writeDenied(state: SimState, pod: KubeObject): boolean {
  if (!runsAsNonRoot(pod)) return false;
  return claimsOf(pod).some((claim) => isGlusterClaim(state, pod.metadata.namespace, claim) && !state.chmodDone.includes(`${pod.metadata.namespace}/${claim}`) && !csiWriteAllowed(state, pod, claim));
}

function isGlusterClaim(state: SimState, namespace: string | undefined, claim: string): boolean {
  const pvc = findObject(state, 'PersistentVolumeClaim', claim, namespace);
  const pv = pvc?.spec?.volumeName ? findObject(state, 'PersistentVolume', pvc.spec.volumeName) : undefined;
  return pv?.spec?.glusterfs !== undefined || pv?.spec?.csi?.driver === CSI_DRIVER;
}

function runPod(state: SimState, pod: KubeObject, nowMs: number): void {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return;
  const born = bornMs(state, pod);
  const ns = pod.metadata.namespace;
  const claims = claimsOf(pod);
  const unbound = claims.filter((c) => findObject(state, 'PersistentVolumeClaim', c, ns)?.status?.phase !== 'Bound');
  if (unbound.length > 0) {
    if (simS(state, born, nowMs) >= delays.scheduleS) {
      const missing = unbound.find((c) => !findObject(state, 'PersistentVolumeClaim', c, ns));
      recordEvent(state, pod, {
        type: 'Warning',
        reason: 'FailedScheduling',
        message: missing ? `0/1 nodes are available: persistentvolumeclaim "${missing}" not found. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.` : '0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
        component: 'default-scheduler',
        atMs: realAt(state, born, delays.scheduleS),
      });
    }
    return;
  }
  // Scheduling starts once every claim is bound (or at once without claims).
  const boundAt = Math.max(born, ...claims.map((c) => pvcBoundMs(state, ns, c)));
  const sinceS = simS(state, boundAt, nowMs);
  if (sinceS < delays.scheduleS) return;
  const container = pod.spec?.containers?.[0] ?? {};
  const image = String(container.image ?? 'busybox');
  const scheduledAt = realAt(state, boundAt, delays.scheduleS);
  const podSpec = (pod.spec ??= {});
  if (!podSpec.nodeName) {
    podSpec.nodeName = NODE;
    pod.status = { ...pod.status, hostIP: '192.168.49.2', startTime: isoSeconds(scheduledAt) };
    bumpVersion(state, pod);
    recordEvent(state, pod, { type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/${pod.metadata.name} to ${NODE}`, component: 'default-scheduler', atMs: scheduledAt });
  }
  if (csiMountBlocked(state, pod, claims, scheduledAt, nowMs)) return setWaiting(state, pod, 'ContainerCreating');
  const glusterClaims = claims.filter((c) => isGlusterClaim(state, ns, c) && !isCsiClaim(state, ns, c));
  if (glusterClaims.length > 0 && state.scenarios.includes('glusterfs-client-missing')) {
    const pvName = findObject(state, 'PersistentVolumeClaim', glusterClaims[0] as string, ns)?.spec?.volumeName;
    const path = (pvName === undefined ? undefined : findObject(state, 'PersistentVolume', pvName))?.spec?.glusterfs?.path;
    const host = state.heketi.nodes[0]?.storage ?? '';
    recordEvent(state, pod, {
      type: 'Warning',
      reason: 'FailedMount',
      message: `MountVolume.SetUp failed for volume "${pvName}" : mount failed: mount failed: exit status 32\nMounting command: mount\nMounting arguments: -t glusterfs -o auto_unmount,backup-volfile-servers=${state.heketi.nodes.slice(1).map((n) => n.storage).join(':')},log-file=/var/lib/kubelet/plugins/kubernetes.io/glusterfs/${pvName}/${pod.metadata.name}-glusterfs.log,log-level=ERROR ${host}:${path} /var/lib/kubelet/pods/${pod.metadata.uid}/volumes/kubernetes.io~glusterfs/${pvName}\nOutput: mount: /var/lib/kubelet/pods/${pod.metadata.uid}/volumes/kubernetes.io~glusterfs/${pvName}: unknown filesystem type 'glusterfs'.\n`,
      component: 'kubelet',
      host: NODE,
      atMs: realAt(state, scheduledAt, 1),
    });
    setWaiting(state, pod, 'ContainerCreating');
    return;
  }
  if (isChmodPod(pod) && state.scenarios.includes('chmod-pod-never-starts')) {
    recordEvent(state, pod, { type: 'Warning', reason: 'Failed', message: `Failed to pull image "${image}": rpc error: code = Unknown desc = Error response from daemon: Get "https://registry-1.docker.io/v2/": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)`, component: 'kubelet', host: NODE, atMs: realAt(state, scheduledAt, 2) });
    setWaiting(state, pod, 'ErrImagePull');
    return;
  }
  if (sinceS < delays.scheduleS + delays.runS) return setWaiting(state, pod, 'ContainerCreating');
  const startedAt = realAt(state, boundAt, delays.scheduleS + delays.runS);
  const name = String(container.name ?? 'main');
  for (const [reason, message] of [
    ['Pulling', `Pulling image "${image}"`],
    ['Pulled', `Successfully pulled image "${image}" in 1.204s (1.204s including waiting). Image size: 2160406 bytes.`],
    ['Created', `Created container: ${name}`],
    ['Started', `Started container ${name}`],
  ] as const) {
    recordEvent(state, pod, { type: 'Normal', reason, message, component: 'kubelet', host: NODE, atMs: startedAt });
  }
  if (isChmodPod(pod)) {
    if (sinceS < delays.scheduleS + delays.chmodDoneS) return setRunning(state, pod, name, image, startedAt);
    for (const claim of claims) if (!state.chmodDone.includes(`${ns}/${claim}`)) state.chmodDone.push(`${ns}/${claim}`);
    pod.status = { ...pod.status, phase: 'Succeeded', containerStatuses: [{ name, image, imageID: '', ready: false, restartCount: 0, started: false, state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: isoSeconds(startedAt), finishedAt: isoSeconds(realAt(state, boundAt, delays.scheduleS + delays.chmodDoneS)) } } }] };
    bumpVersion(state, pod);
    return;
  }
  // One-shot pods (restartPolicy Never, e.g. fix-permissions' write test) end: Failed with exit 1
  // when their write is denied, Succeeded otherwise.
  if (pod.spec?.restartPolicy === 'Never') return finishOneShot(state, pod, name, image, startedAt);
  if (state.scenarios.includes('permission-denied') && writeDenied(state, pod)) {
    // The first start already failed: one restart, then one more per 10 s back-off.
    const restarts = 1 + Math.floor((sinceS - delays.scheduleS - delays.runS) / 10);
    const status = { ...pod.status, phase: 'Running', containerStatuses: [{ name, image, imageID: '', ready: false, restartCount: restarts, started: false, lastState: { terminated: { exitCode: 1, reason: 'Error' } }, state: { waiting: { reason: 'CrashLoopBackOff', message: `back-off 10s restarting failed container=${name} pod=${pod.metadata.name}_${ns}(${pod.metadata.uid})` } } }] };
    if (JSON.stringify(pod.status) !== JSON.stringify(status)) {
      pod.status = status;
      bumpVersion(state, pod);
    }
    recordEvent(state, pod, { type: 'Warning', reason: 'BackOff', message: 'Back-off restarting failed container', component: 'kubelet', host: NODE, atMs: realAt(state, startedAt, 1), count: restarts });
    return;
  }
  setRunning(state, pod, name, image, startedAt);
}

function finishOneShot(state: SimState, pod: KubeObject, name: string, image: string, startedAt: number): void {
  const container = pod.spec?.containers?.[0] ?? {};
  const script = [...(container.command ?? []), ...(container.args ?? [])].join(' ');
  const denied = /touch |>|\bmkdir |\btee /.test(script) && writeDenied(state, pod);
  const terminated = { exitCode: denied ? 1 : 0, reason: denied ? 'Error' : 'Completed', startedAt: isoSeconds(startedAt), finishedAt: isoSeconds(startedAt) };
  pod.status = { ...pod.status, phase: denied ? 'Failed' : 'Succeeded', containerStatuses: [{ name, image, imageID: '', ready: false, restartCount: 0, started: false, state: { terminated } }] };
  bumpVersion(state, pod);
}

function pvcBoundMs(state: SimState, ns: string | undefined, claim: string): number {
  const pvc = findObject(state, 'PersistentVolumeClaim', claim, ns);
  const pv = pvc?.spec?.volumeName ? findObject(state, 'PersistentVolume', pvc.spec.volumeName) : undefined;
  return pv ? bornMs(state, pv) : Date.now();
}

function setWaiting(state: SimState, pod: KubeObject, reason: string): void {
  const c = pod.spec?.containers?.[0] ?? {};
  const status = { ...pod.status, phase: 'Pending', containerStatuses: [{ name: c.name ?? 'main', image: c.image ?? '', imageID: '', ready: false, restartCount: 0, started: false, state: { waiting: { reason } } }] };
  if (JSON.stringify(pod.status) === JSON.stringify(status)) return;
  pod.status = status;
  bumpVersion(state, pod);
}

function setRunning(state: SimState, pod: KubeObject, name: string, image: string, startedAt: number): void {
  if (pod.status?.phase === 'Running' && pod.status.containerStatuses?.[0]?.ready) return;
  // A container that crashed before (until a chmod pod opened its volume) keeps its restart
  // count and last state, as the kubelet shows them, and runs from its latest restart.
  const before = pod.status?.containerStatuses?.[0];
  const restartCount = before?.restartCount ?? 0;
  const since = restartCount > 0 ? Date.now() : startedAt;
  pod.status = { ...pod.status, phase: 'Running', podIP: '10.244.0.12', containerStatuses: [{ name, image, imageID: `docker.io/library/${image}@sha256:${'0'.repeat(64)}`, ready: true, restartCount, started: true, ...(before?.lastState ? { lastState: before.lastState } : {}), state: { running: { startedAt: isoSeconds(since) } } }] };
  bumpVersion(state, pod);
}
