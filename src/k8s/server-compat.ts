import type { KubeVersionInfo } from '../tools/kubectl-types.js';

/**
 * Whether a Kubernetes server can run the in-tree `kubernetes.io/glusterfs` provisioner:
 * deprecated in v1.25, removed in v1.26 (kubernetes/kubernetes#112015, the v1.26 release notes).
 */
export type ServerSupport = 'supported' | 'deprecated' | 'removed' | 'unknown';

export interface ServerCompat {
  support: ServerSupport;
  /** `v1.24.17+k3s1` as the server reports it. */
  gitVersion: string;
  major?: number;
  minor?: number;
}

const glusterfsDeprecatedMinor = 25;
const glusterfsRemovedMinor = 26;

/**
 * Reads the version from `major`/`minor` (which distributions suffix, e.g. `"27+"`) and
 * falls back to `gitVersion` (`v1.24.17+k3s1`) when those are empty, as some builds leave them.
 */
export function serverCompat(server: KubeVersionInfo): ServerCompat {
  const fromFields = { major: leadingInt(server.major), minor: leadingInt(server.minor) };
  const fromGit = /^v?(\d+)\.(\d+)/.exec(server.gitVersion.trim());
  const major = fromFields.major ?? (fromGit ? Number(fromGit[1]) : undefined);
  const minor = fromFields.minor ?? (fromGit ? Number(fromGit[2]) : undefined);
  const base = { gitVersion: server.gitVersion };
  if (major === undefined || minor === undefined) return { support: 'unknown', ...base };
  const known = { ...base, major, minor };
  if (major > 1 || minor >= glusterfsRemovedMinor) return { support: 'removed', ...known };
  if (minor === glusterfsDeprecatedMinor) return { support: 'deprecated', ...known };
  return { support: 'supported', ...known };
}

function leadingInt(text: string | undefined): number | undefined {
  const match = /^\s*(\d+)/.exec(text ?? '');
  return match ? Number(match[1]) : undefined;
}
