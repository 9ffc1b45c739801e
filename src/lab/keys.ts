import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';

/** An SSH key pair in formats both OpenSSH and Heketi's Go SSH client read. */
export interface SshKeyPair {
  /** PEM, PKCS#1 (the classic RSA private key block). */
  privateKey: string;
  /** One line, `ssh-rsa AAAA… comment`. */
  publicKey: string;
}

/**
 * A fresh RSA key pair for Heketi's SSH executor. RSA in PKCS#1 PEM because every
 * OpenSSH and golang.org/x/crypto/ssh version reads it without conversion.
 */
export function generateSshKeyPair(comment: string): SshKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 3072,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'jwk' } as never,
  }) as unknown as { privateKey: string; publicKey: { n: string; e: string } };
  return { privateKey, publicKey: `${opensshRsaPublicKey(publicKey.e, publicKey.n)} ${comment}\n` };
}

/** `ssh-rsa BASE64` from the JWK exponent and modulus (RFC 4253 §6.6 wire format). */
function opensshRsaPublicKey(eB64url: string, nB64url: string): string {
  const blob = Buffer.concat([sshString(Buffer.from('ssh-rsa')), sshMpint(Buffer.from(eB64url, 'base64url')), sshMpint(Buffer.from(nB64url, 'base64url'))]);
  return `ssh-rsa ${blob.toString('base64')}`;
}

function sshString(bytes: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(bytes.length);
  return Buffer.concat([len, bytes]);
}

function sshMpint(unsigned: Buffer): Buffer {
  // A positive mpint whose top bit is set needs a leading zero byte.
  const bytes = unsigned.length > 0 && (unsigned[0]! & 0x80) !== 0 ? Buffer.concat([Buffer.from([0]), unsigned]) : unsigned;
  return sshString(bytes);
}

/** A Heketi secret: 32 random bytes, base64url so it survives YAML, JSON and env vars. */
export function generateHeketiKey(): string {
  return randomBytes(32).toString('base64url');
}

/** The `ssh-rsa …` line of an existing PEM RSA private key. */
export function publicKeyFromPrivate(privatePem: string, comment: string): string {
  const jwk = createPublicKey(privatePem).export({ format: 'jwk' });
  if (jwk.kty !== 'RSA' || !jwk.e || !jwk.n) throw new Error('the SSH private key is not an RSA key');
  return `${opensshRsaPublicKey(jwk.e, jwk.n)} ${comment}\n`;
}
