import type { CommandRunner } from '../command-runner.js';
import { ExitCode } from '../exit-codes.js';
import type { AppContext } from '../context.js';
import { labMachines } from '../doctor/doctor-context.js';
import { nfsPort, readNfsExport } from '../doctor/read-nfs-export.js';
import { readPeerStatus } from '../doctor/read-peer-status.js';
import { heketiCapacity } from '../k8s/heketi-capacity.js';
import { labClassState } from '../k8s/lab-class-state.js';
import type { LabConfig } from '../lab/config-schema.js';
import { readHeketiAdminKey } from '../lab/heketi-admin-key.js';
import { recordVmCount } from '../lab/lab-summary.js';
import { readClusterObjects, type ClusterObjects } from '../claims/cluster-objects.js';
import { HeketiClient } from '../tools/heketi-client.js';
import { currentTarget, kubectlVersion } from '../tools/kubectl.js';
import { shortReason } from '../tools/short-reason.js';
import { vagrantStatus } from '../tools/vagrant.js';
import { statusLines, type LabStatus } from '../status/lab-status.js';
import { labConfigOrReport } from './lab-config.js';
import { toolOptions } from './tool-options-from-context.js';

export const statusCommand: CommandRunner = (ctx) => statusFlow(ctx);

// status must answer quickly even when the cluster, Heketi or a VM is down.
const KUBE_TIMEOUT_MS = 5_000;
const HEKETI_TIMEOUT_MS = 5_000;
const PEERS_TIMEOUT_MS = 30_000;

/** `status` (+ `--json`): VMs, gluster peers, Heketi, the Kubernetes target, the lab's StorageClass and its PVCs. */
export async function statusFlow(ctx: AppContext): Promise<number> {
  const config = await labConfigOrReport(ctx);
  if (!config) return ExitCode.failed;
  const status = await readLabStatus(ctx, config);
  if (ctx.json) ctx.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
  else ctx.stdout.write(`${statusLines(status, ctx.lang, { labDir: ctx.labDir, heketiVm: labMachines(config).heketi }).join('\n')}\n`);
  return ExitCode.ok;
}


/** Asks vagrant, Heketi and kubectl at the same time; each failure is reported, none is fatal. */
export async function readLabStatus(ctx: AppContext, config: LabConfig): Promise<LabStatus> {
  const vmsRead = vmStates(ctx, config);
  const [vms, glusterPeers, heketi, nfsExport, cluster] = await Promise.all([
    vmsRead,
    vmsRead.then((states) => peerState(ctx, config, states)),
    heketiState(ctx, config),
    vmsRead.then((states) => nfsExportState(ctx, config, states)),
    clusterState(ctx, config),
  ]);
  return { lab: { name: config.name, dir: ctx.labDir }, vms, glusterPeers, heketi, nfsExport, ...cluster };
}

/** NFS-Ganesha's port on each gluster VM vagrant says runs; the others are listed, not asked. */
async function nfsExportState(ctx: AppContext, config: LabConfig, vms: LabStatus['vms']): Promise<LabStatus['nfsExport']> {
  const gluster = config.machines.filter((m) => m.role === 'gluster');
  const running = gluster.filter((m) => vms.ok && vms.machines.some((v) => v.name === m.name && v.state === 'running')).map((m) => m.name);
  const answers = await readNfsExport(config, running, { env: ctx.env, signal: ctx.signal });
  const servers = gluster.map((m) => {
    const asked = answers.find((a) => a.vm === m.name);
    if (!asked) return { vm: m.name, address: m.address, asked: false };
    const { open, ms, error } = asked.answer;
    return { vm: m.name, address: m.address, asked: true, answers: open, ms, ...(open || error === undefined ? {} : { error }) };
  });
  return { export: config.nfs.export, volume: config.nfs.volume, port: nfsPort, servers };
}

async function vmStates(ctx: AppContext, config: LabConfig): Promise<LabStatus['vms']> {
  try {
    const machines = await vagrantStatus(toolOptions(ctx, { cwd: ctx.labDir }));
    const names = new Set(config.machines.map((m) => m.name));
    await recordVmCount(ctx.labDir, machines.filter((m) => names.has(m.name) && m.state === 'running').length, config.machines.length);
    return { ok: true, machines };
  } catch (error) {
    return { ok: false, error: shortReason(error) };
  }
}

/** `gluster peer status` on the first gluster VM, only when vagrant says it runs: ssh to a stopped VM just hangs. */
async function peerState(ctx: AppContext, config: LabConfig, vms: LabStatus['vms']): Promise<LabStatus['glusterPeers']> {
  const vm = labMachines(config).gluster[0];
  if (vm === undefined) return { vm: null, asked: false };
  const running = vms.ok && vms.machines.some((m) => m.name === vm && m.state === 'running');
  if (!running) return { vm, asked: false };
  try {
    const peers = await readPeerStatus(ctx.labDir, vm, toolOptions(ctx, { timeoutMs: PEERS_TIMEOUT_MS }));
    return { vm, asked: true, peers: peers.map((p) => ({ hostname: p.hostname, state: p.stateStr, connected: p.connected })) };
  } catch (error) {
    return { vm, asked: true, error: shortReason(error) };
  }
}

async function heketiState(ctx: AppContext, config: LabConfig): Promise<LabStatus['heketi']> {
  const url = config.heketi.url;
  const key = await readHeketiAdminKey(ctx.labDir);
  // /hello needs no key; the topology is asked for only with one, so a missing key is not reported as a refused one.
  const client = new HeketiClient({ url, user: config.heketi.admin_user, key: key.ok ? key.key : '', timeoutMs: HEKETI_TIMEOUT_MS, signal: ctx.signal });
  let hello: string;
  try {
    hello = await client.hello();
  } catch (error) {
    return { url, reachable: false, error: shortReason(error) };
  }
  if (!key.ok) return { url, reachable: true, hello, keyError: { path: key.path, reason: key.reason } };
  try {
    const capacity = heketiCapacity(await client.topology());
    return {
      url,
      reachable: true,
      hello,
      topology: {
        nodes: capacity.nodes.length,
        devices: capacity.nodes.reduce((sum, n) => sum + n.devices, 0),
        totalKiB: capacity.totalKiB,
        freeKiB: capacity.freeKiB,
      },
    };
  } catch (error) {
    return { url, reachable: true, hello, topologyError: shortReason(error) };
  }
}

type ClusterState = Pick<LabStatus, 'kubernetes' | 'storageClass' | 'claims'>;

/** The target and its version; when the server answers, the lab's class and its claims (the doctor's reader). */
async function clusterState(ctx: AppContext, config: LabConfig): Promise<ClusterState> {
  const name = config.kubernetes.storage_class;
  const notChecked = (kubernetes: LabStatus['kubernetes']): ClusterState => ({ kubernetes, storageClass: { name, checked: false }, claims: { checked: false } });
  const opts = toolOptions(ctx, { timeoutMs: KUBE_TIMEOUT_MS });
  let target;
  try {
    target = await currentTarget(ctx.kube, opts);
  } catch {
    // No kubeconfig or no current context: nothing is configured yet, which is fine here.
    return notChecked({ configured: false });
  }
  const base = { configured: true, context: target.context, server: target.server };
  let version: string;
  try {
    const versions = await kubectlVersion(ctx.kube, opts);
    if (!versions.server) return notChecked({ ...base, reachable: false, error: 'no server version' });
    version = versions.server.gitVersion;
  } catch (error) {
    return notChecked({ ...base, reachable: false, error: shortReason(error) });
  }
  const kubernetes = { ...base, reachable: true, version };
  let objects: ClusterObjects;
  try {
    objects = await readClusterObjects(ctx.kube, opts);
  } catch (error) {
    const reason = shortReason(error);
    return { kubernetes, storageClass: { name, checked: false, error: reason }, claims: { checked: false, error: reason } };
  }
  const labClass = labClassState(config, objects.classes);
  const storageClass: LabStatus['storageClass'] = labClass.present
    ? { name, checked: true, present: true, asConfigured: labClass.differences.length === 0, differences: labClass.differences }
    : { name, checked: true, present: false };
  const items = objects.pvcs
    .filter((pvc) => pvc.spec.storageClassName === name)
    .map((pvc) => ({ namespace: pvc.metadata.namespace ?? 'default', name: pvc.metadata.name, status: pvc.status?.phase ?? 'Pending', capacity: pvc.status?.capacity?.storage ?? '' }))
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
  return { kubernetes, storageClass, claims: { checked: true, items } };
}
