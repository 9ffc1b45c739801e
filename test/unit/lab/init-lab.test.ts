import { opensshKeyLabel } from '../../../src/lab/openssh-key-format.js';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLabConfig } from '../../../src/lab/config.js';
import { applyInit, planChanges, planInit } from '../../../src/lab/init-lab.js';
import { labFiles } from '../../../src/lab/lab-files.js';
import { packageRoot } from '../../../src/lab/package-root.js';
import { publicKeyFromPrivate, sshKeyType } from '../../../src/lab/keys.js';

const provisioning = join(packageRoot(), 'provisioning');

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[relative(dir, path)] = `${statSync(path).mode.toString(8)} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
  }
  return out;
}

describe('init', () => {
  let root: string;
  let lab: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'gl-init-'));
    lab = join(root, 'lab');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('creates a lab whose config validates, with keys of mode 0600', async () => {
    await applyInit(await planInit(lab, provisioning));
    const config = await loadLabConfig(lab);
    expect(config.machines.map((m) => m.name)).toEqual(['heketi', 'gluster1', 'gluster2', 'gluster3']);
    for (const key of [labFiles.sshPrivateKey, labFiles.heketiAdminKey, labFiles.heketiUserKey]) {
      expect(statSync(join(lab, key)).mode & 0o777).toBe(0o600);
    }
    expect(statSync(join(lab, labFiles.secretsDir)).mode & 0o777).toBe(0o700);
    expect(existsSync(join(lab, 'Vagrantfile'))).toBe(true);
    const admin = readFileSync(join(lab, labFiles.heketiAdminKey), 'utf8').trim();
    const user = readFileSync(join(lab, labFiles.heketiUserKey), 'utf8').trim();
    expect(admin).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(admin).not.toBe(user);
  });

  it('the public key belongs to the private key', async () => {
    await applyInit(await planInit(lab, provisioning));
    const pub = readFileSync(join(lab, labFiles.sshPublicKey), 'utf8');
    const derived = publicKeyFromPrivate(readFileSync(join(lab, labFiles.sshPrivateKey), 'utf8'), 'x');
    expect(pub.split(' ')[1]).toBe(derived.split(' ')[1]);
    expect(pub).toMatch(/^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5\S+ heketi@lab\n$/);
    expect(readFileSync(join(lab, labFiles.sshPrivateKey), 'utf8')).toMatch(new RegExp(`^-----BEGIN ${opensshKeyLabel}-----\n[\\s\\S]+\n-----END ${opensshKeyLabel}-----\n$`));
  });

  it('run twice changes no byte', async () => {
    await applyInit(await planInit(lab, provisioning));
    const before = snapshot(lab);
    const plan = await planInit(lab, provisioning);
    expect(planChanges(plan)).toBe(false);
    await applyInit(plan);
    expect(snapshot(lab)).toEqual(before);
  });

  it('never touches .vagrant/, disk images, an existing key or the user config', async () => {
    await applyInit(await planInit(lab, provisioning));
    writeFileSync(join(lab, labFiles.config), readFileSync(join(lab, labFiles.config), 'utf8').replace('memory_mb: 1024', 'memory_mb: 2048'));
    const vagrantDir = join(lab, '.vagrant', 'machines', 'heketi');
    mkdirSync(vagrantDir, { recursive: true });
    writeFileSync(join(vagrantDir, 'id'), 'uuid');
    writeFileSync(join(lab, 'disk.vdi'), 'image');
    const keyBefore = readFileSync(join(lab, labFiles.sshPrivateKey), 'utf8');
    rmSync(join(lab, labFiles.sshPublicKey));
    const before = snapshot(lab);
    const plan = await planInit(lab, provisioning);
    const actions = Object.fromEntries(plan.files.map((f) => [f.path, f.action]));
    expect(actions[labFiles.sshPrivateKey]).toBe('keep-key');
    expect(actions[labFiles.sshPublicKey]).toBe('create');
    expect(actions[labFiles.config]).toBe('unchanged');
    expect(plan.files.some((f) => f.path.startsWith('.vagrant') || f.path.endsWith('.vdi'))).toBe(false);
    await applyInit(plan);
    expect(readFileSync(join(lab, labFiles.sshPrivateKey), 'utf8')).toBe(keyBefore);
    const after = snapshot(lab);
    expect(after[labFiles.config]).toBe(before[labFiles.config]);
    expect(after['disk.vdi']).toBe(before['disk.vdi']);
    expect(after['.vagrant/machines/heketi/id']).toBe(before['.vagrant/machines/heketi/id']);
    // The public key was derived from the kept private key.
    expect(readFileSync(join(lab, labFiles.sshPublicKey), 'utf8').split(' ')[1]).toBe(publicKeyFromPrivate(keyBefore, 'x').split(' ')[1]);
  });

  it('moves an RSA key pair of an earlier version to ed25519, and keeps the Heketi keys', async () => {
    await applyInit(await planInit(lab, provisioning));
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    writeFileSync(join(lab, labFiles.sshPrivateKey), rsa.privateKey, { mode: 0o600 });
    writeFileSync(join(lab, labFiles.sshPublicKey), publicKeyFromPrivate(rsa.privateKey, 'heketi@lab'));
    const admin = readFileSync(join(lab, labFiles.heketiAdminKey), 'utf8');
    const plan = await planInit(lab, provisioning);
    const actions = Object.fromEntries(plan.files.map((f) => [f.path, f.action]));
    expect(actions[labFiles.sshPrivateKey]).toBe('replace-key');
    expect(actions[labFiles.sshPublicKey]).toBe('replace-key');
    expect(actions[labFiles.heketiAdminKey]).toBe('keep-key');
    expect(planChanges(plan)).toBe(true);
    await applyInit(plan);
    const key = readFileSync(join(lab, labFiles.sshPrivateKey), 'utf8');
    expect(sshKeyType(key)).toBe('ssh-ed25519');
    expect(statSync(join(lab, labFiles.sshPrivateKey)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(lab, labFiles.sshPublicKey), 'utf8')).toBe(publicKeyFromPrivate(key, 'heketi@lab'));
    expect(readFileSync(join(lab, labFiles.heketiAdminKey), 'utf8')).toBe(admin);
    expect(planChanges(await planInit(lab, provisioning))).toBe(false);
  });

  it('keeps an ed25519 or ECDSA key the user put there', async () => {
    await applyInit(await planInit(lab, provisioning));
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256', privateKeyEncoding: { type: 'sec1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    writeFileSync(join(lab, labFiles.sshPrivateKey), ec.privateKey, { mode: 0o600 });
    const plan = await planInit(lab, provisioning);
    expect(plan.files.find((f) => f.path === labFiles.sshPrivateKey)?.action).toBe('keep-key');
    expect(planChanges(plan)).toBe(false);
  });

  it('keeps a provisioning file the user edited, and replaces it with force', async () => {
    await applyInit(await planInit(lab, provisioning));
    const vagrantfile = join(lab, 'Vagrantfile');
    writeFileSync(vagrantfile, `${readFileSync(vagrantfile, 'utf8')}\n# my change\n`);
    const plan = await planInit(lab, provisioning);
    expect(plan.files.find((f) => f.path === 'Vagrantfile')?.action).toBe('keep-modified');
    expect(planChanges(plan)).toBe(false);
    const forced = await planInit(lab, provisioning, { force: true });
    expect(forced.files.find((f) => f.path === 'Vagrantfile')?.action).toBe('update');
    await applyInit(forced);
    expect(readFileSync(vagrantfile, 'utf8')).not.toContain('# my change');
  });

  it('updates a program-owned file that changed in a newer version', async () => {
    await applyInit(await planInit(lab, provisioning));
    // Simulate an older version of the program having written a different Vagrantfile.
    const fakeOld = mkdtempSync(join(root, 'prov-'));
    for (const f of readdirSync(provisioning, { recursive: true, withFileTypes: true })) {
      if (!f.isFile()) continue;
      const rel = relative(provisioning, join(f.parentPath, f.name));
      const target = join(fakeOld, rel);
      rmSync(target, { force: true });
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, rel === 'Vagrantfile' ? '# old\n' : readFileSync(join(provisioning, rel)));
    }
    const lab2 = join(root, 'lab2');
    await applyInit(await planInit(lab2, fakeOld));
    const plan = await planInit(lab2, provisioning);
    expect(plan.files.find((f) => f.path === 'Vagrantfile')?.action).toBe('update');
  });
});

