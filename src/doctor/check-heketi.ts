import { heketiCapacity, largestReplicaKiB, requiredNodes } from '../k8s/heketi-capacity.js';
import { brickSpace } from '../k8s/heketi-space.js';
import { formatBytes } from '../k8s/quantity.js';
import { HeketiClient, HeketiError } from '../tools/heketi-client.js';
import type { HeketiTopology } from '../tools/heketi-types.js';
import { ownFinding } from './catalogue-findings.js';
import { labMachines, type DoctorContext } from './doctor-context.js';
import { statusOf, type DoctorFinding, type LayerResult } from './doctor-types.js';

/** The smallest claim the provisioner asks Heketi for: 1 GiB (KiB, as Heketi counts). */
const smallestClaimKiB = 1024 * 1024;

/** Heketi counts KiB; every figure is shown by the one byte formatter. */
const kibText = (kib: number): string => formatBytes(kib * 1024);

/** Heketi /hello (no key) and then the topology (signed): nodes, devices, their state and free space. */
export async function checkHeketi(dc: DoctorContext): Promise<LayerResult> {
  const { t, config } = dc;
  const vm = labMachines(config).heketi ?? 'heketi';
  const url = config.heketi.url;
  const failed = (summary: string, finding: DoctorFinding): LayerResult => ({ layer: 'heketi', status: 'failed', summary, findings: [finding] });
  const key = await dc.heketiKey();
  // /hello needs no key: whether Heketi answers is worth knowing even without one.
  const client = new HeketiClient({ url, user: config.heketi.admin_user, key: key.ok ? key.key : '', timeoutMs: 10_000, signal: dc.tool.signal });

  try {
    await client.hello();
  } catch (error) {
    if (!(error instanceof HeketiError)) throw error;
    if (error.kind !== 'unreachable') {
      // Something answered, but not as Heketi does: a wrong port or another service.
      return failed(t('sumHeketiDown', { url }), ownFinding('heketi', 'heketi-http', { title: t('heketiHttpTitle'), explanation: t('heketiHttpWhat', { error: error.message }), fix: t('heketiUrlFix', { vm }) }, [error.message]));
    }
    const reason = error.code ?? error.kind;
    return failed(
      t('sumHeketiDown', { url }),
      ownFinding('heketi', 'heketi-unreachable', { title: t('heketiUnreachableTitle'), explanation: t('heketiUnreachableWhat', { url, reason, vm }), fix: t('heketiUnreachableFix', { vm, dir: dc.labDir }) }, [error.message], { category: 'heketi-unreachable' }),
    );
  }
  if (!key.ok) {
    const file = key.path;
    return failed(t('sumHeketiDown', { url }), ownFinding('heketi', 'heketi-key-missing', { title: t('heketiKeyMissingTitle'), explanation: t('heketiKeyMissingWhat', { file }), fix: t('heketiKeyMissingFix', { vm }) }));
  }

  let topology: HeketiTopology;
  try {
    topology = await client.topology();
  } catch (error) {
    if (!(error instanceof HeketiError)) throw error;
    if (error.kind === 'auth') {
      return failed(
        t('sumHeketiDown', { url }),
        ownFinding('heketi', 'heketi-auth', { title: t('heketiAuthTitle'), explanation: t('heketiAuthWhat', { user: config.heketi.admin_user }), fix: t('heketiAuthFix', { file: key.path, vm }) }, [error.message], { category: 'heketi-auth' }),
      );
    }
    return failed(t('sumHeketiDown', { url }), ownFinding('heketi', 'heketi-http', { title: t('heketiHttpTitle'), explanation: t('heketiHttpWhat', { error: error.message }), fix: t('heketiHttpFix', { vm }) }, [error.message]));
  }
  return topologyResult(dc, topology, vm);
}

/** Judges a topology against gluster-lab.yaml: every gluster VM a node, each with an online device with room. */
export function topologyResult(dc: DoctorContext, topology: HeketiTopology, vm: string): LayerResult {
  const { t, config } = dc;
  const nodes = topology.clusters.flatMap((c) => c.nodes);
  const findings: DoctorFinding[] = [];
  const known = new Set(nodes.flatMap((n) => [...n.hostnames.manage, ...n.hostnames.storage]));
  const glusterVms = config.machines.filter((m) => m.role === 'gluster');
  const missing = glusterVms.filter((m) => !known.has(m.address) && !known.has(m.name));
  const evidence = nodes.map((n) => `${n.hostnames.manage.join(',')}: ${n.state}, ${n.devices.map((d) => `${d.name} ${d.state} ${kibText(d.storage.free)} free`).join('; ') || 'no devices'}`);
  if (missing.length > 0) {
    const missingText = missing.map((m) => `${m.name} (${m.address})`).join(', ');
    findings.push(ownFinding('heketi', 'heketi-nodes', { title: t('heketiNodesTitle'), explanation: t('heketiNodesWhat', { found: nodes.length, expected: glusterVms.length, missing: missingText }), fix: t('heketiNodesFix', { vm }) }, evidence, { category: 'heketi-node' }));
  }
  const offline = [
    ...nodes.filter((n) => n.state !== 'online').map((n) => `${n.hostnames.manage.join(',')}: ${n.state}`),
    ...nodes.flatMap((n) => n.devices.filter((d) => d.state !== 'online').map((d) => `${n.hostnames.manage.join(',')} ${d.name}: ${d.state}`)),
  ];
  if (offline.length > 0) {
    findings.push(ownFinding('heketi', 'heketi-offline', { title: t('heketiNodeStateTitle'), explanation: t('heketiNodeStateWhat', { items: offline.join('; ') }), fix: t('heketiNodeStateFix', { vm }) }, evidence, { category: 'heketi-node' }));
  }
  const bare = nodes.filter((n) => n.devices.length === 0).map((n) => n.hostnames.manage.join(','));
  if (bare.length > 0) {
    findings.push(ownFinding('heketi', 'heketi-no-devices', { title: t('heketiNoDevicesTitle'), explanation: t('heketiNoDevicesWhat', { nodes: bare.join(', ') }), fix: t('heketiNoDevicesFix', { vm }) }, evidence, { category: 'heketi-device' }));
  }
  // The same figures as `status` and `storage`: online devices on usable nodes, and the
  // largest volume counted with Heketi's own arithmetic (thin pool + metadata per brick).
  const capacity = heketiCapacity(topology);
  const largestKiB = largestReplicaKiB(capacity);
  if (capacity.usableNodes >= requiredNodes && largestKiB < smallestClaimKiB) {
    // MiB, not rounded GiB: 1032 MiB needed against 1028 MiB free is the whole story.
    const mib = (kib: number) => `${Math.floor(kib / 1024)} MiB`;
    const need = mib(brickSpace(smallestClaimKiB).totalKiB);
    const free = capacity.nodes.map((n) => `${n.host} ${mib(n.freeKiB)}`).join(', ');
    findings.push(ownFinding('heketi', 'heketi-low-space', { title: t('heketiLowSpaceTitle'), explanation: t('heketiLowSpaceWhat', { need, free }), fix: t('heketiLowSpaceFix') }, evidence, { category: 'heketi-no-space', severity: 'warning' }));
  }
  const usableDevices = capacity.nodes.reduce((sum, n) => sum + n.devices, 0);
  const summary = t('sumHeketi', { nodes: capacity.nodes.length, devices: usableDevices, free: kibText(capacity.freeKiB), largest: largestKiB > 0 ? `${largestKiB / smallestClaimKiB}Gi` : t('sumHeketiNoClaim') });
  return { layer: 'heketi', status: statusOf(findings), summary, findings };
}
