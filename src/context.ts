import type { HostProbes } from './checks/host-probes.js';
import type { Lang } from './i18n/define.js';

import type { KubeTarget } from './tools/kubectl-types.js';

// Flows and checks name the kube target through the context; tools own the type.
export type { KubeTarget };

/**
 * What every flow receives from the command line: the choices the user made and
 * the streams to talk on. Flows never read process.argv or process.env themselves.
 */
export interface AppContext {
  lang: Lang;
  /** Absolute path of the lab directory. */
  labDir: string;
  json: boolean;
  yes: boolean;
  kube: KubeTarget;
  /** True when stdin and stdout are terminals: live screens and questions allowed. */
  interactive: boolean;
  /** Aborted on Ctrl-C (first press); flows pass it to every child process. */
  signal: AbortSignal;
  /** Aborted on the second Ctrl-C: children are killed at once. */
  forceSignal: AbortSignal;
  /**
   * What Ctrl-C does. Ink screens in raw mode receive Ctrl-C as a key and call this;
   * outside raw mode the SIGINT handler calls it. First call aborts `signal`, second `forceSignal`.
   */
  interrupt: () => void;
  /** Environment for child processes (PATH decides which vagrant/kubectl run). */
  env: NodeJS.ProcessEnv;
  /** Where keys, pastes and answers come from; screens read it, never process.stdin. */
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** Set by `demo`: screens show the simulation marker. */
  simulation: boolean;
  /**
   * Set by `demo` from --speed (default 1): waits for the cluster (Bound, client pods) divide
   * their time-outs and poll intervals by it, as the simulated cluster runs that much faster.
   */
  waitScale?: number;
  /**
   * Set by `demo` only: replaces what the checks read from the machine itself (memory,
   * CPU flags, networks.conf) with the simulated laptop's facts.
   */
  hostProbes?: (real: HostProbes) => HostProbes;
}
