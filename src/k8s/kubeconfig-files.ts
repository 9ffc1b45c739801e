import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { effectiveKubeTarget } from '../tools/kubectl-args.js';
import type { KubeTarget } from '../tools/kubectl-types.js';

/**
 * The kubeconfig files kubectl would read, when none of them exists: then kubectl falls
 * back to localhost:8080 and prints "connection refused" or klog `memcache.go` lines that
 * say nothing about the real cause. Undefined when at least one file exists.
 * Order as kubectl's: --kubeconfig, else every KUBECONFIG entry, else ~/.kube/config.
 */
export function missingKubeconfigFiles(kube: KubeTarget, env: NodeJS.ProcessEnv): string[] | undefined {
  const fromEnv = (env.KUBECONFIG ?? '').split(delimiter).filter((p) => p.length > 0);
  const home = env.HOME ?? env.USERPROFILE;
  const { kubeconfig } = effectiveKubeTarget(kube);
  const files = kubeconfig ? [kubeconfig] : fromEnv.length > 0 ? fromEnv : home ? [join(home, '.kube', 'config')] : [];
  if (files.length === 0) return undefined;
  return files.some((f) => existsSync(f)) ? undefined : files;
}
