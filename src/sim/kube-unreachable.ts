import type { KubectlArgs } from './kubectl-argv-parser.js';
import { versionJson } from './kubectl-version.js';
import type { ScenarioName } from './scenarios.js';

/** The simulated cluster's API server, as the simulated kubeconfig names it. */
export const simServer = '127.0.0.1:6443';

/** What kubectl prints when the API server refuses connections: stdout (kept) and stderr. */
export interface UnreachableOutput {
  stdout: string;
  stderr: string;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * The 'k8s-unreachable' scenario: the cluster is down. Commands that only read the
 * kubeconfig still work; every other prints what kubectl v1.32 prints against a closed
 * port (recorded on this machine: test/fixtures/diagnosis/kubectl-server-unreachable.kubectl132-here.txt)
 * — `version` its client half and one line, the rest five klog lines of API discovery
 * first — and exits 1. Undefined when the command would work.
 */
export function unreachableOutput(scenarios: readonly ScenarioName[], args: KubectlArgs, now = new Date(), pid = process.pid): UnreachableOutput | undefined {
  if (!scenarios.includes('k8s-unreachable')) return undefined;
  const refused = `The connection to the server ${simServer} was refused - did you specify the right host or port?\n`;
  if (args.command === 'config') return undefined;
  if (args.command === 'version') {
    if (args.flags.has('--client')) return undefined;
    return { stdout: versionJson(scenarios, true), stderr: refused };
  }
  const stamp = `E${pad(now.getMonth() + 1, 2)}${pad(now.getDate(), 2)} ${pad(now.getHours(), 2)}:${pad(now.getMinutes(), 2)}:${pad(now.getSeconds(), 2)}.${pad(now.getMilliseconds() * 1000, 6)}`;
  const klog = `${stamp} ${String(pid).padStart(7)} memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \\"https://${simServer}/api?timeout=32s\\": dial tcp ${simServer}: connect: connection refused"\n`;
  return { stdout: '', stderr: klog.repeat(5) + refused };
}
