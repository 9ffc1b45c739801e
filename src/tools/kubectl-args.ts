import { existsSync } from 'node:fs';
import type { KubeTarget, NamespaceScope } from './kubectl-types.js';

/**
 * The target kubectl is sent to: `--context` and `--kubeconfig` as the user gave them; without
 * either, the lab's own cluster when it has one (its kubeconfig exists, asked anew on each
 * call: it appears in the middle of a session, after `up`).
 */
export function effectiveKubeTarget(kube: KubeTarget): { context?: string; kubeconfig?: string } {
  if (kube.context || kube.kubeconfig) return { context: kube.context, kubeconfig: kube.kubeconfig };
  return kube.labKubeconfig && existsSync(kube.labKubeconfig) ? { kubeconfig: kube.labKubeconfig } : {};
}

/** `--context` and `--kubeconfig` first, so every command goes to the cluster the user (or the lab) chose. */
export function kubectlArgs(kube: KubeTarget, args: readonly string[]): string[] {
  const { context, kubeconfig } = effectiveKubeTarget(kube);
  const target: string[] = [];
  if (context) target.push('--context', context);
  if (kubeconfig) target.push('--kubeconfig', kubeconfig);
  return [...target, ...args];
}

/** `-n NS`, or `-A` for every namespace. */
function namespaceArgs(namespace: NamespaceScope): string[] {
  return namespace === 'all' ? ['-A'] : ['-n', namespace];
}

/** The subcommand part of each kubectl call (before kubectlArgs adds the target). */
export const kubectlCommandArgs = {
  clientVersion: (): string[] => ['version', '--client', '-o', 'json'],
  version: (): string[] => ['version', '-o', 'json'],
  currentTarget: (): string[] => ['config', 'view', '--minify', '-o', 'json'],
  storageClasses: (): string[] => ['get', 'storageclass', '-o', 'json'],
  pvcs: (namespace: NamespaceScope): string[] => ['get', 'pvc', ...namespaceArgs(namespace), '-o', 'json'],
  pvc: (namespace: string, name: string): string[] => ['get', 'pvc', name, '-n', namespace, '-o', 'json'],
  pvs: (): string[] => ['get', 'pv', '-o', 'json'],
  secret: (namespace: string, name: string): string[] => ['get', 'secret', name, '-n', namespace, '-o', 'json'],
  pods: (namespace: NamespaceScope): string[] => ['get', 'pods', ...namespaceArgs(namespace), '-o', 'json'],
  pod: (namespace: string, name: string): string[] => ['get', 'pod', name, '-n', namespace, '-o', 'json'],
  labelledPods: (selector: string): string[] => ['get', 'pods', '-A', '-l', selector, '-o', 'json'],
  events: (namespace: string, involved: { kind: string; name: string }): string[] => [
    'get',
    'events',
    '-n',
    namespace,
    '--field-selector',
    `involvedObject.kind=${involved.kind},involvedObject.name=${involved.name}`,
    '-o',
    'json',
  ],
  apply: (): string[] => ['apply', '-f', '-', '-o', 'json'],
  applyText: (): string[] => ['apply', '-f', '-'],
  object: (kind: string, name: string, namespace: string | undefined): string[] => ['get', kind, name, ...(namespace === undefined ? [] : ['-n', namespace]), '-o', 'json'],
  create: (): string[] => ['create', '-f', '-', '-o', 'json'],
  replace: (): string[] => ['replace', '-f', '-', '-o', 'json'],
  delete: (kind: string, name: string, namespace: string | undefined, wait: boolean): string[] => [
    'delete',
    kind,
    name,
    ...(namespace === undefined ? [] : ['-n', namespace]),
    '--ignore-not-found',
    `--wait=${wait}`,
  ],
  patch: (kind: string, name: string, patch: unknown, namespace: string | undefined): string[] => [
    'patch',
    kind,
    name,
    ...(namespace === undefined ? [] : ['-n', namespace]),
    '--type',
    'merge',
    '-p',
    JSON.stringify(patch),
    '-o',
    'json',
  ],
  logs: (namespace: string, pod: string, tail: number): string[] => ['logs', pod, '-n', namespace, `--tail=${tail}`],
  exec: (namespace: string, pod: string, argv: readonly string[]): string[] => ['exec', pod, '-n', namespace, '--', ...argv],
};
