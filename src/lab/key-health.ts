import { labFiles } from './lab-files.js';
import { publicKeyFromPrivate, sshKeyType } from './keys.js';

/**
 * What is wrong with a key file: `empty`; `unparsable` (a private key no parser reads, a
 * public key that is not one `ssh-…` line, a Heketi key with spaces or control characters
 * inside); `mismatch` (a public key that is not the private key's).
 */
export type KeyProblem = 'empty' | 'unparsable' | 'mismatch' | 'pair';

/**
 * Checks one of the lab's key files by its path inside the lab (labFiles). `privateKey` is
 * the lab's usable private key, to check that the public key belongs to it.
 */
export function keyProblem(path: string, text: string, privateKey?: string): KeyProblem | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return 'empty';
  switch (path) {
    case labFiles.sshPrivateKey:
      // Cut short, a key loses its END line; whole, it must name its type (OpenSSH or PEM).
      if (!/-----END [A-Z ]*PRIVATE KEY-----$/.test(trimmed)) return 'unparsable';
      return sshKeyType(text) === undefined ? 'unparsable' : undefined;
    case labFiles.sshPublicKey: {
      const blob = /^ssh-(rsa|ed25519) ([A-Za-z0-9+/]+={0,2})( .*)?$/.exec(trimmed)?.[2];
      if (blob === undefined || trimmed.includes('\n')) return 'unparsable';
      if (privateKey === undefined) return undefined;
      try {
        return publicKeyFromPrivate(privateKey, '').split(' ')[1] === blob ? undefined : 'mismatch';
      } catch {
        // A private key of a kind this program cannot read: it cannot judge the pair.
        return undefined;
      }
    }
    default:
      // A Heketi key is one word: spaces or control characters inside are damage, not a choice.
      return [...trimmed].some((c) => c.charCodeAt(0) <= 0x20 || c.charCodeAt(0) === 0x7f) ? 'unparsable' : undefined;
  }
}
