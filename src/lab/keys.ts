import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { ed25519PublicBlob, opensshPrivateKey, opensshPublicBlob, opensshRsaPublicKey, readSshString } from './openssh-key-format.js';

/** An SSH key pair in formats both OpenSSH and Heketi's Go SSH client read. */
export interface SshKeyPair {
  /** OpenSSH private-key format (armoured as `openssh-key-v1`), unencrypted. */
  privateKey: string;
  /** One line, `ssh-ed25519 AAAA… comment`. */
  publicKey: string;
}

/**
 * A fresh ed25519 key pair for Heketi's SSH executor. Not RSA: Heketi v10.4 is built with
 * golang.org/x/crypto of 2021-07, which signs RSA logins only as `ssh-rsa` (SHA-1), and
 * OpenSSH 8.8 and later refuse that by default. That library reads ed25519 keys only in
 * OpenSSH's own private-key format, which Node cannot export: it is written here.
 */
export function generateSshKeyPair(comment: string): SshKeyPair {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  if (!jwk.d || !jwk.x) throw new Error('ed25519 key without its parts');
  const seed = Buffer.from(jwk.d, 'base64url');
  const pub = Buffer.from(jwk.x, 'base64url');
  const publicBlob = ed25519PublicBlob(pub);
  return {
    privateKey: opensshPrivateKey(publicBlob, seed, pub, comment),
    publicKey: `ssh-ed25519 ${publicBlob.toString('base64')} ${comment}\n`,
  };
}

/** The key type an SSH private key file holds (`ssh-ed25519`, `ssh-rsa`, …), or undefined when unreadable. */
export function sshKeyType(privateKeyText: string): string | undefined {
  const blob = opensshPublicBlob(privateKeyText);
  if (blob) return readSshString(blob, 0)?.value.toString();
  try {
    const type = createPrivateKey(privateKeyText).asymmetricKeyType;
    return type === 'rsa' ? 'ssh-rsa' : type === 'ed25519' ? 'ssh-ed25519' : type === 'ec' ? 'ecdsa' : type;
  } catch {
    return undefined;
  }
}

/** The public-key line (`TYPE BASE64 comment`) of an existing private key: OpenSSH format or PEM RSA. */
export function publicKeyFromPrivate(privateKeyText: string, comment: string): string {
  const blob = opensshPublicBlob(privateKeyText);
  if (blob) {
    const type = readSshString(blob, 0)?.value.toString();
    if (!type) throw new Error('the SSH private key has no key type');
    return `${type} ${blob.toString('base64')} ${comment}\n`;
  }
  const jwk = createPublicKey(privateKeyText).export({ format: 'jwk' });
  if (jwk.kty !== 'RSA' || !jwk.e || !jwk.n) throw new Error('the SSH private key is neither in OpenSSH format nor an RSA key');
  return `${opensshRsaPublicKey(jwk.e, jwk.n)} ${comment}\n`;
}

/** A Heketi secret: 32 random bytes, base64url so it survives YAML, JSON and env vars. */
export function generateHeketiKey(): string {
  return randomBytes(32).toString('base64url');
}
