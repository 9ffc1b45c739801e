// The lab's SSH key: ed25519 in OpenSSH's private-key format (PROTOCOL.key), which Heketi's
// golang.org/x/crypto of 2021-07 reads and OpenSSH's ssh-keygen checks here for real.
import { opensshKeyLabel } from '../../../src/lab/openssh-key-format.js';
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSshKeyPair, publicKeyFromPrivate, sshKeyType } from '../../../src/lab/keys.js';
import { findProgram } from '../../real-daemons/harness/gate.js';

const work = mkdtempSync(join(tmpdir(), 'gl-keys-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sshKeygen = findProgram('ssh-keygen');
if (!sshKeygen) console.warn('ssh-keygen is not installed: skipping the checks against OpenSSH (apt-get install openssh-client)');

/** Reads SSH wire fields in order. */
class Reader {
  at = 0;
  constructor(readonly bytes: Buffer) {}
  uint32(): number {
    this.at += 4;
    return this.bytes.readUInt32BE(this.at - 4);
  }
  string(): Buffer {
    const length = this.uint32();
    this.at += length;
    return this.bytes.subarray(this.at - length, this.at);
  }
  rest(): Buffer {
    return this.bytes.subarray(this.at);
  }
}

/** The fields of an unencrypted OpenSSH private key file, as PROTOCOL.key lays them out. */
function decode(text: string) {
  const outer = new Reader(Buffer.from(text.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''), 'base64'));
  const magic = outer.bytes.subarray(0, 15).toString('latin1');
  outer.at = 15;
  const cipher = outer.string().toString();
  const kdf = outer.string().toString();
  const kdfOptions = outer.string();
  const count = outer.uint32();
  const publicBlob = outer.string();
  const section = new Reader(outer.string());
  expect(outer.rest().length).toBe(0);
  const check1 = section.uint32();
  const check2 = section.uint32();
  const type = section.string().toString();
  const pub = section.string();
  const priv = section.string();
  const comment = section.string().toString();
  const padding = [...section.rest()];
  return { magic, cipher, kdf, kdfOptions, count, publicBlob, sectionLength: section.bytes.length, check1, check2, type, pub, priv, comment, padding };
}

describe('generateSshKeyPair', () => {
  const pair = generateSshKeyPair('heketi@lab');

  it('writes an unencrypted ed25519 key in OpenSSH format, laid out as PROTOCOL.key says', () => {
    expect(pair.privateKey).toMatch(new RegExp(`^-----BEGIN ${opensshKeyLabel}-----\n([A-Za-z0-9+/=]{1,70}\n)+-----END ${opensshKeyLabel}-----\n$`));
    const key = decode(pair.privateKey);
    expect(key).toMatchObject({ magic: 'openssh-key-v1\0', cipher: 'none', kdf: 'none', count: 1, type: 'ssh-ed25519', comment: 'heketi@lab' });
    expect(key.kdfOptions.length).toBe(0);
    expect(key.check1).toBe(key.check2);
    expect(key.sectionLength % 8).toBe(0);
    expect(key.padding).toEqual(key.padding.map((_, i) => i + 1));
    expect(key.pub.length).toBe(32);
    // The private part is seed ‖ public key, and the public blob is the same key.
    expect(key.priv.length).toBe(64);
    expect(key.priv.subarray(32).equals(key.pub)).toBe(true);
    expect(key.publicBlob.toString('base64')).toBe(pair.publicKey.split(' ')[1]);
  });

  it('the seed signs what the public key verifies', () => {
    const { pub, priv } = decode(pair.privateKey);
    const privateKey = createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d: priv.subarray(0, 32).toString('base64url'), x: pub.toString('base64url') }, format: 'jwk' });
    const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: pub.toString('base64url') }, format: 'jwk' });
    const message = Buffer.from('session id');
    expect(verify(null, message, publicKey, sign(null, message, privateKey))).toBe(true);
  });

  it('makes a different key each time', () => {
    expect(generateSshKeyPair('x').publicKey).not.toBe(generateSshKeyPair('x').publicKey);
  });

  it.skipIf(!sshKeygen)('is read by OpenSSH: ssh-keygen -y derives the same public key', async () => {
    const file = join(work, 'generated');
    writeFileSync(file, pair.privateKey, { mode: 0o600 });
    const derived = await execa(sshKeygen!, ['-y', '-f', file], { timeout: 10_000, stdin: 'ignore' });
    expect(derived.stdout.trim()).toBe(pair.publicKey.trim());
  });
});

describe('sshKeyType and publicKeyFromPrivate', () => {
  it('reads our key, an RSA PEM key as earlier versions wrote, and nothing from garbage', () => {
    const ours = generateSshKeyPair('c');
    expect(sshKeyType(ours.privateKey)).toBe('ssh-ed25519');
    expect(publicKeyFromPrivate(ours.privateKey, 'c')).toBe(ours.publicKey);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    expect(sshKeyType(rsa.privateKey)).toBe('ssh-rsa');
    expect(publicKeyFromPrivate(rsa.privateKey, 'c')).toMatch(/^ssh-rsa AAAAB3NzaC1yc2E\S+ c\n$/);
    expect(sshKeyType('not a key')).toBeUndefined();
  });

  it.skipIf(!sshKeygen)('reads keys ssh-keygen made: ed25519 and RSA in OpenSSH format', async () => {
    for (const type of ['ed25519', 'rsa']) {
      const file = join(work, `made-${type}`);
      await execa(sshKeygen!, ['-q', '-t', type, ...(type === 'rsa' ? ['-b', '2048'] : []), '-N', '', '-C', 'made', '-f', file], { timeout: 30_000, stdin: 'ignore' });
      const text = readFileSync(file, 'utf8');
      expect(text).toMatch(new RegExp(`^-----BEGIN ${opensshKeyLabel}-----`));
      expect(sshKeyType(text)).toBe(`ssh-${type}`);
      expect(publicKeyFromPrivate(text, 'made')).toBe(readFileSync(`${file}.pub`, 'utf8'));
    }
  });
});
