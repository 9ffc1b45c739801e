import type { KubeNodeConfig, LabConfig } from './config-schema.js';
import { kubeVersionChoices } from './kube-versions.js';

/**
 * The node `init` writes into a new gluster-lab.yaml (off unless asked): kubeadm's minimum
 * of 2 CPUs and 2 GB, on the next address after the lab's VMs in their network (.24 beside
 * the default .20-.23), so it shares the host-only network with them.
 */
export function defaultKubeNode(config: Pick<LabConfig, 'machines'>, enabled: boolean, version: string = kubeVersionChoices.current): KubeNodeConfig {
  return { enabled, name: 'k8s', version, address: nextAddress(config.machines.map((m) => m.address)), cpus: 2, memory_mb: 2048 };
}

/** The first free address after the highest of `addresses` in the first one's /24 (wrapping to .2). */
function nextAddress(addresses: readonly string[]): string {
  const first = addresses[0] ?? '192.168.56.20';
  const prefix = first.split('.').slice(0, 3).join('.');
  const used = new Set(addresses.filter((a) => a.startsWith(`${prefix}.`)).map((a) => Number(a.split('.')[3])));
  const highest = Math.max(1, ...used);
  const candidates = [...range(highest + 1, 254), ...range(2, highest)];
  return `${prefix}.${candidates.find((n) => !used.has(n)) ?? highest}`;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}
