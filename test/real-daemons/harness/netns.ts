// A network namespace for real daemons on loopback addresses: created with `ip netns add`,
// its lo brought up; programs run in it by argument array (never a shell), each with a
// deadline; daemons started in it are stopped by PID — every process whose network
// namespace it is (`ip netns pids`), so processes a daemon forks itself (glusterd's bricks)
// are stopped too — and then the namespace is deleted.
//
// Each `ip netns exec` starts in a new mount namespace: whatever mounts something must use
// the mount in the same invocation, and the mount goes away with it.
import { randomBytes } from 'node:crypto';
import { lstat, rm } from 'node:fs/promises';
import { execa, type ResultPromise } from 'execa';

export interface NsResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface RunInNsOptions {
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

const defaultTimeoutMs = 30_000;
const prefix = 'gl-test-';

export class NetNamespace {
  private readonly children: ResultPromise[] = [];

  private constructor(readonly name: string) {}

  /** A fresh namespace named gl-test-<what>-<pid>-<random>, lo up. Stale ones of dead test runs are removed first. */
  static async create(what: string): Promise<NetNamespace> {
    await sweepStale();
    const ns = new NetNamespace(`${prefix}${what}-${process.pid}-${randomBytes(3).toString('hex')}`);
    must(await ip(['netns', 'add', ns.name]), `ip netns add ${ns.name}`);
    try {
      must(await ns.run(['ip', 'link', 'set', 'lo', 'up']), 'ip link set lo up');
    } catch (error) {
      await ip(['netns', 'delete', ns.name]);
      throw error;
    }
    return ns;
  }

  /** Runs a program in the namespace and waits for it (stdin closed, deadline enforced). */
  async run(args: string[], options: RunInNsOptions = {}): Promise<NsResult> {
    const result = await execa('ip', ['netns', 'exec', this.name, ...args], {
      reject: false,
      stdin: 'ignore',
      timeout: options.timeoutMs ?? defaultTimeoutMs,
      env: options.env,
      encoding: 'utf8',
      // Output byte for byte (the gluster tests save it as fixtures).
      stripFinalNewline: false,
    });
    if (result.timedOut) throw new Error(`${args.join(' ')} timed out after ${options.timeoutMs ?? defaultTimeoutMs} ms`);
    return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
  }

  /**
   * Starts a daemon in the namespace without waiting for it; its stdout and stderr go to
   * `logFile`. `ip netns exec` execs the program, so the PID is the daemon's own.
   */
  start(args: string[], logFile: string): { pid: number; exited: Promise<unknown> } {
    const child = execa('ip', ['netns', 'exec', this.name, ...args], {
      reject: false,
      stdin: 'ignore',
      stdout: { file: logFile, append: true },
      stderr: { file: logFile, append: true },
    });
    this.children.push(child);
    if (child.pid === undefined) throw new Error(`could not start ${args[0]}`);
    return { pid: child.pid, exited: child };
  }

  /** The PIDs of every process in this namespace. */
  async pids(): Promise<number[]> {
    const result = await ip(['netns', 'pids', this.name]);
    return result.stdout.split(/\s+/).filter(Boolean).map(Number);
  }

  /**
   * Stops every process in the namespace (TERM, then KILL after `graceMs`), removes the unix
   * sockets they listened on (glusterd's bricks leave theirs in /var/run/gluster), and
   * deletes the namespace.
   */
  async destroy(graceMs = 5_000): Promise<void> {
    const sockets = await this.listeningUnixSockets();
    await stopAll(this.name, graceMs);
    await Promise.allSettled(this.children);
    for (const path of sockets) {
      if (await lstat(path).then((s) => s.isSocket(), () => false)) await rm(path, { force: true });
    }
    must(await ip(['netns', 'delete', this.name]), `ip netns delete ${this.name}`);
  }

  /** Paths of the unix sockets processes of this namespace listen on (`ss -xl`; abstract ones left out). */
  async listeningUnixSockets(): Promise<string[]> {
    const listed = await this.run(['ss', '-xlnH'], { timeoutMs: 10_000 });
    return listed.stdout.split('\n').map((line) => line.trim().split(/\s+/)[4] ?? '').filter((path) => path.startsWith('/'));
  }
}

/** Sends `signal` to a process; false when it no longer exists. */
export function signal(pid: number, sig: NodeJS.Signals | 0): boolean {
  try {
    process.kill(pid, sig);
    return true;
  } catch {
    return false;
  }
}

export function alive(pid: number): boolean {
  return signal(pid, 0);
}

async function stopAll(name: string, graceMs: number): Promise<void> {
  const listed = async () => (await ip(['netns', 'pids', name])).stdout.split(/\s+/).filter(Boolean).map(Number);
  for (const pid of await listed()) signal(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && (await listed()).length > 0) await new Promise((r) => setTimeout(r, 100));
  for (const pid of await listed()) signal(pid, 'SIGKILL');
  const killDeadline = Date.now() + 5_000;
  while ((await listed()).length > 0) {
    if (Date.now() > killDeadline) throw new Error(`processes still running in ${name} after SIGKILL: ${(await listed()).join(' ')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Removes namespaces a killed test run left behind: ours by name, whose creating PID is gone. */
async function sweepStale(): Promise<void> {
  const listed = await ip(['netns', 'list']);
  for (const line of listed.stdout.split('\n')) {
    const name = line.split(' ')[0] ?? '';
    const match = new RegExp(`^${prefix}[a-z0-9]+-(\\d+)-[0-9a-f]+$`).exec(name);
    if (!match || alive(Number(match[1]))) continue;
    await stopAll(name, 2_000);
    await ip(['netns', 'delete', name]);
  }
}

async function ip(args: string[]): Promise<NsResult> {
  const result = await execa('ip', args, { reject: false, stdin: 'ignore', timeout: defaultTimeoutMs, encoding: 'utf8' });
  return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** Throws with the program's own words when it failed. */
export function must(result: NsResult, what: string): NsResult {
  if (result.exitCode !== 0) throw new Error(`${what} failed (exit ${result.exitCode}): ${(result.stderr || result.stdout).trim()}`);
  return result;
}
