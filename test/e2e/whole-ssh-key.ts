// The lab's SSH key, read the way OpenSSH reads it. The key is ed25519 in OpenSSH's own
// format (src/lab/keys.ts), which Node's createPrivateKey cannot parse ("DECODER routines::
// unsupported"): ssh-keygen -y derives its public key, and that must be the lab's .pub line.
import { readFileSync } from 'node:fs';
import { execaSync } from 'execa';

/** The public key ssh-keygen derives from a private key file, as `TYPE BASE64` (comment dropped). */
function publicKeyBySshKeygen(privateKeyPath: string): string {
  const result = execaSync('ssh-keygen', ['-y', '-f', privateKeyPath], { timeout: 10_000, stdin: 'ignore', reject: false });
  if (result.exitCode !== 0) throw new Error(`ssh-keygen cannot read ${privateKeyPath}: ${result.stderr}`);
  return result.stdout.trim().split(' ').slice(0, 2).join(' ');
}

/** Throws unless the private key is whole and is the one its public key file names. */
export function assertWholeSshKeyPair(privateKeyPath: string, publicKeyPath: string): void {
  const derived = publicKeyBySshKeygen(privateKeyPath);
  const written = readFileSync(publicKeyPath, 'utf8').trim().split(' ').slice(0, 2).join(' ');
  if (!derived.startsWith('ssh-ed25519 ')) throw new Error(`${privateKeyPath} is not an ed25519 key: ${derived}`);
  if (derived !== written) throw new Error(`${publicKeyPath} is not the public key of ${privateKeyPath}`);
}
