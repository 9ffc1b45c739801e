import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { execa } from 'execa';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parseLabConfig } from '../../src/lab/config.js';
import { labFiles } from '../../src/lab/lab-files.js';
import { assertWholeSshKeyPair } from './whole-ssh-key.js';
import { cliPath } from './terminal.js';

// The built CLI on a disk that fills up, a read-only mount, a path through a file, a folder
// it may not enter: each ends in one sentence naming the path, exit 1, and nothing
// half-written. Mounting needs root; CI runs as root.
const isRoot = process.getuid?.() === 0;
if (!isRoot) console.warn('not root: the tmpfs and read-only mount cases are skipped (they need mount)');

const root = mkdtempSync(join(tmpdir(), 'gl-disk-faults-'));
const mounts: string[] = [];
afterEach(async () => {
  for (const m of mounts.splice(0).reverse()) await execa('umount', [m], { reject: false });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const cli = (args: string[], options: { env?: NodeJS.ProcessEnv; uid?: number } = {}) =>
  options.uid === undefined
    ? execa(process.execPath, [cliPath, ...args, '--lang', 'en'], { env: options.env, reject: false, stdin: 'ignore' })
    : execa('setpriv', [`--reuid=${options.uid}`, `--regid=${options.uid}`, '--clear-groups', process.execPath, cliPath, ...args, '--lang', 'en'], { env: options.env, reject: false, stdin: 'ignore' });

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** Every file is whole: no temporary file, no empty file, every key parses, the config validates. */
function expectWhole(lab: string): void {
  const all = files(lab);
  expect(all.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  for (const f of all) expect(statSync(join(lab, f)).size, `${f} is empty`).toBeGreaterThan(0);
  if (all.includes(labFiles.sshPrivateKey)) expect(() => assertWholeSshKeyPair(join(lab, labFiles.sshPrivateKey), join(lab, labFiles.sshPublicKey))).not.toThrow();
  for (const key of [labFiles.heketiAdminKey, labFiles.heketiUserKey]) if (all.includes(key)) expect(readFileSync(join(lab, key), 'utf8').trim()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  if (all.includes(labFiles.config)) expect(() => parseLabConfig(readFileSync(join(lab, labFiles.config), 'utf8'), 'x')).not.toThrow();
}

describe.skipIf(!isRoot)('a disk that fills up, and a read-only one', () => {
  it('init on a full disk: one sentence, nothing half-written; after space is freed init finishes the job', async () => {
    const disk = join(root, 'small');
    mkdirSync(disk);
    await execa('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', disk]);
    mounts.push(disk);
    const lab = join(disk, 'lab');
    const full = await cli(['init', lab]);
    expect(full.exitCode).toBe(1);
    expect(full.stderr).toMatch(new RegExp(`^Cannot write ${lab}/\\S+: there is no space left on the disk\\. Free some space and run the command again; nothing half-written was kept\\.$`));
    expect(full.stderr).not.toMatch(/Unexpected error|at .*\.js:\d+/);
    expectWhole(lab);

    await execa('mount', ['-o', 'remount,size=1m', disk]);
    const rerun = await cli(['init', lab]);
    expect(rerun.exitCode).toBe(0);
    expect(rerun.stdout).toContain(`Updating the lab in ${lab}`);
    expectWhole(lab);
    for (const key of [labFiles.sshPrivateKey, labFiles.sshPublicKey, labFiles.heketiAdminKey, labFiles.heketiUserKey, labFiles.config, 'Vagrantfile']) expect(existsSync(join(lab, key)), key).toBe(true);
    expect(statSync(join(lab, labFiles.heketiAdminKey)).mode & 0o777).toBe(0o600);
    expect((await cli(['init', lab])).stdout).toBe(`The lab in ${lab} is up to date: nothing to change.`);
  });

  it('init onto a read-only mount, and up in a lab on one: the path and "read-only", exit 1', async () => {
    const ro = join(root, 'ro');
    mkdirSync(ro);
    const lab = join(ro, 'lab');
    expect((await cli(['init', lab])).exitCode).toBe(0);
    await execa('mount', ['--bind', '-o', 'ro', ro, ro]);
    mounts.push(ro);
    const init = await cli(['init', join(ro, 'other')]);
    expect(init.stderr).toBe(`Cannot write ${join(ro, 'other')}: the file system is read-only. Use a lab directory on a writable disk (--dir DIR).`);
    expect(init.exitCode).toBe(1);
    // up writes its log first: refused in the same words, with --json as one error object.
    const up = await cli(['up', '--dir', lab, '--json']);
    expect(up.exitCode).toBe(1);
    expect(up.stderr).toBe(`Cannot write ${join(lab, 'state', 'lab.lock')}: the file system is read-only. Use a lab directory on a writable disk (--dir DIR).`);
    expect(JSON.parse(up.stdout)).toEqual({ error: { code: 'EROFS', message: up.stderr } });
  });
});

describe('paths the program cannot use', () => {
  it('a lab path through a file: part of it is a file (ENOTDIR)', async () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'x');
    const result = await cli(['init', join(file, 'lab')]);
    expect(result.stderr).toBe(`Cannot use ${join(file, 'lab')}: part of that path is a file, not a directory. Use another lab directory (--dir DIR).`);
    expect(result.exitCode).toBe(1);
  });

  it.skipIf(!isRoot)('a folder the user may not enter: permission denied (EACCES), as user nobody', async () => {
    const closed = join(root, 'closed');
    mkdirSync(closed);
    chmodSync(closed, 0o700);
    const result = await cli(['init', join(closed, 'lab')], { uid: 65534 });
    expect(result.stderr).toMatch(new RegExp(`^Permission denied for ${closed}/lab\\S*\\. Check its owner and mode \\(ls -ld\\), or use a lab directory you own \\(--dir DIR\\)\\.$`));
    expect(result.exitCode).toBe(1);
  });
});

describe('files an older, interrupted run left empty or cut short', () => {
  it('up refuses an empty Heketi key before any vagrant runs; init repairs every damaged file and says which', async () => {
    const lab = join(root, 'damaged');
    expect((await cli(['init', lab])).exitCode).toBe(0);
    truncateSync(join(lab, labFiles.heketiUserKey), 0);
    const noVagrant = { ...process.env, PATH: '/nonexistent' };
    const up = await cli(['up', '--dir', lab], { env: noVagrant });
    expect(up.stderr).toBe(`The lab's key ${labFiles.heketiUserKey} cannot be used: it was empty (a run stopped before writing it). A broken key must never reach a VM: run "gluster-lab init --dir ${lab}" to repair it, then run this again.`);
    expect(up.exitCode).toBe(1);
    expect(existsSync(join(lab, 'logs'))).toBe(false);

    const vagrantfile = readFileSync(join(lab, 'Vagrantfile'), 'utf8');
    writeFileSync(join(lab, 'Vagrantfile'), vagrantfile.slice(0, 1000));
    truncateSync(join(lab, labFiles.config), 0);
    // A key cut short after its armour (the label put together: no file here reads as a key).
    writeFileSync(join(lab, labFiles.sshPrivateKey), `-----BEGIN ${['RSA', 'PRIVATE', 'KEY'].join(' ')}-----\nMIIG`);
    const init = await cli(['init', lab]);
    expect(init.exitCode).toBe(0);
    expect(init.stdout).toContain('  ~ gluster-lab.yaml — it was empty (a run stopped before writing it); written again');
    expect(init.stdout).toContain('  ~ Vagrantfile — it was cut short (a run stopped while writing it); written again');
    expect(init.stdout).toContain(`  ~ ${labFiles.sshPrivateKey} — the key in it cannot be read; written again`);
    expect(init.stdout).toContain(`  ~ ${labFiles.sshPublicKey} — its private key is made anew; written again`);
    expect(init.stdout).toContain(`  ~ ${labFiles.heketiUserKey} — it was empty (a run stopped before writing it); written again`);
    expect(readFileSync(join(lab, 'Vagrantfile'), 'utf8')).toBe(vagrantfile);
    expectWhole(lab);
  });

  it('a YAML alias bomb in gluster-lab.yaml is a config error naming the file', async () => {
    const lab = join(root, 'bomb');
    expect((await cli(['init', lab])).exitCode).toBe(0);
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    writeFileSync(join(lab, labFiles.config), `${levels.join('\n')}\n`);
    const result = await cli(['status', '--dir', lab]);
    expect(result.stderr).toBe(`${join(lab, labFiles.config)} uses a YAML anchor or alias (line 1); the Vagrantfile cannot read them. Write the values out in full.`);
    expect(result.exitCode).toBe(1);
  });
});
