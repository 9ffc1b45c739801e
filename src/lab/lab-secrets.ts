import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { keyProblem, type KeyProblem } from './key-health.js';
import { labFiles } from './lab-files.js';

export interface UnusableSecret {
  /** Path inside the lab, e.g. secrets/heketi_admin_key. */
  file: string;
  problem: KeyProblem | 'missing';
}

/**
 * The first of the lab's keys that must not reach a VM: missing, empty, unreadable as a key,
 * or a public key that is not the private key's. `init` repairs each of these.
 */
export async function unusableSecret(labDir: string): Promise<UnusableSecret | undefined> {
  const read = (file: string) => readFile(join(labDir, file), 'utf8').catch(() => undefined);
  const privateKey = await read(labFiles.sshPrivateKey);
  for (const file of [labFiles.sshPrivateKey, labFiles.sshPublicKey, labFiles.heketiAdminKey, labFiles.heketiUserKey]) {
    const text = file === labFiles.sshPrivateKey ? privateKey : await read(file);
    if (text === undefined) return { file, problem: 'missing' };
    const problem = keyProblem(file, text, file === labFiles.sshPublicKey ? privateKey : undefined);
    if (problem) return { file, problem };
  }
  return undefined;
}
