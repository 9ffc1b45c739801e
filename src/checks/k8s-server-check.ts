import type { KubeCurrentTarget, KubeVersionInfo } from '../tools/kubectl-types.js';
import type { KubeVersions } from '../tools/kubectl.js';
import type { CheckResult } from './check-result.js';
import type { CheckText } from './check-text.js';
import type { Outcome } from './outcome.js';
import { serverCompat } from '../k8s/server-compat.js';
import { isNotFound } from './probe-error.js';
import { shortReason } from '../tools/short-reason.js';

export interface K8sServerFacts {
  client: Outcome<KubeVersionInfo>;
  target: Outcome<KubeCurrentTarget>;
  versions: Outcome<KubeVersions>;
}

/**
 * The chosen context's server and its version, and which storage path it will get. Only warnings: the VMs are built without
 * a cluster, and the storage step makes the final decision against the server it talks to.
 */
export function k8sServerCheck(facts: K8sServerFacts, { t }: CheckText): CheckResult {
  const id = 'k8s-server';
  if (!facts.client.ok && isNotFound(facts.client.error)) {
    return { id, status: 'warning', found: '', message: t('k8sNoKubectl'), fix: t('k8sNoKubectlFix') };
  }
  if (!facts.target.ok) return { id, status: 'warning', found: '', message: t('k8sNoContext'), fix: t('k8sNoContextFix') };
  const context = facts.target.value.context;
  const server = facts.versions.ok ? facts.versions.value.server : undefined;
  if (!server) {
    const reason = facts.versions.ok ? 'no serverVersion' : shortReason(facts.versions.error);
    return { id, status: 'warning', found: context, message: t('k8sUnreachable', { context, reason }), fix: t('k8sUnreachableFix', { context }) };
  }
  const version = server.gitVersion;
  const found = `${version} (${context})`;
  switch (serverCompat(server).support) {
    // No in-tree plugin: the storage step takes the CSI path there, which needs nothing more of the cluster.
    case 'removed':
      return { id, status: 'ok', found, message: t('k8sRemoved', { context, version }), fix: '' };
    case 'deprecated':
      return { id, status: 'warning', found, message: t('k8sDeprecated', { context, version }), fix: t('k8sDeprecatedFix') };
    // An unreadable version ("devel") is not a reason to warn here: the storage step checks again.
    case 'supported':
    case 'unknown':
      break;
  }
  return { id, status: 'ok', found, message: t('k8sOk', { context, version }), fix: '' };
}
