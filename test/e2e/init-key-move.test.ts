// `init` on a lab an earlier version made, with an RSA key for Heketi: the key becomes
// ed25519 and init says why and what to run next, in English and Japanese. `up --provision`
// is offered by the command line.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { publicKeyFromPrivate, sshKeyType } from '../../src/lab/keys.js';
import { labFiles } from '../../src/lab/lab-files.js';
import { cliPath } from './terminal.js';

const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const cli = (args: string[]) => execa(process.execPath, [cliPath, ...args], { env, reject: false, stdin: 'ignore', timeout: 20_000 });

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });

function giveRsaKey(lab: string): void {
  writeFileSync(join(lab, labFiles.sshPrivateKey), rsa.privateKey, { mode: 0o600 });
  writeFileSync(join(lab, labFiles.sshPublicKey), publicKeyFromPrivate(rsa.privateKey, 'heketi@lab'));
}

describe('init on a lab with an RSA key', () => {
  const root = mkdtempSync(join(tmpdir(), 'gl-keymove-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('moves it to ed25519 and says the next up --provision installs it (en)', async () => {
    const lab = join(root, 'lab');
    expect((await cli(['init', lab])).exitCode).toBe(0);
    giveRsaKey(lab);
    const moved = await cli(['init', lab, '--lang', 'en']);
    expect(moved.exitCode).toBe(0);
    expect(moved.stdout).toContain(`  ~ ${labFiles.sshPrivateKey} — RSA key replaced by a new ed25519 key`);
    expect(moved.stdout).toContain(`  ~ ${labFiles.sshPublicKey} — RSA key replaced by a new ed25519 key`);
    expect(moved.stdout).toContain('Heketi v10.4 signs RSA logins with SHA-1 (ssh-rsa), which OpenSSH 8.8 and later refuse');
    expect(moved.stdout).toContain(`"gluster-lab --dir ${lab} up --provision"`);
    expect(moved.stdout).not.toMatch(/PRIVATE KEY|AAAA/);
    expect(sshKeyType(readFileSync(join(lab, labFiles.sshPrivateKey), 'utf8'))).toBe('ssh-ed25519');
    expect((await cli(['init', lab, '--lang', 'en'])).stdout).toContain('up to date: nothing to change');
  });

  it('says so in Japanese too', async () => {
    const lab = join(root, 'lab-ja');
    expect((await cli(['init', lab])).exitCode).toBe(0);
    giveRsaKey(lab);
    const moved = await cli(['init', lab, '--lang', 'ja']);
    expect(moved.exitCode).toBe(0);
    expect(moved.stdout).toContain('RSA 鍵を新しい ed25519 鍵に置き換えます');
    expect(moved.stdout).toContain('up --provision" で新しい公開鍵が入ります');
  });

  it('up offers --provision', async () => {
    const help = await cli(['up', '--help', '--lang', 'en']);
    expect(help.stdout).toMatch(/--provision +run the provisioning again on VMs that exist/);
  });
});
