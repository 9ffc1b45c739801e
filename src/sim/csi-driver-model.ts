import { randomBytes } from 'node:crypto';
import { recordEvent } from './kube-events.js';
import type { ContainerStatus, KubeObject } from './kube-object.js';
import { bindClaim, bornMs, bumpVersion, findObject, insertObject, isoSeconds, listObjects, newUid } from './kube-store.js';
import { nfsAnswer, trimSlashes, type NfsAnswer } from './nfs-model.js';
import type { SimState } from './sim-state.js';

/**
 * csi-driver-nfs in the simulated cluster: the DaemonSet controller for its node plugin, the
 * kubelet for its pods (and the lab's NFS probe pod), and its external-provisioner, which
 * makes one root-owned 0755 subdirectory per claim in the lab's export (csi-driver-nfs#434,
 * #1175) and a PV whose volumeHandle is upstream's `server#share#subdir#pv#onDelete`.
 */
export const CSI_DRIVER = 'nfs.csi.k8s.io';
const NODE = 'minikube';
const NODE_IP = '192.168.49.2';

/** Simulated seconds after a pod or claim appeared. */
const csiDelays = { scheduleS: 0.5, startS: 3.5, readyS: 5, provisionS: 2, probeOpenS: 0.2, probeTimeoutS: 5, mountTimeoutS: 60, retryS: 15 };

function simS(state: SimState, fromMs: number, nowMs: number): number {
  return (Math.max(0, nowMs - fromMs) * state.speed) / 1000;
}

function realAt(state: SimState, fromMs: number, simSeconds: number): number {
  return fromMs + (simSeconds * 1000) / state.speed;
}

const images = (pod: KubeObject) => (pod.spec?.containers ?? []).map((c) => String(c.image ?? ''));

/** A pod of the driver (its controller or node plugin): it runs the nfsplugin image. */
function isCsiDriverPod(pod: KubeObject): boolean {
  return images(pod).some((image) => image.includes('/sig-storage/nfsplugin:'));
}

/** The lab's reachability probe: `nc -z … SERVER 2049`. */
function probeTarget(pod: KubeObject): string | undefined {
  const command = pod.spec?.containers?.[0]?.command ?? [];
  return command[0] === 'nc' && command.at(-1) === '2049' ? command.at(-2) : undefined;
}

/** Pods this model runs itself; the generic kubelet of kube-controller leaves them alone. */
export function isCsiModelPod(pod: KubeObject): boolean {
  return isCsiDriverPod(pod) || probeTarget(pod) !== undefined;
}

/** Moves the driver's pods, the probe pods and the claims of csi-driver-nfs classes on to now. */
export function advanceCsi(state: SimState, nowMs: number): void {
  for (const daemonSet of listObjects(state, 'DaemonSet')) reconcileDaemonSet(state, daemonSet);
  for (const pod of listObjects(state, 'Pod')) {
    if (isCsiDriverPod(pod)) runDriverPod(state, pod, nowMs);
    else if (probeTarget(pod) !== undefined) runProbePod(state, pod, nowMs);
  }
  for (const daemonSet of listObjects(state, 'DaemonSet')) daemonSetStatus(state, daemonSet);
  for (const pvc of listObjects(state, 'PersistentVolumeClaim')) provisionCsi(state, pvc, nowMs);
}

function ownedPods(state: SimState, daemonSet: KubeObject): KubeObject[] {
  return listObjects(state, 'Pod', daemonSet.metadata.namespace).filter((p) => p.metadata.ownerReferences?.[0]?.uid === daemonSet.metadata.uid);
}

/** One pod on the one node, as the DaemonSet controller makes it. */
function reconcileDaemonSet(state: SimState, daemonSet: KubeObject): void {
  const ns = daemonSet.metadata.namespace;
  if (ownedPods(state, daemonSet).length === 0) {
    const template = daemonSet.spec?.template ?? {};
    insertObject(
      state,
      {
        kind: 'Pod',
        metadata: {
          name: `${daemonSet.metadata.name}-${randomBytes(3).toString('hex').slice(0, 5)}`,
          namespace: ns,
          generateName: `${daemonSet.metadata.name}-`,
          labels: { ...(template.metadata?.labels ?? {}), 'controller-revision-hash': daemonSet.metadata.uid.slice(0, 10), 'pod-template-generation': '1' },
          ownerReferences: [{ apiVersion: 'apps/v1', blockOwnerDeletion: true, controller: true, kind: 'DaemonSet', name: daemonSet.metadata.name, uid: daemonSet.metadata.uid }],
        },
        spec: { ...structuredClone(template.spec ?? {}), nodeName: NODE },
        status: { phase: 'Pending', qosClass: 'Burstable' },
      },
      bornMs(state, daemonSet),
    );
  }
}

function daemonSetStatus(state: SimState, daemonSet: KubeObject): void {
  const ready = ownedPods(state, daemonSet).filter((p) => p.status?.phase === 'Running' && (p.status.containerStatuses ?? []).every((c) => c.ready)).length;
  const status = { currentNumberScheduled: 1, desiredNumberScheduled: 1, numberAvailable: ready, numberMisscheduled: 0, numberReady: ready, observedGeneration: 1, updatedNumberScheduled: 1 };
  if (JSON.stringify(daemonSet.status) !== JSON.stringify(status)) {
    daemonSet.status = status;
    bumpVersion(state, daemonSet);
  }
}

/** Whether the image cannot be pulled in this lab: the 'csi-image-pull' scenario fails the driver's own image. */
function pullFails(state: SimState, image: string): boolean {
  return state.scenarios.includes('csi-image-pull') && image.includes('/sig-storage/nfsplugin:');
}

function scheduleOnce(state: SimState, pod: KubeObject, atMs: number): void {
  const spec = (pod.spec ??= {});
  if (spec.nodeName !== undefined && pod.status?.startTime !== undefined) return;
  spec.nodeName = NODE;
  pod.status = { ...pod.status, hostIP: NODE_IP, startTime: isoSeconds(atMs) };
  bumpVersion(state, pod);
  recordEvent(state, pod, { type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${pod.metadata.namespace ?? 'default'}/${pod.metadata.name} to ${NODE}`, component: 'default-scheduler', atMs });
}

function containerEvents(state: SimState, pod: KubeObject, name: string, image: string, atMs: number): void {
  for (const [reason, message] of [
    ['Pulling', `Pulling image "${image}"`],
    ['Pulled', `Successfully pulled image "${image}" in 2.871s (2.871s including waiting). Image size: 31250403 bytes.`],
    ['Created', `Created container: ${name}`],
    ['Started', `Started container ${name}`],
  ] as const) {
    recordEvent(state, pod, { type: 'Normal', reason, message, component: 'kubelet', host: NODE, atMs });
  }
}

function setStatus(state: SimState, pod: KubeObject, phase: string, containerStatuses: ContainerStatus[]): void {
  const status = { ...pod.status, phase, podIP: NODE_IP, containerStatuses };
  if (JSON.stringify(pod.status) === JSON.stringify(status)) return;
  pod.status = status;
  bumpVersion(state, pod);
}

/** The real ms at which a driver pod is Ready; Infinity when one of its images cannot be pulled. */
function driverReadyMs(state: SimState, pod: KubeObject): number {
  if (images(pod).some((image) => pullFails(state, image))) return Infinity;
  return realAt(state, bornMs(state, pod), csiDelays.readyS);
}

function runDriverPod(state: SimState, pod: KubeObject, nowMs: number): void {
  const born = bornMs(state, pod);
  const since = simS(state, born, nowMs);
  if (since < csiDelays.scheduleS) return;
  scheduleOnce(state, pod, realAt(state, born, csiDelays.scheduleS));
  if (since < csiDelays.startS) {
    const creating = (pod.spec?.containers ?? []).map((c) => waitingStatus(String(c.name ?? ''), String(c.image ?? ''), 'ContainerCreating'));
    return setStatus(state, pod, 'Pending', creating);
  }
  const startedAt = realAt(state, born, csiDelays.startS);
  const ready = since >= csiDelays.readyS;
  const statuses: ContainerStatus[] = [];
  for (const container of pod.spec?.containers ?? []) {
    const name = String(container.name ?? '');
    const image = String(container.image ?? '');
    if (pullFails(state, image)) {
      pullFailure(state, pod, image, startedAt, since - csiDelays.startS);
      statuses.push(waitingStatus(name, image, since - csiDelays.startS < 10 ? 'ErrImagePull' : 'ImagePullBackOff'));
      continue;
    }
    containerEvents(state, pod, name, image, startedAt);
    statuses.push({ name, image, imageID: `${image.split(':')[0] ?? image}@sha256:${'0'.repeat(64)}`, ready, restartCount: 0, started: true, state: { running: { startedAt: isoSeconds(startedAt) } } });
  }
  const allRunning = statuses.every((s) => s.state.running !== undefined);
  setStatus(state, pod, allRunning ? 'Running' : 'Pending', statuses);
}

function waitingStatus(name: string, image: string, reason: string): ContainerStatus {
  return { name, image, imageID: '', ready: false, restartCount: 0, started: false, state: { waiting: { reason } } };
}

/** How many pulls the kubelet has tried after `sinceS`: its back-off starts at 10 s and doubles up to 5 minutes. */
function pullAttempts(sinceS: number): number {
  let attempts = 1;
  for (let at = 0, wait = 10; at + wait <= sinceS; at += wait, wait = Math.min(wait * 2, 300)) attempts++;
  return attempts;
}

/** What containerd and the kubelet say when a tag does not exist (csi-driver-nfs#664), repeated with back-off. */
function pullFailure(state: SimState, pod: KubeObject, image: string, atMs: number, sinceS: number): void {
  const retries = pullAttempts(Math.max(0, sinceS));
  const later = realAt(state, atMs, Math.max(0, sinceS));
  const event = (type: 'Normal' | 'Warning', reason: string, message: string, count = 1) =>
    recordEvent(state, pod, { type, reason, message, component: 'kubelet', host: NODE, atMs, count, lastMs: count > 1 ? later : atMs });
  event('Normal', 'Pulling', `Pulling image "${image}"`, retries);
  event('Warning', 'Failed', `Failed to pull image "${image}": rpc error: code = NotFound desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": ${image}: not found`, retries);
  event('Warning', 'Failed', 'Error: ErrImagePull', retries);
  if (sinceS >= 10) {
    event('Normal', 'BackOff', `Back-off pulling image "${image}"`, retries);
    event('Warning', 'Failed', 'Error: ImagePullBackOff', retries);
  }
}

/** `nc -z -v -w 5 SERVER 2049`: open at once when NFS answers there, else exit 1 after the 5 s timeout. */
function runProbePod(state: SimState, pod: KubeObject, nowMs: number): void {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return;
  const born = bornMs(state, pod);
  const since = simS(state, born, nowMs);
  if (since < csiDelays.scheduleS) return;
  scheduleOnce(state, pod, realAt(state, born, csiDelays.scheduleS));
  const container = pod.spec?.containers?.[0] ?? {};
  const name = String(container.name ?? 'probe');
  const image = String(container.image ?? 'busybox:1.36');
  if (since < csiDelays.startS) return setStatus(state, pod, 'Pending', [waitingStatus(name, image, 'ContainerCreating')]);
  const startedAt = realAt(state, born, csiDelays.startS);
  containerEvents(state, pod, name, image, startedAt);
  const server = probeTarget(pod) ?? '';
  // nc connects over TCP only: an export that is missing still has Ganesha answering on 2049.
  const open = nfsAnswer(state, server, state.nfs?.export ?? '') !== 'timeout';
  const endS = csiDelays.startS + (open ? csiDelays.probeOpenS : csiDelays.probeTimeoutS);
  if (since < endS) return setStatus(state, pod, 'Running', [{ name, image, imageID: '', ready: true, restartCount: 0, started: true, state: { running: { startedAt: isoSeconds(startedAt) } } }]);
  const finishedAt = isoSeconds(realAt(state, born, endS));
  const terminated = { exitCode: open ? 0 : 1, reason: open ? 'Completed' : 'Error', startedAt: isoSeconds(startedAt), finishedAt };
  if (state.nfs) state.nfs.podLogs[pod.metadata.uid] = [open ? `${server} (${server}:2049) open` : `nc: ${server} (${server}:2049): Connection timed out`];
  setStatus(state, pod, open ? 'Succeeded' : 'Failed', [{ name, image, imageID: '', ready: false, restartCount: 0, started: false, state: { terminated } }]);
}

/** What a simulated pod of this model printed, for `kubectl logs`; undefined for other pods. */
export function csiPodLog(state: SimState, pod: KubeObject): string[] | undefined {
  return state.nfs?.podLogs[pod.metadata.uid];
}

function readyDriverPod(state: SimState, container: 'csi-provisioner' | 'node-driver-registrar', nowMs: number): KubeObject | undefined {
  return listObjects(state, 'Pod').find((p) => isCsiDriverPod(p) && (p.spec?.containers ?? []).some((c) => c.name === container) && driverReadyMs(state, p) <= nowMs);
}

/** A class parameter read as csi-driver-nfs reads it: the key in any case. */
function parameter(cls: KubeObject, key: string): string | undefined {
  return Object.entries(cls.parameters ?? {}).find(([k]) => k.toLowerCase() === key)?.[1];
}

const knownParameters = new Set(['server', 'share', 'subdir', 'ondelete', 'mountpermissions', 'csi.storage.k8s.io/pvc/name', 'csi.storage.k8s.io/pvc/namespace', 'csi.storage.k8s.io/pv/name']);

function mountOutput(answer: Exclude<NfsAnswer, 'ok'>, source: string): string {
  return answer === 'timeout' ? 'mount.nfs: Connection timed out' : `mount.nfs: mounting ${source} failed, reason given by server: No such file or directory`;
}

function provisionCsi(state: SimState, pvc: KubeObject, nowMs: number): void {
  if (pvc.status?.phase === 'Bound') return;
  const className = pvc.spec?.storageClassName;
  const cls = className ? findObject(state, 'StorageClass', className) : undefined;
  if (!cls || cls.provisioner !== CSI_DRIVER) return;
  const born = bornMs(state, pvc);
  const ns = pvc.metadata.namespace ?? 'default';
  const controller = readyDriverPod(state, 'csi-provisioner', nowMs);
  if (!controller) {
    // The persistentvolume controller waits for an external provisioner that is not there (yet).
    const count = 1 + Math.floor(simS(state, born, nowMs) / csiDelays.retryS);
    recordEvent(state, pvc, {
      type: 'Normal',
      reason: 'ExternalProvisioning',
      message: `Waiting for a volume to be created either by the external provisioner '${CSI_DRIVER}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
      component: 'persistentvolume-controller',
      atMs: born,
      count,
      lastMs: realAt(state, born, (count - 1) * csiDelays.retryS),
    });
    return;
  }
  const from = Math.max(born, driverReadyMs(state, controller));
  const elapsed = simS(state, from, nowMs);
  const component = `${CSI_DRIVER}_${NODE}_${controller.metadata.uid.slice(0, 8)}`;
  recordEvent(state, pvc, { type: 'Normal', reason: 'Provisioning', message: `External provisioner is provisioning volume for claim "${ns}/${pvc.metadata.name}"`, component, atMs: from });
  const pvName = `pvc-${pvc.metadata.uid}`;
  const server = parameter(cls, 'server') ?? '';
  const share = parameter(cls, 'share') ?? '';
  const unknown = Object.keys(cls.parameters ?? {}).find((k) => !knownParameters.has(k.toLowerCase()));
  const answer = nfsAnswer(state, server, share);
  const failAfterS = unknown !== undefined || answer === 'no-export' ? 0.5 : csiDelays.mountTimeoutS;
  if (unknown !== undefined || answer !== 'ok') {
    if (elapsed < failAfterS) return;
    const source = `${server}:${share}`;
    const why = unknown !== undefined
      ? `rpc error: code = InvalidArgument desc = invalid parameter "${unknown}" in storage class`
      : `rpc error: code = Internal desc = failed to mount nfs server: rpc error: code = Internal desc = mount failed: exit status 32\nMounting command: mount\nMounting arguments: -t nfs ${mountOptionArgs(cls)}${source} /tmp/${pvName}\nOutput: ${mountOutput(answer === 'ok' ? 'timeout' : answer, source)}\n`;
    const count = 1 + Math.floor((elapsed - failAfterS) / csiDelays.retryS);
    recordEvent(state, pvc, {
      type: 'Warning',
      reason: 'ProvisioningFailed',
      message: `failed to provision volume with StorageClass "${cls.metadata.name}": ${why}`,
      component,
      atMs: realAt(state, from, failAfterS),
      count,
      lastMs: realAt(state, from, failAfterS + (count - 1) * csiDelays.retryS),
    });
    return;
  }
  if (elapsed < csiDelays.provisionS) return;
  bindCsiVolume(state, pvc, cls, pvName, component, realAt(state, from, csiDelays.provisionS));
}

function mountOptionArgs(cls: KubeObject): string {
  const options = cls.mountOptions ?? [];
  return options.length > 0 ? `-o ${options.join(',')} ` : '';
}

function bindCsiVolume(state: SimState, pvc: KubeObject, cls: KubeObject, pvName: string, component: string, atMs: number): void {
  const ns = pvc.metadata.namespace ?? 'default';
  const server = parameter(cls, 'server') ?? '';
  const share = parameter(cls, 'share') ?? '';
  const subDirKey = Object.keys(cls.parameters ?? {}).find((k) => k.toLowerCase() === 'subdir');
  const subDir = subDirKey === undefined
    ? pvName
    : (cls.parameters?.[subDirKey] ?? '')
        .replaceAll('${pvc.metadata.name}', pvc.metadata.name)
        .replaceAll('${pvc.metadata.namespace}', ns)
        .replaceAll('${pv.metadata.name}', pvName);
  const onDelete = (parameter(cls, 'ondelete') ?? '').toLowerCase();
  const handle = [trimSlashes(server), trimSlashes(share), trimSlashes(subDir), subDirKey === undefined ? '' : pvName, onDelete === 'retain' || onDelete === 'archive' ? onDelete : ''].join('#');
  const permissions = parameter(cls, 'mountpermissions');
  if (state.nfs) state.nfs.dirs[`${trimSlashes(share)}/${trimSlashes(subDir)}`] = { uid: 0, gid: 0, mode: permissions && Number(permissions) > 0 ? Number.parseInt(permissions, 8).toString(8) : '755' };
  const attributes: Record<string, string> = {
    ...(cls.parameters ?? {}),
    ...(subDirKey === undefined ? {} : { [subDirKey]: subDir }),
    'csi.storage.k8s.io/pv/name': pvName,
    'csi.storage.k8s.io/pvc/name': pvc.metadata.name,
    'csi.storage.k8s.io/pvc/namespace': ns,
    'storage.kubernetes.io/csiProvisionerIdentity': `${state.kube.born[cls.metadata.uid] ?? atMs}-${newUid().slice(0, 4)}-${CSI_DRIVER}`,
  };
  const size = pvc.spec?.resources?.requests?.storage ?? '1Gi';
  const pv = insertObject(
    state,
    {
      kind: 'PersistentVolume',
      metadata: {
        name: pvName,
        annotations: { 'pv.kubernetes.io/provisioned-by': CSI_DRIVER, 'volume.kubernetes.io/provisioner-deletion-secret-name': '', 'volume.kubernetes.io/provisioner-deletion-secret-namespace': '' },
        finalizers: ['external-provisioner.volume.kubernetes.io/finalizer', 'kubernetes.io/pv-protection'],
      },
      spec: {
        accessModes: pvc.spec?.accessModes ?? ['ReadWriteOnce'],
        capacity: { storage: size },
        claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: pvc.metadata.name, namespace: ns, resourceVersion: pvc.metadata.resourceVersion, uid: pvc.metadata.uid },
        csi: { driver: CSI_DRIVER, volumeAttributes: attributes, volumeHandle: handle },
        ...(cls.mountOptions ? { mountOptions: cls.mountOptions } : {}),
        persistentVolumeReclaimPolicy: cls.reclaimPolicy ?? 'Delete',
        storageClassName: cls.metadata.name,
        volumeMode: 'Filesystem',
      },
      status: { phase: 'Bound' },
    },
    atMs,
  );
  bindClaim(state, pvc, pv, CSI_DRIVER, size);
  recordEvent(state, pvc, { type: 'Normal', reason: 'ProvisioningSucceeded', message: `Successfully provisioned volume ${pvName}`, component, atMs });
}

function csiVolumeOf(state: SimState, namespace: string | undefined, claim: string): KubeObject | undefined {
  const pvc = findObject(state, 'PersistentVolumeClaim', claim, namespace);
  const pv = pvc?.spec?.volumeName ? findObject(state, 'PersistentVolume', pvc.spec.volumeName) : undefined;
  return pv?.spec?.csi?.driver === CSI_DRIVER ? pv : undefined;
}

/** True when the claim's volume is a csi-driver-nfs subdirectory. */
export function isCsiClaim(state: SimState, namespace: string | undefined, claim: string): boolean {
  return csiVolumeOf(state, namespace, claim) !== undefined;
}

function directoryOf(state: SimState, pv: KubeObject): string {
  const attributes = pv.spec?.csi?.volumeAttributes ?? {};
  const subdir = Object.entries(attributes).find(([k]) => k.toLowerCase() === 'subdir')?.[1] ?? pv.metadata.name;
  const share = attributes.share ?? state.nfs?.export ?? '';
  return `${trimSlashes(share)}/${trimSlashes(subdir)}`;
}

/**
 * Whether a non-root container may write to a CSI claim although no chmod pod has run: the
 * directory was made world-writable (the class's mountPermissions), or the pod sets fsGroup —
 * the CSIDriver's fsGroupPolicy File has the kubelet hand the volume to that group, which
 * the export's no_root_squash allows.
 */
export function csiWriteAllowed(state: SimState, pod: KubeObject, claim: string): boolean {
  const pv = csiVolumeOf(state, pod.metadata.namespace, claim);
  if (!pv) return false;
  if (typeof pod.spec?.securityContext?.fsGroup === 'number') return true;
  const mode = state.nfs?.dirs[directoryOf(state, pv)]?.mode ?? '755';
  return (Number.parseInt(mode, 8) & 0o002) !== 0;
}

/**
 * The kubelet's FailedMount for a pod's CSI claim, recorded once the pod is scheduled: the
 * node plugin is not registered yet, or the export does not answer. True when one was.
 */
export function csiMountBlocked(state: SimState, pod: KubeObject, claims: readonly string[], scheduledAtMs: number, nowMs = Date.now()): boolean {
  for (const claim of claims) {
    const pv = csiVolumeOf(state, pod.metadata.namespace, claim);
    if (!pv) continue;
    const attributes = pv.spec?.csi?.volumeAttributes ?? {};
    const server = attributes.server ?? '';
    const share = attributes.share ?? '';
    const answer = nfsAnswer(state, server, share);
    const registered = readyDriverPod(state, 'node-driver-registrar', nowMs) !== undefined;
    if (registered && answer === 'ok') continue;
    const source = `${server}:/${directoryOf(state, pv)}`;
    const target = `/var/lib/kubelet/pods/${pod.metadata.uid}/volumes/kubernetes.io~csi/${pv.metadata.name}/mount`;
    const message = !registered
      ? `MountVolume.SetUp failed for volume "${pv.metadata.name}" : kubernetes.io/csi: mounter.SetUpAt failed to get CSI client: driver name ${CSI_DRIVER} not found in the list of registered CSI drivers`
      : `MountVolume.SetUp failed for volume "${pv.metadata.name}" : rpc error: code = Internal desc = mount failed: exit status 32\nMounting command: mount\nMounting arguments: -t nfs ${(pv.spec?.mountOptions ?? []).length > 0 ? `-o ${(pv.spec?.mountOptions ?? []).join(',')} ` : ''}${source} ${target}\nOutput: ${mountOutput(answer === 'ok' ? 'timeout' : answer, source)}\n`;
    recordEvent(state, pod, { type: 'Warning', reason: 'FailedMount', message, component: 'kubelet', host: NODE, atMs: realAt(state, scheduledAtMs, 1) });
    return true;
  }
  return false;
}

/** `df -h /mnt` in a pod whose claim is a CSI subdirectory: the whole export's size, as NFS reports it. */
export function csiDf(state: SimState, pv: KubeObject): string {
  const attributes = pv.spec?.csi?.volumeAttributes ?? {};
  const device = `${attributes.server ?? ''}:/${directoryOf(state, pv)}`;
  const size = `${(state.nfs?.sizeGb ?? 20).toFixed(1)}G`;
  const free = `${((state.nfs?.sizeGb ?? 20) - 0.2).toFixed(1)}G`;
  // busybox df puts a device name longer than 20 columns on a line of its own.
  return `Filesystem                Size      Used Available Use% Mounted on\n${device}\n${''.padEnd(20)}${size.padStart(12)}    204.8M${free.padStart(10)}   1% /mnt\n`;
}
