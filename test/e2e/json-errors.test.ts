import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { cliPath } from './terminal.js';

// With --json a failure ends in one `{"error":{"code","message"}}` on stdout (plus the usual
// sentence on stderr) and a non-zero exit, whichever command failed and however.
const root = mkdtempSync(join(tmpdir(), 'gl-json-errors-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const noLab = join(root, 'no-lab');
const binary = join(root, 'image.bin');
writeFileSync(binary, Buffer.alloc(4096));

const cli = (args: string[]) =>
  execa(process.execPath, [cliPath, ...args, '--json', '--lang', 'en'], {
    reject: false,
    stdin: 'ignore',
    // No cluster and no vagrant: every command fails at its first step.
    env: { ...process.env, PATH: '/usr/bin:/bin', KUBECONFIG: join(root, 'no-kubeconfig') },
  });

describe('--json on errors', () => {
  it.each([
    ['status', ['status', '--dir', noLab], 1, 'failed'],
    ['doctor', ['doctor', '--dir', noLab], 1, 'failed'],
    ['default-class', ['default-class', '--dir', noLab], 1, 'failed'],
    ['storage with a size of 10 bytes', ['storage', '--dir', noLab, '--yes', '--pvc', 'x', '--size', '10'], 2, 'usage'],
    ['diagnose of a missing file', ['diagnose', join(root, 'missing.log')], 1, 'failed'],
    ['diagnose of binary data', ['diagnose', binary], 1, 'not-text'],
    ['fix-permissions with a bad timeout', ['fix-permissions', 'x', '--timeout', 'soon', '--dir', noLab], 2, 'usage'],
    ['up in a directory that is no lab', ['up', '--dir', noLab], 1, 'failed'],
    ['an unknown option', ['status', '--bogus'], 2, 'usage'],
  ] as Array<[string, string[], number, string]>)('%s', async (_what, args, exitCode, code) => {
    const result = await cli(args);
    expect(result.exitCode).toBe(exitCode);
    const lines = result.stdout.trim().split('\n');
    const last = JSON.parse(lines[lines.length - 1] ?? '') as { error: { code: string; message: string } };
    expect(Object.keys(last)).toEqual(['error']);
    expect(last.error.code).toBe(code);
    // The message is the sentence the user reads on stderr.
    expect(last.error.message.length).toBeGreaterThan(10);
    expect(result.stderr).toContain(last.error.message.split('\n')[0]);
    expect(result.stderr).not.toMatch(/Unexpected error|at .*\.js:\d+/);
  }, 60_000);

  it('check --json that finds failures answers with its report, not an error object', async () => {
    const result = await cli(['check', '--dir', noLab]);
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['checks', 'summary']);
  }, 60_000);
});
