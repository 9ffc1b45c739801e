import { readFileSync } from 'node:fs';
import { execa, type ResultPromise } from 'execa';
import { cliPath } from './terminal.js';

/** Signal numbers on Linux, as /proc/PID/status counts them (bit n-1 of SigCgt). */
const signalNumber = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
export type StopSignal = keyof typeof signalNumber;

/** True once the process catches every one of `signals` (its handlers are installed). */
function catches(pid: number, signals: readonly StopSignal[] = ['SIGHUP', 'SIGINT', 'SIGTERM']): boolean {
  try {
    const mask = /^SigCgt:\s*([0-9a-f]+)$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    if (!mask) return false;
    const bits = BigInt(`0x${mask}`);
    return signals.every((s) => ((bits >> BigInt(signalNumber[s] - 1)) & 1n) === 1n);
  } catch {
    return false;
  }
}

/**
 * Waits until the CLI has installed its signal handlers: a signal sent before that would
 * kill Node outright (no clean-up, no exit code of ours), which is not what a person sees a
 * moment after starting the program.
 */
export async function handlersReady(pid: number, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!catches(pid)) {
    if (Date.now() > deadline) throw new Error(`process ${pid} did not install its signal handlers within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface CliRun {
  child: ResultPromise<{ reject: false; all: true }>;
  pid: number;
}

/** The built CLI as a background process, its output collected (`all` interleaves both streams). */
export function startCli(args: string[], options: { env?: NodeJS.ProcessEnv; input?: string; stdin?: 'pipe' | 'ignore' } = {}): CliRun {
  const child = execa(process.execPath, [cliPath, ...args], {
    env: options.env,
    reject: false,
    all: true,
    input: options.input,
    stdin: options.input === undefined ? (options.stdin ?? 'pipe') : undefined,
    timeout: 120_000,
  }) as ResultPromise<{ reject: false; all: true }>;
  if (child.pid === undefined) throw new Error('the CLI did not start');
  return { child, pid: child.pid };
}

/** True while a process with this id exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every process below `pid` (children, their children…), as `pid args` lines. */
export async function descendants(pid: number): Promise<Array<{ pid: number; args: string }>> {
  const { stdout } = await execa('ps', ['-eo', 'pid=,ppid=,args=']);
  const rows = stdout.split('\n').map((line) => {
    const [, p = '0', pp = '0', args = ''] = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line) ?? [];
    return { pid: Number(p), ppid: Number(pp), args };
  });
  const found: Array<{ pid: number; args: string }> = [];
  const walk = (parent: number) => {
    for (const row of rows) {
      if (row.ppid !== parent) continue;
      found.push({ pid: row.pid, args: row.args });
      walk(row.pid);
    }
  };
  walk(pid);
  return found;
}
