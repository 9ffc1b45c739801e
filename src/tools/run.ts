import { createWriteStream, type WriteStream } from 'node:fs';
import { execa, type ResultPromise } from 'execa';
import { LineSplitter } from './line-splitter.js';
import { TailBuffer } from './tail-buffer.js';
import { ToolError } from './tool-error.js';

export interface RunOptions {
  /** Every child has a deadline; past it the child is stopped like an interrupt. */
  timeoutMs: number;
  /** Aborting asks the child to stop: SIGINT, then SIGTERM and SIGKILL after grace periods. */
  signal?: AbortSignal;
  /** Aborting kills the child (and its process group) at once: the second Ctrl-C. */
  forceSignal?: AbortSignal;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  input?: string;
  /** Grace after SIGINT before SIGTERM, and after SIGTERM before SIGKILL. */
  graceMs?: number;
}

export interface RunResult {
  command: string;
  args: string[];
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface StreamOptions extends RunOptions {
  /** Every byte the child prints is appended here. */
  logFile: string;
  onLine: (line: string, stream: 'stdout' | 'stderr') => void;
  /** Exit codes that are not failures (e.g. vagrant status on some providers). */
  okExitCodes?: number[];
  /**
   * Several children append to the same log (a parallel `vagrant up`): each line is
   * written whole, so lines of two children never cut into each other.
   */
  sharedLog?: boolean;
}

const TAIL_LINES = 20;
const DEFAULT_GRACE_MS = 5_000;

/** Runs a program with an argument array (never a shell) and collects its output. */
export async function runTool(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  const child = start(command, args, options, true);
  const stop = attachStopper(child, options);
  try {
    const result = await child;
    const stdout = String(result.stdout ?? '');
    const stderr = String(result.stderr ?? '');
    if (stop.reason) throw new ToolError(stop.reason, command, args, result.exitCode, tail(stderr), tail(stdout));
    if (result.failed) {
      throw new ToolError(failureKind(result), command, args, result.exitCode, tail(stderr), tail(stdout));
    }
    return { command, args, stdout, stderr, exitCode: result.exitCode ?? 0 };
  } finally {
    await stop.dispose();
  }
}

/**
 * Runs a long command (vagrant up, halt, destroy, provision), handing each line to
 * `onLine` as it arrives and appending the raw output to `logFile`. Nothing is kept
 * in memory but the last lines of stderr, so any length of output is fine.
 */
export async function streamTool(command: string, args: string[], options: StreamOptions): Promise<RunResult> {
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const stderrTail = new TailBuffer(TAIL_LINES);
  const stdoutTail = new TailBuffer(TAIL_LINES);
  const child = start(command, args, options, false);
  const stop = attachStopper(child, options);
  const shared = options.sharedLog === true;
  const out = new LineSplitter((line) => {
    if (shared) log.write(`${line}\n`);
    stdoutTail.push(line);
    options.onLine(line, 'stdout');
  });
  const err = new LineSplitter((line) => {
    if (shared) log.write(`${line}\n`);
    stderrTail.push(line);
    options.onLine(line, 'stderr');
  });
  // When the disk is slower than the child, the child waits (its pipe fills) rather than
  // the output piling up in memory.
  let held = false;
  const write = (chunk: Buffer) => {
    if (log.write(chunk) || held) return;
    held = true;
    child.stdout?.pause();
    child.stderr?.pause();
    log.once('drain', () => {
      held = false;
      child.stdout?.resume();
      child.stderr?.resume();
    });
  };
  child.stdout?.on('data', (chunk: Buffer) => {
    if (!shared) write(chunk);
    out.push(chunk);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    if (!shared) write(chunk);
    err.push(chunk);
  });
  try {
    const result = await child;
    out.end();
    err.end();
    const okCodes = options.okExitCodes ?? [0];
    if (stop.reason) throw new ToolError(stop.reason, command, args, result.exitCode, stderrTail.toString(), stdoutTail.toString());
    if (result.failed && !(result.exitCode !== undefined && okCodes.includes(result.exitCode) && !result.signal)) {
      throw new ToolError(failureKind(result), command, args, result.exitCode, stderrTail.toString(), stdoutTail.toString());
    }
    return { command, args, stdout: '', stderr: '', exitCode: result.exitCode ?? 0 };
  } finally {
    await stop.dispose();
    await closeLog(log);
  }
}

function start(command: string, args: string[], options: RunOptions, buffer: boolean): ResultPromise<{ reject: false }> {
  return execa(command, args, {
    cwd: options.cwd,
    env: options.env,
    extendEnv: options.env === undefined,
    input: options.input,
    stdin: options.input === undefined ? 'ignore' : undefined,
    buffer,
    reject: false,
    // Its own process group: the terminal's Ctrl-C reaches only us, and we can stop the
    // child and everything it started (vagrant runs VBoxManage, ssh, ansible) together.
    detached: true,
    stripFinalNewline: false,
    encoding: 'utf8',
  }) as ResultPromise<{ reject: false }>;
}

interface Stopper {
  reason: 'timeout' | 'interrupted' | undefined;
  /** Detaches the signals; after a stop, first waits until no process of the group is left. */
  dispose(): Promise<void>;
}

/** Wires timeout and abort signals to the SIGINT → SIGTERM → SIGKILL escalation. */
function attachStopper(child: ResultPromise, options: RunOptions): Stopper {
  const grace = options.graceMs ?? DEFAULT_GRACE_MS;
  const timers: NodeJS.Timeout[] = [];
  const state: Stopper = {
    reason: undefined,
    async dispose() {
      options.signal?.removeEventListener('abort', onAbort);
      options.forceSignal?.removeEventListener('abort', onForce);
      // Once stopping has begun, wait (bounded) until the escalation has emptied the group.
      const deadline = Date.now() + grace * 2 + 1_000;
      // After SIGKILL only zombies can remain, and reaping them is the init process's job.
      while (state.reason && !killed && child.pid !== undefined && groupAlive(child.pid) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      for (const t of timers) clearTimeout(t);
    },
  };
  // Signals go to the whole process group, and keep going after the child itself has
  // exited: a grandchild that ignores SIGINT/SIGTERM (ssh, VBoxManage under vagrant)
  // must still get its SIGKILL, or it outlives us.
  let killed = false;
  const send = (sig: NodeJS.Signals) => {
    if (child.pid === undefined || !groupAlive(child.pid)) return;
    if (sig === 'SIGKILL') killed = true;
    try {
      process.kill(-child.pid, sig);
    } catch {
      // The group is gone already: nothing left to stop.
    }
  };
  const escalate = (reason: 'timeout' | 'interrupted') => {
    if (state.reason) return;
    state.reason = reason;
    send('SIGINT');
    timers.push(setTimeout(() => send('SIGTERM'), grace));
    timers.push(setTimeout(() => send('SIGKILL'), grace * 2));
  };
  const onAbort = () => escalate('interrupted');
  const onForce = () => {
    state.reason ??= 'interrupted';
    send('SIGKILL');
  };
  timers.push(setTimeout(() => escalate('timeout'), options.timeoutMs));
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.forceSignal?.aborted) onForce();
  else options.forceSignal?.addEventListener('abort', onForce, { once: true });
  return state;
}

/** True while any process of the group led by `pid` exists (signal 0 only checks). */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function failureKind(result: { code?: string; originalMessage?: string }): 'not-found' | 'failed' {
  return result.code === 'ENOENT' || /ENOENT/.test(result.originalMessage ?? '') ? 'not-found' : 'failed';
}

function tail(text: string): string {
  return text.trimEnd().split('\n').slice(-TAIL_LINES).join('\n');
}

function closeLog(log: WriteStream): Promise<void> {
  return new Promise((resolve) => log.end(resolve));
}
