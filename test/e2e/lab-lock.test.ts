import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { labLockFile } from '../../src/lab/lab-lock.js';
import { handlersReady, startCli } from './signals.js';
import { simulatedLab, type UpTestLab } from './sim-lab-fixture.js';
import { cliPath } from './terminal.js';

// One mutating command per lab: the built CLI twice on one simulated lab.
let lab: UpTestLab | undefined;
afterEach(async () => {
  await lab?.dispose();
  lab = undefined;
});

describe('the lab lock', () => {
  it('a second up on a lab that is being brought up says which command holds it, exits 1 and runs no vagrant', async () => {
    lab = await simulatedLab(['healthy'], 2, 'poweroff');
    const first = startCli(['up', '--dir', lab.labDir, '--lang', 'en'], { env: lab.sim.env, stdin: 'ignore' });
    await handlersReady(first.pid);
    // The first up holds the lab once its lock file names it.
    for (let i = 0; i < 200 && !(await readFile(join(lab.labDir, labLockFile), 'utf8').catch(() => '')).includes(`"pid":${first.pid}`); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    // ... and is at work once its log is open (on a busy machine that can come a while later).
    const upLogs = async () => (await readdir(join(lab!.labDir, 'logs')).catch(() => [] as string[])).filter((f) => f.startsWith('up-'));
    for (let i = 0; i < 200 && (await upLogs()).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    const second = await execa(process.execPath, [cliPath, 'up', '--dir', lab.labDir, '--lang', 'en', '--json'], { env: lab.sim.env, reject: false });
    expect(second.exitCode).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`^The lab in ${lab.labDir} is busy: "gluster-lab up" \\(process ${first.pid}\\) is working on it since \\S+\\. Wait for it to finish, or stop it, then run this again\\.$`));
    expect(JSON.parse(second.stdout)).toEqual({ error: { code: 'lab-locked', message: second.stderr } });
    // Halt is refused the same way while up runs.
    const halt = await execa(process.execPath, [cliPath, 'halt', '--dir', lab.labDir, '--lang', 'en'], { env: lab.sim.env, reject: false });
    expect(halt.exitCode).toBe(1);
    expect(halt.stderr).toContain('is busy: "gluster-lab up"');
    process.kill(first.pid, 'SIGINT');
    expect((await first.child).exitCode).toBe(130);
    // Only the first up ever ran vagrant (one up log, none for halt); its lock is gone with it.
    expect((await readdir(join(lab.labDir, 'logs'))).map((f) => f.replace(/-\d.*$/, ''))).toEqual(['up']);
    expect(existsSync(join(lab.labDir, labLockFile))).toBe(false);
  }, 90_000);

  it('takes over a lock whose process is gone, with a note, and leaves none behind', async () => {
    lab = await simulatedLab(['healthy'], 100, 'running');
    await mkdir(join(lab.labDir, 'state'), { recursive: true });
    // A `gluster-lab halt` killed with SIGKILL: its lock names a PID that no longer runs.
    const dead = execa('true');
    await dead;
    await writeFile(join(lab.labDir, labLockFile), `${JSON.stringify({ pid: dead.pid, command: 'halt', host: hostname(), since: '2025-01-01T00:00:00.000Z' })}\n`);
    const result = await execa(process.execPath, [cliPath, 'halt', '--dir', lab.labDir, '--lang', 'en'], { env: lab.sim.env, reject: false });
    expect(result.stderr).toContain(`Note: a lock left by "gluster-lab halt" (process ${dead.pid}, no longer running) was removed.`);
    expect(result.exitCode).toBe(0);
    expect(existsSync(join(lab.labDir, labLockFile))).toBe(false);
  }, 60_000);

  it('explains Vagrant\'s own machine lock from the catalogue', async () => {
    const message = [
      "An action 'up' was attempted on the machine 'gluster1',",
      'but another process is already executing an action on the machine.',
      'Vagrant locks each machine for access by only one process at a time.',
    ].join('\n');
    const result = await execa(process.execPath, [cliPath, 'diagnose', '-', '--json', '--lang', 'en'], { input: message, reject: false });
    const { findings } = JSON.parse(result.stdout) as { findings: Array<{ id: string }> };
    expect(findings.map((f) => f.id)).toEqual(['vagrant-machine-locked']);
  });
});
