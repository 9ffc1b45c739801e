import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { handlersReady, startCli, type StopSignal } from './signals.js';

// `diagnose` on input that never ends, is not text, or is one enormous line: the built CLI,
// fed as a person would feed it, stopped with real signals.
const root = mkdtempSync(join(tmpdir(), 'gl-diagnose-endless-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** `yes TEXT | gluster-lab diagnose -ARGS`: text on stdin that never ends. */
function endlessText(text: string, args: string[] = []) {
  const yes = spawn('yes', [text], { stdio: ['ignore', 'pipe', 'ignore'] });
  const run = startCli(['diagnose', '-', '--lang', 'en', ...args], { stdin: 'pipe' });
  yes.stdout.pipe(run.child.stdin);
  // The CLI stops reading: `yes` then gets EPIPE on its next write, which is its end.
  run.child.stdin.on('error', () => undefined);
  return { ...run, yes };
}

describe('diagnose on endless, binary and enormous input', () => {
  it('reports /dev/zero as not text at once, exit 1', async () => {
    const started = Date.now();
    const run = startCli(['diagnose', '/dev/zero', '--lang', 'en'], { stdin: 'ignore' });
    const result = await run.child;
    expect(result.stderr).toBe('/dev/zero is not text (it holds binary data, such as a disk image or a compressed file): nothing was diagnosed. Give the log as text, e.g. `vagrant up 2>&1 | gluster-lab diagnose -`.');
    expect(result.exitCode).toBe(1);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as Array<[StopSignal, number]>)('stops endless text on %s with exit %i', async (signal, code) => {
    const run = endlessText('a plain log line that says nothing');
    await handlersReady(run.pid);
    // Reading is under way (the pipe is full) when the signal comes.
    await new Promise((r) => setTimeout(r, 500));
    const sent = Date.now();
    process.kill(run.pid, signal);
    const result = await run.child;
    run.yes.kill();
    expect(result.exitCode).toBe(code);
    expect(Date.now() - sent).toBeLessThan(5_000);
    expect(result.stdout).toBe('');
  });

  it('stops a silent open pipe on SIGTERM (the read that waits gives way)', async () => {
    const run = startCli(['diagnose', '-', '--lang', 'en'], { stdin: 'pipe' });
    await handlersReady(run.pid);
    process.kill(run.pid, 'SIGTERM');
    const result = await run.child;
    expect(result.exitCode).toBe(143);
  });

  it('reads the first 64 MiB of endless text and says the rest was not read (--json: unread)', async () => {
    const run = endlessText('a plain log line that says nothing', ['--json']);
    const result = await run.child;
    run.yes.kill();
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ findings: [], unread: { reason: 'size', bytesRead: 64 * 1024 * 1024 } });
    expect(result.stderr).toBe('Note: only the first 64 MiB of standard input were read (the limit for one log); the rest was not read, so the findings come from that part only.');
  }, 120_000);

  it('finds a message in the middle of a 50 MB line, whatever the cut of the pieces', async () => {
    const file = join(root, 'one-line.log');
    writeFileSync(file, `${'x'.repeat(25_000_001)} VERR_VMX_NO_VMX ${'y'.repeat(25_000_000)}\n`);
    const result = await startCli(['diagnose', file, '--lang', 'en', '--json'], { stdin: 'ignore' }).child;
    expect(result.exitCode).toBe(0);
    const { findings } = JSON.parse(result.stdout) as { findings: Array<{ id: string; evidence: string[] }> };
    expect(findings.map((f) => f.id)).toEqual(['vtx-not-available']);
    // The evidence is the part of the line around the match, not its first 300 characters.
    expect(findings[0]?.evidence[0]).toMatch(/^…x+ VERR_VMX_NO_VMX y+…$/);
    expect(findings[0]?.evidence[0]?.length).toBeLessThanOrEqual(300);
  }, 120_000);
});
