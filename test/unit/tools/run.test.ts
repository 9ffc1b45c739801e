import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool, streamTool } from '../../../src/tools/run.js';
import { ToolError } from '../../../src/tools/tool-error.js';

const node = process.execPath;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gl-run-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/**
 * True while a process with this pid exists (signal 0 only checks) and is not a zombie:
 * a killed orphan stays a zombie until init reaps it, and some containers' init never does.
 */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return true;
  }
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function readPids(file: string): Promise<number[]> {
  try {
    return (await readFile(file, 'utf8')).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

describe('runTool', () => {
  it('collects stdout, stderr and the exit code', async () => {
    const result = await runTool(node, ['-e', 'console.log("out"); console.error("err")'], { timeoutMs: 10_000 });
    expect(result).toMatchObject({ stdout: 'out\n', stderr: 'err\n', exitCode: 0, command: node });
  });

  it('a program that does not exist is kind not-found', async () => {
    const error = await runTool('gluster-lab-no-such-program', ['--version'], { timeoutMs: 5_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ToolError);
    expect(error).toMatchObject({ kind: 'not-found', command: 'gluster-lab-no-such-program', commandLine: 'gluster-lab-no-such-program --version' });
  });

  it('a non-zero exit is kind failed with the exit code and the last 20 lines of stderr', async () => {
    const script = 'for (let i = 1; i <= 30; i++) console.error("line " + i); process.exit(3)';
    const error = (await runTool(node, ['-e', script], { timeoutMs: 10_000 }).catch((e: unknown) => e)) as ToolError;
    expect(error.kind).toBe('failed');
    expect(error.exitCode).toBe(3);
    const tail = error.stderrTail.split('\n');
    expect(tail).toHaveLength(20);
    expect(tail[0]).toBe('line 11');
    expect(tail.at(-1)).toBe('line 30');
  });

  it('past its deadline the child is stopped and the error is kind timeout', async () => {
    const started = Date.now();
    const error = await runTool(node, ['-e', 'setInterval(() => {}, 1000)'], { timeoutMs: 300, graceMs: 200 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('passes input on stdin', async () => {
    const result = await runTool(node, ['-e', 'process.stdin.pipe(process.stdout)'], { timeoutMs: 10_000, input: '{"kind":"Secret"}' });
    expect(result.stdout).toBe('{"kind":"Secret"}');
  });
});

describe('streamTool', () => {
  it('hands over 200,000 lines one by one, writes them all to the log, and keeps memory bounded', async () => {
    const logFile = join(dir, 'big.log');
    const script = `
      let i = 0;
      function more() {
        let chunk = '';
        for (let n = 0; n < 5000 && i < 200000; n++, i++) chunk += '1700000000,gluster1,ui,info,line ' + i + '\\n';
        if (i < 200000) process.stdout.write(chunk, more); else process.stdout.write(chunk);
      }
      more();`;
    let count = 0;
    let last = '';
    const heapBefore = process.memoryUsage().heapUsed;
    const result = await streamTool(node, ['-e', script], {
      timeoutMs: 60_000,
      logFile,
      onLine(line) {
        count++;
        last = line;
      },
    });
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    expect(result.exitCode).toBe(0);
    expect(count).toBe(200_000);
    expect(last).toBe('1700000000,gluster1,ui,info,line 199999');
    // About 8 MB of output; nothing of it is kept (stdout/stderr are not buffered).
    expect(result.stdout).toBe('');
    expect((await stat(logFile)).size).toBe(
      Array.from({ length: 200_000 }, (_, i) => `1700000000,gluster1,ui,info,line ${i}\n`).join('').length,
    );
    expect(heapGrowth).toBeLessThan(64 * 1024 * 1024);
  });

  it('a non-zero exit listed in okExitCodes is not a failure; others keep the stderr tail', async () => {
    const logFile = join(dir, 'codes.log');
    const ok = await streamTool(node, ['-e', 'process.exit(2)'], { timeoutMs: 10_000, logFile, onLine() {}, okExitCodes: [0, 2] });
    expect(ok.exitCode).toBe(2);
    const error = await streamTool(node, ['-e', 'console.error("boom"); process.exit(1)'], { timeoutMs: 10_000, logFile, onLine() {} }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ kind: 'failed', exitCode: 1, stderrTail: 'boom' });
  });
});

describe('interrupting a child', () => {
  it('SIGINT first: a child that handles it exits on its own, kind interrupted', async () => {
    const signals = join(dir, 'sigint.txt');
    const script = `process.on('SIGINT', () => { require('fs').writeFileSync(${JSON.stringify(signals)}, 'SIGINT'); process.exit(130); });
      console.log('ready'); setInterval(() => {}, 1000);`;
    const controller = new AbortController();
    const run = streamTool(node, ['-e', script], {
      timeoutMs: 30_000,
      graceMs: 200,
      signal: controller.signal,
      logFile: join(dir, 'sigint.log'),
      onLine: (line) => line === 'ready' && controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ kind: 'interrupted' });
    expect(await readFile(signals, 'utf8')).toBe('SIGINT');
  });

  it('a child that ignores SIGINT gets SIGTERM, and one that ignores both gets SIGKILL', async () => {
    const log = join(dir, 'stubborn.txt');
    const script = `const fs = require('fs');
      process.on('SIGINT', () => fs.appendFileSync(${JSON.stringify(log)}, 'SIGINT\\n'));
      process.on('SIGTERM', () => fs.appendFileSync(${JSON.stringify(log)}, 'SIGTERM\\n'));
      console.log('ready'); setInterval(() => {}, 1000);`;
    const controller = new AbortController();
    const started = Date.now();
    let abortedAt = 0;
    const error = await streamTool(node, ['-e', script], {
      timeoutMs: 30_000,
      graceMs: 200,
      signal: controller.signal,
      logFile: join(dir, 'stubborn.log'),
      onLine: (line) => {
        if (line === 'ready') {
          abortedAt = Date.now();
          controller.abort();
        }
      },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'interrupted' });
    expect((await readFile(log, 'utf8')).split('\n').filter(Boolean)).toEqual(['SIGINT', 'SIGTERM']);
    // SIGKILL came after two grace periods, not before.
    expect(Date.now() - abortedAt).toBeGreaterThanOrEqual(400);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('after abort no process of the group remains: the grandchild dies with the child', async () => {
    const pidFile = join(dir, 'pids.txt');
    // The child starts a grandchild that ignores SIGINT and SIGTERM, as ssh or VBoxManage
    // under vagrant might; both write their pid so the test can look for them afterwards.
    const grandchild = `process.on('SIGINT', () => {}); process.on('SIGTERM', () => {});
      require('fs').appendFileSync(${JSON.stringify(pidFile)}, process.pid + '\\n'); setInterval(() => {}, 1000);`;
    const child = `const { spawn } = require('child_process');
      require('fs').appendFileSync(${JSON.stringify(pidFile)}, process.pid + '\\n');
      spawn(process.execPath, ['-e', ${JSON.stringify(grandchild)}], { stdio: 'ignore' });
      process.on('SIGINT', () => {});
      setInterval(() => {}, 1000);`;
    const controller = new AbortController();
    const run = runTool(node, ['-e', child], { timeoutMs: 30_000, graceMs: 200, signal: controller.signal });
    await waitFor(async () => (await readPids(pidFile)).length === 2);
    const pids = await readPids(pidFile);
    expect(pids.every(alive)).toBe(true);
    controller.abort();
    await expect(run).rejects.toMatchObject({ kind: 'interrupted' });
    await waitFor(() => !pids.some(alive), 3_000);
    expect(pids.filter(alive)).toEqual([]);
  });

  it('forceSignal kills the whole group at once', async () => {
    const force = new AbortController();
    const started = Date.now();
    const run = runTool(node, ['-e', 'process.on("SIGINT", () => {}); setInterval(() => {}, 1000)'], {
      timeoutMs: 30_000,
      graceMs: 10_000,
      forceSignal: force.signal,
    });
    setTimeout(() => force.abort(), 300);
    await expect(run).rejects.toMatchObject({ kind: 'interrupted' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
