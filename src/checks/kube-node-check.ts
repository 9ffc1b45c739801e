import type { LabConfig } from '../lab/config-schema.js';
import { enabledKubeNode } from '../lab/lab-machines.js';
import { kubeVersionChoices, storagePathOf } from '../lab/kube-versions.js';
import type { CheckResult } from './check-result.js';
import type { CheckText } from './check-text.js';
import { gigabytes, type LabNeeds } from './lab-needs.js';

const MIB = 1024 * 1024;
/** What the reduction check suggests: kubeadm's floor for the node, 768 MB for the other VMs. */
const REDUCED_NODE_MB = 1800;
const REDUCED_VM_MB = 768;

/**
 * The lab's own Kubernetes node: which release and storage path it gives and what it costs,
 * or, when it is off, what a cluster of one's own must do and how to add the node instead.
 */
export function kubeNodeCheck(config: LabConfig, { t }: CheckText): CheckResult {
  const id = 'kube-node';
  const node = enabledKubeNode(config);
  if (!node) {
    const network = `${(config.machines[0]?.address ?? '').split('.').slice(0, 3).join('.')}.0/24`;
    return { id, status: 'ok', found: '', message: t('kubeNodeOff', { network }), fix: t('kubeNodeOffFix', { ...kubeVersionChoices }) };
  }
  const path = t(storagePathOf(node.version) === 'csi' ? 'kubeNodePathCsi' : 'kubeNodePathHeketi');
  const eol = node.version === kubeVersionChoices.heketi ? t('kubeNodeEol') : '';
  const message = t('kubeNodeOn', { name: node.name, address: node.address, version: node.version, path, cpus: node.cpus, memory: node.memory_mb }) + eol;
  return { id, status: 'ok', found: node.version, message, fix: '' };
}

/**
 * A memory result for a lab with the node that is not ok says what to lower, by how much:
 * an 8 GB laptop holds the lab with the node only with smaller VMs.
 */
export function withKubeNodeMemoryHint(result: CheckResult, needs: LabNeeds, { t }: CheckText): CheckResult {
  if (result.status === 'ok' || needs.kubeNodeMemoryBytes === 0) return result;
  const others = needs.vms - 1;
  const reduced = (REDUCED_NODE_MB + others * REDUCED_VM_MB) * MIB;
  const hint = t('memoryKubeNodeReduce', { need: gigabytes(needs.memoryBytes), reduced: gigabytes(reduced) });
  return { ...result, fix: `${result.fix}${hint}` };
}

/**
 * Before the first `up`, a lab with its own node has no kubeconfig yet and kubectl's own
 * context says nothing about the cluster the lab will use: the check says it is coming.
 */
export function labClusterComing(config: LabConfig, { t }: CheckText): CheckResult | undefined {
  const node = enabledKubeNode(config);
  if (!node) return undefined;
  return { id: 'k8s-server', status: 'ok', found: node.version, message: t('k8sServerLabNode', { name: node.name, version: node.version }), fix: '' };
}
