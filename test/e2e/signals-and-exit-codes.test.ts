import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { execa } from 'execa';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { labLockFile } from '../../src/lab/lab-lock.js';
import { labFiles } from '../../src/lab/lab-files.js';
import { alive, descendants, handlersReady, startCli, type StopSignal } from './signals.js';
import { simulatedLab, type UpTestLab } from './sim-lab-fixture.js';
import { assertWholeSshKeyPair } from './whole-ssh-key.js';
import { cliPath, startTerminal, type Terminal } from './terminal.js';

// Exit codes of SPEC §3 as a person meets them: Ctrl-C 130 (also at a question), SIGTERM 143,
// SIGHUP 129 — each after the same clean-up.
const root = mkdtempSync(join(tmpdir(), 'gl-signals-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let term: Terminal | undefined;
let lab: UpTestLab | undefined;
afterEach(async () => {
  await term?.close();
  await lab?.dispose();
  term = undefined;
  lab = undefined;
});

describe('Ctrl-C at a question', () => {
  it('ends with 130 and one sentence, no stack trace', async () => {
    term = await startTerminal({ args: ['diagnose', '--lang', 'en', '--dir', join(root, 'none')] });
    await term.waitFor('Log file to explain');
    await term.press('ctrlC');
    expect(await term.exitCode()).toBe(130);
    const screen = await term.screen();
    expect(screen).toContain('Interrupted at the question: nothing more was done.');
    expect(screen).not.toMatch(/ExitPromptError|at .*\.js:\d+|Unexpected error/);
  }, 60_000);
});

describe('SIGTERM and SIGHUP during a bring-up', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
    ['SIGINT', 130],
  ] as Array<[StopSignal, number]>)('%s: vagrant is stopped, the lab lock released, exit %i', async (signal, code) => {
    lab = await simulatedLab(['healthy'], 2, 'poweroff');
    const run = startCli(['up', '--dir', lab.labDir, '--lang', 'en'], { env: lab.sim.env, stdin: 'ignore' });
    await handlersReady(run.pid);
    // Wait until the simulated vagrant runs under the CLI.
    let children: Array<{ pid: number; args: string }> = [];
    for (let i = 0; i < 400 && !children.some((c) => c.args.includes('sim-bin/vagrant.js')); i++) {
      await new Promise((r) => setTimeout(r, 50));
      children = await descendants(run.pid);
    }
    expect(children.some((c) => c.args.includes('sim-bin/vagrant.js'))).toBe(true);
    process.kill(run.pid, signal);
    const result = await run.child;
    expect(result.exitCode).toBe(code);
    expect(result.stderr).not.toMatch(/Unexpected error|at .*\.js:\d+/);
    // Nothing the CLI started outlives it.
    expect(children.filter((c) => alive(c.pid)).map((c) => c.args)).toEqual([]);
    expect(existsSync(join(lab.labDir, labLockFile))).toBe(false);
  }, 90_000);
});

describe('init stopped by Ctrl-C', () => {
  it('exits 130 with whole files only, and the same init run again finishes the lab', async () => {
    const dir = join(root, 'lab');
    const run = startCli(['init', dir, '--lang', 'en'], { stdin: 'ignore' });
    await handlersReady(run.pid);
    process.kill(run.pid, 'SIGINT');
    const stopped = await run.child;
    expect(stopped.exitCode).toBe(130);
    const left = existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))) : [];
    expect(left.filter((f) => f.endsWith('.tmp') || f.includes('lab.lock'))).toEqual([]);
    const again = await execa(process.execPath, [cliPath, 'init', dir, '--lang', 'en'], { reject: false, stdin: 'ignore' });
    expect(again.exitCode).toBe(0);
    expect(() => assertWholeSshKeyPair(join(dir, labFiles.sshPrivateKey), join(dir, labFiles.sshPublicKey))).not.toThrow();
    expect(readFileSync(join(dir, labFiles.heketiAdminKey), 'utf8').trim()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await execa(process.execPath, [cliPath, 'init', dir, '--lang', 'en'], { reject: false })).stdout).toBe(`The lab in ${dir} is up to date: nothing to change.`);
  }, 60_000);
});
