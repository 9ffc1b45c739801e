import type { RunOptions } from './run.js';

/** What every tool function accepts last: cancellation, environment, deadline, directory. */
export interface ToolOptions {
  /** First Ctrl-C: the child gets SIGINT, then SIGTERM and SIGKILL after grace periods. */
  signal?: AbortSignal;
  /** Second Ctrl-C: the child's process group is killed at once. */
  forceSignal?: AbortSignal;
  /** Full environment of the child (PATH decides which vagrant/kubectl runs). */
  env?: NodeJS.ProcessEnv;
  /** Overrides the command's own default deadline. */
  timeoutMs?: number;
  cwd?: string;
  /** Grace between SIGINT, SIGTERM and SIGKILL; tests shorten it. */
  graceMs?: number;
}

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

/**
 * Default deadlines, by kind of command. A version check that takes longer than
 * ten seconds is broken; a first `vagrant up` downloads a box and runs Ansible on
 * four machines, so it gets an hour.
 */
export const defaultTimeouts = {
  version: 10 * SECOND,
  vagrantStatus: 60 * SECOND,
  vagrantValidate: 60 * SECOND,
  vagrantUp: 60 * MINUTE,
  vagrantProvision: 45 * MINUTE,
  vagrantHalt: 10 * MINUTE,
  vagrantDestroy: 10 * MINUTE,
  vagrantSsh: 2 * MINUTE,
  kubectlGet: 30 * SECOND,
  kubectlChange: 60 * SECOND,
  kubectlLogs: 30 * SECOND,
  kubectlExec: 60 * SECOND,
  heketiRequest: 15 * SECOND,
} as const;

/** Turns the caller's options into run.ts options with the command's default deadline. */
export function runOptions(opts: ToolOptions, defaultTimeoutMs: number): RunOptions {
  return {
    timeoutMs: opts.timeoutMs ?? defaultTimeoutMs,
    signal: opts.signal,
    forceSignal: opts.forceSignal,
    env: opts.env,
    cwd: opts.cwd,
    graceMs: opts.graceMs,
  };
}
