import { checkCluster, type ClusterFacts } from './check-cluster.js';
import { checkGlusterPeers } from './check-gluster-peers.js';
import { checkHeketi } from './check-heketi.js';
import { checkNfsExport } from './check-nfs-export.js';
import { checkPermissionDenied } from './check-permission-denied.js';
import { checkPodMounts } from './check-pod-mounts.js';
import { checkPvcs } from './check-pvcs.js';
import { checkStorageClass } from './check-storageclass.js';
import { checkVms, type VmFacts } from './check-vms.js';
import { labMachines, type DoctorContext } from './doctor-context.js';
import { ownFinding } from './catalogue-findings.js';
import { layerNames, type DoctorReport, type LayerName, type LayerResult } from './doctor-types.js';

const layerTitleKey = {
  vms: 'layerVms',
  heketi: 'layerHeketi',
  'gluster-peers': 'layerGlusterPeers',
  'nfs-export': 'layerNfsExport',
  cluster: 'layerCluster',
  storageclass: 'layerStorageclass',
  pvcs: 'layerPvcs',
  'pod-mounts': 'layerPodMounts',
  'permission-denied': 'layerPermissionDenied',
} as const satisfies Record<LayerName, string>;

export function layerTitle(dc: Pick<DoctorContext, 't'>, layer: LayerName): string {
  return dc.t(layerTitleKey[layer]);
}

function skipped(layer: LayerName, summary: string): LayerResult {
  return { layer, status: 'skipped', summary, findings: [] };
}

/**
 * Runs every layer check as early as it can: VMs and cluster at once, each dependent layer
 * when the one it needs has answered. A layer whose prerequisite is down is skipped with one
 * line saying why, so one cause is not reported as several failures. `onLayer` gets each
 * result as it finishes; the report lists them in the fixed order of `layerNames`.
 */
export async function runDoctor(dc: DoctorContext, onLayer: (result: LayerResult) => void = () => {}): Promise<DoctorReport> {
  const { t } = dc;
  const guard = (layer: LayerName, work: () => Promise<LayerResult>): Promise<LayerResult> =>
    work()
      .catch((error: unknown) => {
        // Ctrl-C stops the run; anything else is one layer's failure, not the whole report's.
        if (dc.tool.signal?.aborted) throw error;
        const message = error instanceof Error ? error.message : String(error);
        const finding = ownFinding(layer, `unexpected.${layer}`, { title: t('unexpectedTitle', { layer: layerTitle(dc, layer) }), explanation: t('unexpectedWhat', { error: message }), fix: t('unexpectedFix') }, message.split('\n').slice(0, 8));
        return { layer, status: 'failed' as const, summary: t('statusFailed'), findings: [finding] };
      })
      .then((result) => {
        onLayer(result);
        return result;
      });

  let vmFacts: VmFacts = { vagrantOk: false, running: new Set() };
  let clusterFacts: ClusterFacts = { reachable: false };
  const vms = guard('vms', async () => {
    const { result, facts } = await checkVms(dc);
    vmFacts = facts;
    return result;
  });
  const cluster = guard('cluster', async () => {
    const { result, facts } = await checkCluster(dc);
    clusterFacts = facts;
    return result;
  });

  const machines = labMachines(dc.config);
  const heketi = vms.then(() =>
    guard('heketi', async () => {
      const vm = machines.heketi;
      // Heketi is asked only when its VM is known to run: the lab's address is contacted only then.
      if (!vmFacts.vagrantOk) {
        // vagrant could not say whether the VM runs, but Heketi may still answer: ask it, and
        // skip only when nothing answers (that would repeat the vagrant failure).
        const result = await checkHeketi(dc);
        return result.findings.some((f) => f.id === 'doctor.heketi-unreachable') ? skipped('heketi', t('skipPeersVagrant')) : result;
      }
      if (vm !== undefined && !vmFacts.running.has(vm)) return skipped('heketi', t('skipHeketiVm', { vm }));
      return checkHeketi(dc);
    }),
  );
  const peers = vms.then(() =>
    guard('gluster-peers', async () => {
      if (!vmFacts.vagrantOk) return skipped('gluster-peers', t('skipPeersVagrant'));
      const [first] = machines.gluster;
      if (first === undefined || machines.gluster.some((m) => !vmFacts.running.has(m))) return skipped('gluster-peers', t('skipPeersVms'));
      return checkGlusterPeers(dc, first);
    }),
  );
  const nfsExport = vms.then(() =>
    guard('nfs-export', async () => {
      if (!vmFacts.vagrantOk) return skipped('nfs-export', t('skipPeersVagrant'));
      // Only VMs known to run are asked: the lab's addresses are contacted only then.
      const running = machines.gluster.filter((m) => vmFacts.running.has(m));
      if (running.length === 0) return skipped('nfs-export', t('skipPeersVms'));
      return checkNfsExport(dc, running);
    }),
  );
  const afterCluster = (layer: LayerName, check: () => Promise<LayerResult>) =>
    cluster.then(() => guard(layer, async () => (clusterFacts.reachable ? check() : skipped(layer, t('skipCluster')))));
  const storageclass = afterCluster('storageclass', () => checkStorageClass(dc));
  const pvcs = afterCluster('pvcs', () => checkPvcs(dc, clusterFacts.compat));
  const mounts = afterCluster('pod-mounts', () => checkPodMounts(dc));
  const denied = afterCluster('permission-denied', () => checkPermissionDenied(dc));

  const byLayer: Record<LayerName, Promise<LayerResult>> = {
    vms,
    heketi,
    'gluster-peers': peers,
    'nfs-export': nfsExport,
    cluster,
    storageclass,
    pvcs,
    'pod-mounts': mounts,
    'permission-denied': denied,
  };
  const layers = await Promise.all(layerNames.map((name) => byLayer[name]));
  return { layers, findings: layers.flatMap((l) => l.findings) };
}

/** 1 when any layer failed (an error finding); warnings and skips alone do not fail the run. */
export function doctorExitCode(report: DoctorReport): 0 | 1 {
  return report.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
