/** The stable ids of the prerequisite checks, in the order they are shown. */
export const checkIds = [
  'vagrant',
  'virtualbox',
  'vbox-driver',
  'vagrant-vbox-compat',
  'hostonly-ranges',
  'kubectl',
  'k8s-server',
  'kube-node',
  'git',
  'memory',
  'disk',
  'cpu',
  'virtualization',
  'host-arch',
] as const;

export type CheckId = (typeof checkIds)[number];

export type CheckStatus = 'ok' | 'warning' | 'failure';

/** One check's verdict, in the user's language; `fix` is for this OS and empty when nothing is to be done. */
export interface CheckResult {
  id: CheckId;
  status: CheckStatus;
  /** The version or figure found ("2.3.4", "16 GB"), or "" when there is none. */
  found: string;
  message: string;
  fix: string;
}

export interface CheckSummary {
  ok: number;
  warnings: number;
  failures: number;
}

export function summarize(results: readonly CheckResult[]): CheckSummary {
  return {
    ok: results.filter((r) => r.status === 'ok').length,
    warnings: results.filter((r) => r.status === 'warning').length,
    failures: results.filter((r) => r.status === 'failure').length,
  };
}
