import { kubeVersionChoices } from './kube-versions.js';

const release = /^v1\.(2[4-9]|[3-9]\d)$/;

/**
 * The node version `init --kubernetes [VALUE]` asks for: no value or "current" is the
 * current release, "heketi" the Heketi path's v1.25, else a `v1.N` from v1.24 on (the
 * releases pkgs.k8s.io serves); undefined for anything else.
 */
export function kubeVersionFromOption(value: unknown): string | undefined {
  if (value === true || value === undefined || value === 'current') return kubeVersionChoices.current;
  if (value === 'heketi') return kubeVersionChoices.heketi;
  if (typeof value !== 'string') return undefined;
  const version = value.startsWith('v') ? value : `v${value}`;
  return release.test(version) ? version : undefined;
}
