import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { serverMinor } from './scenarios.js';
import type { SimState } from './sim-state.js';

/** The lab's own one-node cluster as the simulator knows it (absent: the lab has no node). */
export interface SimLabNode {
  name: string;
  address: string;
  /** Minor release of its Kubernetes (35 for v1.35). */
  minor: number;
}

/** Minor version of the cluster kubectl talks to: the lab's node when it is that one, else the scenario's. */
export function clusterMinor(state: SimState): number {
  return state.labNode?.minor ?? serverMinor(state.scenarios);
}

/** What kubeadm init leaves in /etc/kubernetes/admin.conf, with stand-in certificate data (no real key). */
export function kubeadmAdminConf(node: SimLabNode): string {
  const data = (what: string) => Buffer.from(`-----BEGIN ${what}-----\nSIMULATED ${node.name}\n-----END ${what}-----\n`).toString('base64');
  return [
    'apiVersion: v1',
    'clusters:',
    '- cluster:',
    `    certificate-authority-data: ${data('CERTIFICATE')}`,
    `    server: https://${node.address}:6443`,
    '  name: kubernetes',
    'contexts:',
    '- context:',
    '    cluster: kubernetes',
    '    user: kubernetes-admin',
    '  name: kubernetes-admin@kubernetes',
    'current-context: kubernetes-admin@kubernetes',
    'kind: Config',
    'preferences: {}',
    'users:',
    '- name: kubernetes-admin',
    '  user:',
    `    client-certificate-data: ${data('CERTIFICATE')}`,
    `    client-key-data: ${data('RSA PRIVATE KEY')}`,
    '',
  ].join('\n');
}

/** The context kubectl would use from a kubeconfig file: its name and its cluster's server. */
export interface KubeconfigContext {
  name: string;
  server: string;
}

/**
 * Reads `--kubeconfig FILE` as kubectl does: the context named by `--context`, else the
 * current one; an error sentence in kubectl's words when the file or the context is missing.
 */
export function kubeconfigContext(file: string, wanted: string | undefined, cwd = process.cwd()): KubeconfigContext | { error: string } {
  let doc: { contexts?: Array<{ name?: string; context?: { cluster?: string } }>; clusters?: Array<{ name?: string; cluster?: { server?: string } }>; 'current-context'?: string };
  try {
    doc = (parse(readFileSync(resolve(cwd, file), 'utf8')) ?? {}) as typeof doc;
  } catch {
    return { error: `error: stat ${file}: no such file or directory` };
  }
  const name = wanted ?? doc['current-context'];
  const context = doc.contexts?.find((c) => c.name === name);
  if (!name || !context) return { error: wanted ? `error: context "${wanted}" does not exist` : 'error: current-context is not set' };
  const server = doc.clusters?.find((c) => c.name === context.context?.cluster)?.cluster?.server ?? '';
  return { name, server };
}

/** Whether `server` is the lab node's API server, and the node answers (running, provisioned). */
export function labClusterAnswers(state: SimState, server: string): 'yes' | 'down' | 'elsewhere' {
  const node = state.labNode;
  if (!node || server !== `https://${node.address}:6443`) return 'elsewhere';
  const machine = state.machines[node.name];
  return machine?.state === 'running' && machine.provisioned ? 'yes' : 'down';
}
