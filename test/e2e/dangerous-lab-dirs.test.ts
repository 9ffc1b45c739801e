import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { cliPath } from './terminal.js';

// Directories that must never become a lab, refused by the built CLI before anything is written.
const root = mkdtempSync(join(tmpdir(), 'gl-lab-dirs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const cli = (args: string[], env: NodeJS.ProcessEnv = process.env) => execa(process.execPath, [cliPath, ...args, '--lang', 'en'], { env, reject: false, stdin: 'ignore' });

describe('lab directories that are refused', () => {
  it('init / writes nothing at the filesystem root', async () => {
    const before = readdirSync('/');
    const result = await cli(['init', '/']);
    expect(result.stderr).toBe('Refusing to use / as the lab directory: it is the root of the file system. Name a directory of its own, e.g. --dir ~/gluster-lab.');
    expect(result.exitCode).toBe(1);
    expect(readdirSync('/')).toEqual(before);
    expect(existsSync('/Vagrantfile')).toBe(false);
  });

  it('init under a folder where nothing can be made (/proc) ends at once with one sentence, not a hang', async () => {
    // Node's recursive mkdir loops for ever in its thread pool when mkdir answers ENOENT under
    // an existing folder, which also starved the clean-up on SIGTERM.
    const result = await execa(process.execPath, [cliPath, 'init', '/proc/gluster-lab-test', '--lang', 'en'], { reject: false, stdin: 'ignore', timeout: 20_000 });
    expect(result.timedOut).toBe(false);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('Cannot create the folder /proc/gluster-lab-test: the file system there does not allow new folders (a system folder such as /proc, or one that is going away). Choose a lab directory elsewhere, e.g. ~/gluster-lab.');
    expect(result.stderr).not.toMatch(/Unexpected error|at .*\.js:\d+/);
    expect(existsSync('/proc/gluster-lab-test')).toBe(false);
  });

  it('destroy --dir / --yes does not proceed', async () => {
    const result = await cli(['destroy', '--dir', '/', '--yes']);
    expect(result.stderr).toContain('Refusing to use / as the lab directory');
    expect(result.exitCode).toBe(1);
  });

  it('refuses the home directory itself, and suggests a directory inside it', async () => {
    const home = join(root, 'home');
    mkdirSync(home);
    const result = await cli(['init', home], { ...process.env, HOME: home });
    expect(result.stderr).toBe(`Refusing to use ${home} as the lab directory: it is your home directory. Name a directory inside it, e.g. --dir ${join(home, 'gluster-lab')}.`);
    expect(result.exitCode).toBe(1);
    expect(readdirSync(home)).toEqual([]);
    // The same home through a symbolic link is the same directory.
    const link = join(root, 'home-link');
    await execa('ln', ['-s', home, link]);
    expect((await cli(['up', '--dir', link], { ...process.env, HOME: home })).stderr).toContain('it is your home directory');
  });

  it('refuses a directory with other things in it and no lab; --force adds the lab beside them, overwriting no file that is not its own', async () => {
    const dir = join(root, 'project');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'my notes\n');
    writeFileSync(join(dir, '.gitignore'), 'node_modules/\n');
    const refused = await cli(['init', dir]);
    expect(refused.stderr).toBe(`${dir} is not empty and is not a gluster-lab lab (no gluster-lab.yaml). Use an empty or new directory, or --force to add the lab files beside what is there (files of the same name that are not the lab's are never overwritten).`);
    expect(refused.exitCode).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['.gitignore', 'notes.txt']);

    const forced = await cli(['init', dir, '--force']);
    expect(forced.exitCode).toBe(0);
    expect(forced.stdout).toContain("  ! .gitignore — a file that is not the lab's is already there; left as it is");
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('node_modules/\n');
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('my notes\n');
    expect(existsSync(join(dir, 'gluster-lab.yaml'))).toBe(true);
    // Now a lab: a later init needs no --force, and still leaves the foreign file alone.
    const again = await cli(['init', dir]);
    expect(again.exitCode).toBe(0);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('node_modules/\n');
  });
});
