// Defect 1 of issue 11 against a real sshd (Debian's openssh-server, default algorithms) on
// 127.0.0.1 in a network namespace: Heketi v10.4 is built with golang.org/x/crypto of 2021-07,
// whose client signs a public-key login with the key's own type as algorithm — `ssh-rsa`
// (SHA-1) for an RSA key. OpenSSH 8.8+ refuses that by default. The OpenSSH client signs the
// same key with rsa-sha2-512, so a manual `ssh -i` succeeds and hides the problem: here the
// client is restricted to what Heketi's library can sign with.
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyInit, planInit } from '../../src/lab/init-lab.js';
import { labFiles } from '../../src/lab/lab-files.js';
import { opensshRsaPublicKey } from '../../src/lab/openssh-key-format.js';
import { packageRoot } from '../../src/lab/package-root.js';
import { Cleanup, waitFor } from './harness/cleanup.js';
import { assertGateOpen, daemonGate, findProgram } from './harness/gate.js';
import { NetNamespace, must } from './harness/netns.js';

/**
 * The algorithms x/crypto/ssh v0.0.0-20210711020723 signs with: the key's type (client_auth.go
 * sends pub.Type(); rsa-sha2-* signing came in v0.0.0-20211202). ssh-rsa means SHA-1.
 */
const heketiSigningAlgorithms = 'ssh-ed25519,ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,ecdsa-sha2-nistp521,ssh-rsa';
const refusedLine = 'userauth_pubkey: signature algorithm ssh-rsa not in PubkeyAcceptedAlgorithms';

const gate = await daemonGate({ sshd: 'openssh-server', ssh: 'openssh-client', 'ssh-keygen': 'openssh-client', ss: 'iproute2' });
const cleanup = new Cleanup();
let ns: NetNamespace;
let work: string;
let sshdLog: string;
let authorizedKeys: string;

let earlierRsa: { privateKey: string; publicKey: string } | undefined;
/** An RSA key pair exactly as gluster-lab wrote it before ed25519: PKCS#1 PEM, `ssh-rsa` line. */
function earlierRsaKeyPair(comment: string): { privateKey: string; publicKey: string } {
  earlierRsa ??= generateKeyPairSync('rsa', { modulusLength: 3072, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  const { privateKey, publicKey } = earlierRsa;
  const jwk = createPublicKey(publicKey).export({ format: 'jwk' });
  return { privateKey, publicKey: `${opensshRsaPublicKey(jwk.e!, jwk.n!)} ${comment}\n` };
}

async function writeKey(name: string, text: string): Promise<string> {
  const path = join(work, name);
  await writeFile(path, text, { mode: 0o600 });
  return path;
}

/** `ssh root@127.0.0.1 true` in the namespace with only `key`; `algorithms` limits how the client signs. */
function login(key: string, algorithms?: string) {
  const args = ['ssh', '-F', '/dev/null', '-i', key, '-o', 'IdentitiesOnly=yes', '-o', 'IdentityAgent=none', '-o', 'BatchMode=yes'];
  args.push('-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'LogLevel=ERROR', '-o', 'ConnectTimeout=10');
  if (algorithms) args.push('-o', `PubkeyAcceptedAlgorithms=${algorithms}`);
  return ns.run([...args, '-p', '22', 'root@127.0.0.1', 'true'], { timeoutMs: 20_000 });
}

describe.skipIf(gate.skip)('real sshd (OpenSSH, default algorithms) and the lab key Heketi logs in with', () => {
  beforeAll(async () => {
    assertGateOpen(gate);
    try {
      work = await mkdtemp(join(tmpdir(), 'gl-sshd-'));
      cleanup.add('remove the work directory', () => rm(work, { recursive: true, force: true }));
      await chmod(work, 0o700);
      ns = await NetNamespace.create('sshd');
      cleanup.add(`stop sshd and delete ${ns.name}`, () => ns.destroy());
      await mkdir('/run/sshd', { recursive: true }); // sshd's privilege-separation directory
      const hostKey = join(work, 'host_ed25519_key');
      await execa('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'test-host', '-f', hostKey], { timeout: 10_000, stdin: 'ignore' });
      authorizedKeys = join(work, 'authorized_keys');
      await writeFile(authorizedKeys, '', { mode: 0o600 });
      sshdLog = join(work, 'sshd.log');
      const sshd = findProgram('sshd')!;
      // LogLevel VERBOSE: the refusal is a verbose line (auth2-pubkey.c, verbose_f).
      ns.start([sshd, '-D', '-e', '-f', '/dev/null', '-o', 'ListenAddress=127.0.0.1', '-o', 'Port=22', '-o', `HostKey=${hostKey}`, '-o', `AuthorizedKeysFile=${authorizedKeys}`,
        '-o', 'PermitRootLogin=prohibit-password', '-o', `PidFile=${join(work, 'sshd.pid')}`, '-o', 'StrictModes=no', '-o', 'LogLevel=VERBOSE'], sshdLog);
      await waitFor('sshd to listen', 10_000, async () => ((await readFile(sshdLog, 'utf8')).includes('Server listening on 127.0.0.1 port 22') ? true : undefined));
    } catch (error) {
      await cleanup.run();
      throw error;
    }
  });
  afterAll(() => cleanup.run());

  it("logs in with the key `init` writes, signed as Heketi's library signs", async () => {
    const lab = join(work, 'lab');
    await applyInit(await planInit(lab, join(packageRoot(), 'provisioning')));
    await writeFile(authorizedKeys, await readFile(join(lab, labFiles.sshPublicKey), 'utf8'));
    const result = await login(join(lab, labFiles.sshPrivateKey), heketiSigningAlgorithms);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
  });

  it('refuses an RSA key signed as Heketi signs it (ssh-rsa, SHA-1), and says why in its log', async () => {
    const rsa = earlierRsaKeyPair('heketi@old-lab');
    await writeFile(authorizedKeys, rsa.publicKey);
    const key = await writeKey('old_rsa_key', rsa.privateKey);
    const result = await login(key, 'ssh-rsa');
    expect(result.exitCode).toBe(255);
    expect(result.stderr).toMatch(/^root@127\.0\.0\.1: Permission denied \(publickey[,)]/);
    expect(await readFile(sshdLog, 'utf8')).toContain(refusedLine);
    // The trap: OpenSSH's own client signs the same key with rsa-sha2-512 and gets in.
    expect((await login(key)).exitCode).toBe(0);
  });

  it('init moves a lab with an RSA key to ed25519, and the new key logs in where the old one cannot', async () => {
    const lab = join(work, 'old-lab');
    await applyInit(await planInit(lab, join(packageRoot(), 'provisioning')));
    const rsa = earlierRsaKeyPair('heketi@old-lab');
    await writeFile(join(lab, labFiles.sshPrivateKey), rsa.privateKey, { mode: 0o600 });
    await writeFile(join(lab, labFiles.sshPublicKey), rsa.publicKey);
    await writeFile(authorizedKeys, rsa.publicKey);
    expect((await login(join(lab, labFiles.sshPrivateKey), heketiSigningAlgorithms)).exitCode).toBe(255);

    const plan = await planInit(lab, join(packageRoot(), 'provisioning'));
    expect(plan.files.filter((f) => f.action === 'replace-key').map((f) => f.path)).toEqual([labFiles.sshPrivateKey, labFiles.sshPublicKey]);
    await applyInit(plan);
    // What the next provisioning does: the new public key in authorized_keys.
    await writeFile(authorizedKeys, await readFile(join(lab, labFiles.sshPublicKey), 'utf8'));
    must(await login(join(lab, labFiles.sshPrivateKey), heketiSigningAlgorithms), 'ssh with the moved key');
  });
});
