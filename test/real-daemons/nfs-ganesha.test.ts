// The CSI path's export for real: NFS-Ganesha 4.3 (Debian's nfs-ganesha, nfs-ganesha-gluster)
// in a network namespace, configured by the lab's own playbook (gluster.yml's template tasks,
// rendered by ansible-playbook for gluster1), exporting a live replica-3 Gluster volume of
// three glusterd on 127.1.1.1–3. A userspace client (libnfs: this kernel has no NFS client)
// writes and reads through it, and meets the trouble csi-driver-nfs users meet: a claim's
// directory made root-owned 0755 refuses a uid-1000 writer until the chmod pod's repair.
//
// What the harness changes in the lab's configuration, and why, is named once below
// (harnessOnly, forTheClient). Everything is stopped by PID and the namespace deleted, also
// when a test fails. About 20–40 s on an idle machine, plus clean-up.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LayerResult } from '../../src/doctor/doctor-types.js';
import { nfsPort } from '../../src/doctor/read-nfs-export.js';
import type { LabConfig } from '../../src/lab/config-schema.js';
import { defaultLabConfig } from '../../src/lab/defaults.js';
import { Cleanup } from './harness/cleanup.js';
import { assertGateOpen, daemonGate } from './harness/gate.js';
import { brickOf, createReplicaVolume, startGlusterPool, type GlusterPool } from './harness/gluster-pool.js';
import { configCritLines, renderGaneshaFiles, startGanesha, type Ganesha } from './harness/nfs-ganesha.js';
import { buildNfsOp, NfsClient } from './harness/nfs-client.js';
import { must, type NsResult } from './harness/netns.js';

const fsalGluster = ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib64', '/usr/lib']
  .map((dir) => join(dir, 'ganesha', 'libfsalgluster.so'))
  .find((path) => existsSync(path)) ?? '/usr/lib/x86_64-linux-gnu/ganesha/libfsalgluster.so';
const gate = await daemonGate(
  { glusterd: 'glusterfs-server', gluster: 'glusterfs-server', 'ganesha.nfsd': 'nfs-ganesha', rpcbind: 'rpcbind', 'nfs-cat': 'libnfs-utils', gcc: 'gcc', 'ansible-playbook': 'ansible-core', ss: 'iproute2' },
  { files: { [fsalGluster]: 'nfs-ganesha-gluster', '/usr/include/nfsc/libnfs.h': 'libnfs-dev' } },
);
const cleanup = new Cleanup();

/** The lab of gluster-lab.yaml, its VMs played by the pool's loopback addresses. */
const lab: LabConfig = {
  ...defaultLabConfig,
  machines: [
    { name: 'heketi', role: 'heketi', address: '127.1.1.10', cpus: 1, memory_mb: 1024 },
    ...[1, 2, 3].map((n) => ({ name: `gluster${n}`, role: 'gluster' as const, address: `127.1.1.${n}`, cpus: 1, memory_mb: 1024 })),
  ],
};
const server = '127.1.1.1';
const volume = lab.nfs.volume;

let work: string;
let pool: GlusterPool;
let files: Record<string, string>;
let nfsOp: string;

/** Changes every Ganesha here needs: a recovery folder of its own (not the system's), and no 90 s grace before serving. */
const harnessOnly = (name: string) => ({ ganesha_recovery_root: join(work, `recovery-${name}`), ganesha_graceless: true });
/** libnfs 4.0 speaks NFSv4.0 only, and changes a directory's mode over NFSv3 only (NFS4ERR_ISDIR over v4). */
const forTheClient = { ganesha_protocols: [3, 4], ganesha_minor_versions: [0, 1] };

async function runDir(name: string): Promise<string> {
  const dir = join(work, 'run', name);
  await mkdir(dir, { recursive: true });
  await mkdir(join(work, `recovery-${name}`), { recursive: true });
  return dir;
}

function settled<T>(result: PromiseSettledResult<T>): T {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}

/** The ExecStartPre of the lab's unit drop-in, pointed at the pool's glusterd socket (it would use the default one on a VM). */
async function unitStartCheck(): Promise<NsResult> {
  const line = (await readFile(files['lab/gluster-lab.conf']!, 'utf8')).split('\n').find((l) => l.startsWith('ExecStartPre='));
  const [program, mode, ...rest] = (line ?? '').slice('ExecStartPre='.length).split(' ');
  expect([program, mode]).toEqual(['/usr/sbin/gluster', '--mode=script']);
  const node = pool.nodes[0]!;
  return pool.ns.run([program!, mode!, `--glusterd-sock=${node.sock}`, `--log-file=${node.cliLog}`, ...rest], { timeoutMs: 60_000 });
}

/** The NFSv4 COMPOUND status of an EXCHANGE_ID at `minor` (harness/nfs4-exchange-id.mjs), from inside the namespace. */
async function exchangeId(minor: number): Promise<{ compound: number; op: number | null }> {
  const result = must(await pool.ns.run([process.execPath, resolve(import.meta.dirname, 'harness', 'nfs4-exchange-id.mjs'), server, String(nfsPort), String(minor)]), `EXCHANGE_ID at 4.${minor}`);
  return JSON.parse(result.stdout) as { compound: number; op: number | null };
}

/** TCP listeners in the namespace owned by ganesha.nfsd, as "address:port". */
async function ganeshaListeners(): Promise<string[]> {
  const listed = must(await pool.ns.run(['ss', '-tlnpH']), 'ss').stdout.split('\n');
  return listed.filter((line) => line.includes('"ganesha.nfsd"')).map((line) => (line.trim().split(/\s+/)[3] ?? '').replace(/^\[::ffff:(.*)\]/, '$1')).sort();
}

describe.skipIf(gate.skip)('NFS-Ganesha exporting a live Gluster volume, configured by the lab', () => {
  beforeAll(async () => {
    assertGateOpen(gate);
    try {
      work = await mkdtemp(join(tmpdir(), 'gl-ganesha-'));
      cleanup.add('remove the work directory', () => rm(work, { recursive: true, force: true }));
      // The volume is made later, as Heketi makes it after the gluster VMs are provisioned.
      // All three run to their end before any failure is thrown, so the clean-up finds everything made.
      const [started, rendered, built] = await Promise.allSettled([
        startGlusterPool(join(work, 'pool'), cleanup, { volume: null }),
        renderGaneshaFiles(join(work, 'rendered'), lab, 'gluster1', { lab: harnessOnly('lab'), client: { ...harnessOnly('client'), ...forTheClient } }),
        buildNfsOp(work),
      ]);
      [pool, files, nfsOp] = [settled(started), settled(rendered), settled(built)];
      // Ganesha resolves Bind_addr only where the namespace has a non-loopback IPv6 address.
      must(await pool.ns.run(['ip', '-6', 'addr', 'add', 'fd99::1/128', 'dev', 'lo']), 'ip -6 addr add');
    } catch (error) {
      await cleanup.run();
      throw error;
    }
  }, 300_000);
  afterAll(() => cleanup.run(), 120_000);

  it("renders the lab's export: NFSv4.1 only on 2049 at the node's address, no_root_squash, the volume through FSAL_GLUSTER; the client's copy differs only in what the harness names", async () => {
    const conf = await readFile(files['lab/ganesha.conf']!, 'utf8');
    const settings = conf.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    expect(settings).toEqual(expect.arrayContaining([
      'Protocols = 4;',
      `Bind_addr = ${server};`,
      `NFS_Port = ${nfsPort};`,
      'Enable_UDP = false;',
      'Minor_Versions = 1;',
      'Only_Numeric_Owners = true;',
      `Path = "${lab.nfs.export}";`,
      `Pseudo = "${lab.nfs.export}";`,
      'Access_Type = RW;',
      'Squash = No_Root_Squash;',
      'Transports = TCP;',
      'Name = GLUSTER;',
      `Hostname = "${server}";`,
      `Volume = "${volume}";`,
    ]));
    const client = (await readFile(files['client/ganesha.conf']!, 'utf8')).split('\n');
    const changed = conf.split('\n').flatMap((line, i) => (line === client[i] ? [] : [`${line.trim()} -> ${client[i]?.trim()}`]));
    expect(changed).toEqual([
      'Protocols = 4; -> Protocols = 3, 4;',
      'Minor_Versions = 1; -> Minor_Versions = 0, 1;',
      `RecoveryRoot = "${join(work, 'recovery-lab')}"; -> RecoveryRoot = "${join(work, 'recovery-client')}";`,
      'Protocols = 4; -> Protocols = 3, 4;',
    ]);
  });

  it('started before Heketi has made the volume, Ganesha serves no export at all: why the unit waits for the volume', async () => {
    const early = await startGanesha(pool.ns, files['lab/ganesha.conf']!, await runDir('early'), cleanup);
    try {
      const log = await early.log();
      expect(log).toContain(`glusterfs_get_fs :FSAL :CRIT :Unable to initialize volume. Volume: ${volume}`);
      expect(configCritLines(log).join('\n')).toContain(`Could not create export for (${lab.nfs.export}) to (${lab.nfs.export})`);
    } finally {
      await early.stop();
    }
    // The drop-in's start check fails the same way until the volume exists, then passes.
    const before = await unitStartCheck();
    expect([before.exitCode, (before.stdout + before.stderr).trim()]).toEqual([1, `Volume ${volume} does not exist`]);
    await createReplicaVolume(pool, volume);
    expect((await unitStartCheck()).exitCode).toBe(0);
  }, 120_000);

  it("the lab's own configuration serves NFSv4.1, refuses 4.0, 4.2 and NFSv3, and listens on 2049 alone (no rpcbind needed)", async () => {
    const ganesha = await startGanesha(pool.ns, files['lab/ganesha.conf']!, await runDir('lab'), cleanup);
    try {
      await labServesOnlyV41(ganesha);
    } finally {
      await ganesha.stop();
    }
  }, 120_000);

  async function labServesOnlyV41(ganesha: Ganesha): Promise<void> {
    expect(configCritLines(await ganesha.log())).toEqual([]);
    expect(await ganeshaListeners()).toEqual([`${server}:${nfsPort}`]);

    const NFS4ERR_MINOR_VERS_MISMATCH = 10021;
    expect(await exchangeId(1)).toEqual({ compound: 0, op: 0 });
    expect((await exchangeId(0)).compound).toBe(NFS4ERR_MINOR_VERS_MISMATCH);
    expect((await exchangeId(2)).compound).toBe(NFS4ERR_MINOR_VERS_MISMATCH);
    // libnfs 4.0 is an NFSv4.0 client: refused in the server's words.
    const client = new NfsClient(pool.ns, nfsOp, server, lab.nfs.export);
    const v40 = await client.op({ version: 4 }, '/', 'stat');
    expect(v40.exitCode).toBe(1);
    expect(v40.stderr).toContain('NFS4ERR_MINOR_VERS_MISMATCH');
    const v3 = await client.op({ version: 3 }, '/', 'stat');
    expect(v3.exitCode).toBe(1);
    expect(v3.stderr).toMatch(/mount: /);
  }

  it("a claim directory made as csi-driver-nfs makes it (root, 0755) refuses a uid-1000 writer with NFS4ERR_ACCESS, and takes the write after the chmod pod's a+w", async () => {
    // NFSv3 (for the client's chmod) needs rpcbind: without it Ganesha exits after "Cannot register NFS V3".
    pool.ns.start(['rpcbind', '-f', '-w'], join(await runDir('rpcbind'), 'rpcbind.log'));
    // Serves until the end of the file: the clean-up stops it.
    const ganesha = await startGanesha(pool.ns, files['client/ganesha.conf']!, await runDir('client'), cleanup);
    expect(configCritLines(await ganesha.log())).toEqual([]);
    const client = new NfsClient(pool.ns, nfsOp, server, lab.nfs.export);
    const root = { version: 4 } as const;
    const pod = { version: 4, uid: 1000, gid: 1000 } as const;
    const dir = '/default-data-pvc-0f3c';

    must(await client.op(root, dir, 'mkdir', '0755'), 'mkdir');
    expect(await client.stat(dir)).toMatchObject({ mode: 0o755, uid: 0, gid: 0 });
    const denied = await client.op(pod, `${dir}/probe.txt`, 'write', 'from uid 1000\n');
    expect(denied.exitCode).toBe(1);
    expect(denied.stderr).toContain('NFS4ERR_ACCESS(-13)');

    // The repair: `chmod a+w` on the mount, as root (no_root_squash lets it).
    const { mode } = await client.stat(dir);
    must(await client.op({ version: 3 }, dir, 'chmod', ((mode | 0o222) & 0o7777).toString(8)), 'chmod a+w');
    expect((await client.stat(dir)).mode).toBe(0o777);
    must(await client.op(pod, `${dir}/probe.txt`, 'write', 'from uid 1000\n'), 'write as uid 1000');
    const read = await client.cat(pod, `${dir}/probe.txt`);
    expect([read.exitCode, read.stdout]).toEqual([0, 'from uid 1000\n']);
    expect(await client.stat(`${dir}/probe.txt`)).toMatchObject({ uid: 1000, gid: 1000, size: 14 });
    // Replica 3: the file is on every brick, owned by the writer.
    for (const node of pool.nodes) {
      const onBrick = await stat(join(brickOf(node, volume), dir, 'probe.txt'));
      expect([onBrick.uid, onBrick.gid, onBrick.size], node.address).toEqual([1000, 1000, 14]);
    }
  }, 120_000);

  it("doctor's NFS export layer, run in the namespace: gluster1's Ganesha answers on 2049, gluster2 has none and is named", async () => {
    const script = resolve(import.meta.dirname, 'harness', 'doctor-nfs-layer.ts');
    const result = must(await pool.ns.run([process.execPath, '--import', 'tsx', script, JSON.stringify(lab), 'en', 'gluster1', 'gluster2'], { timeoutMs: 60_000 }), 'doctor nfs-export layer');
    const layer = JSON.parse(result.stdout) as LayerResult;
    expect(layer).toMatchObject({ layer: 'nfs-export', status: 'failed', summary: '1 of 2 gluster VMs answer on port 2049' });
    expect(layer.findings.map((f) => [f.id, f.category, f.title])).toEqual([['doctor.nfs-export-down', 'nfs-export', 'NFS-Ganesha does not answer on gluster2']]);
    expect(layer.findings[0]?.evidence).toEqual([expect.stringMatching(/^127\.1\.1\.2:2049: connect ECONNREFUSED 127\.1\.1\.2:2049 \(\d+ ms\)$/)]);
  }, 90_000);

  it("no_root_squash: root's writes stay root's (csi-driver-nfs's mkdir and fsGroup's chown need it)", async () => {
    const client = new NfsClient(pool.ns, nfsOp, server, lab.nfs.export);
    must(await client.op({ version: 4 }, '/made-by-root.txt', 'write', 'root\n'), 'write as root');
    expect(await client.stat('/made-by-root.txt')).toMatchObject({ uid: 0, gid: 0 });
    expect((await stat(join(brickOf(pool.nodes[1]!, volume), 'made-by-root.txt'))).uid).toBe(0);
  }, 60_000);
});
