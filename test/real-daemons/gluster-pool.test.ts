// A real GlusterFS 10.3 pool (three glusterd in a network namespace on 127.1.1.1–3, a
// replica-3 volume on directory bricks) under the project's gluster XML parser and doctor's
// gluster-peer check: live `--xml` output, and gluster's real errors — a probe of a dead
// peer, a brick already in use, a peer that goes away. The pool is started once for the
// file (about 15–35 s) and removed in afterAll, also when a test fails.
//
// The doctor reads peers with `vagrant ssh VM -c 'sudo gluster peer status --xml'`; there are
// no VMs here, so a stand-in `vagrant` on PATH (harness/vagrant-ssh-stand-in.mjs) runs that
// gluster command for real against the glusterd playing the VM.
//
// GLUSTER_LAB_CAPTURE=DIR saves the live answers there (how test/fixtures/glusterfs-10.3/ was made).
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnoseText } from '../../src/diagnosis/scan-log.js';
import { checkGlusterPeers } from '../../src/doctor/check-gluster-peers.js';
import { createDoctorContext, type DoctorContext } from '../../src/doctor/doctor-context.js';
import { defaultLabConfig } from '../../src/lab/defaults.js';
import { GlusterCliError, glusterCliOutput, glusterdDownText, parsePeerStatusXml } from '../../src/tools/gluster-xml.js';
import { Cleanup, waitFor } from './harness/cleanup.js';
import { assertGateOpen, daemonGate } from './harness/gate.js';
import { poolVolume, startGlusterPool, type GlusterPool } from './harness/gluster-pool.js';
import { alive, signal } from './harness/netns.js';

const gate = await daemonGate({ glusterd: 'glusterfs-server', gluster: 'glusterfs-server', ss: 'iproute2' });
const cleanup = new Cleanup();
let pool: GlusterPool;
let work: string;

const machines = [
  { name: 'heketi', role: 'heketi' as const, address: '127.1.1.10', cpus: 1, memory_mb: 1024 },
  ...[1, 2, 3].map((n) => ({ name: `gluster${n}`, role: 'gluster' as const, address: `127.1.1.${n}`, cpus: 1, memory_mb: 1024 })),
];

/** A doctor context for a lab whose gluster VMs are the three glusterd, reached through the vagrant stand-in. */
async function doctorContext(lang: 'en' | 'ja' = 'en'): Promise<DoctorContext> {
  const bin = join(work, 'bin');
  await mkdir(bin, { recursive: true });
  await symlink(resolve(import.meta.dirname, 'harness', 'vagrant-ssh-stand-in.mjs'), join(bin, 'vagrant')).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'EEXIST') throw e;
  });
  const nodes = Object.fromEntries(pool.nodes.map((node) => [`gluster${node.n}`, { sock: node.sock, log: node.cliLog }]));
  const env = { ...process.env, PATH: [bin, dirname(process.execPath), process.env.PATH].join(delimiter), GL_STANDIN_NS: pool.ns.name, GL_STANDIN_NODES: JSON.stringify(nodes) };
  return createDoctorContext({ config: { ...defaultLabConfig, machines }, labDir: work, kube: {}, lang, tool: { env, timeoutMs: 60_000 } });
}

async function capture(name: string, text: string): Promise<void> {
  const dir = process.env.GLUSTER_LAB_CAPTURE;
  if (dir) await writeFile(join(dir, name), text);
}

/** The GlusterCliError `run` throws (fails the test when it throws nothing else). */
function cliError(run: () => unknown): GlusterCliError {
  try {
    run();
  } catch (error) {
    if (error instanceof GlusterCliError) return error;
    throw error;
  }
  throw new Error('expected a GlusterCliError');
}

describe.skipIf(gate.skip)('a real three-node GlusterFS pool', () => {
  beforeAll(async () => {
    assertGateOpen(gate);
    try {
      work = await mkdtemp(join(tmpdir(), 'gl-gluster-'));
      cleanup.add('remove the pool directories', () => rm(work, { recursive: true, force: true }));
      pool = await startGlusterPool(join(work, 'pool'), cleanup);
    } catch (error) {
      await cleanup.run();
      throw error;
    }
  }, 150_000);
  afterAll(() => cleanup.run(), 60_000);

  it('peer status from each node: the parser reads the other two, in the cluster and connected', async () => {
    for (const node of pool.nodes) {
      const result = await pool.cli(node.n, ['peer', 'status', '--xml']);
      expect(result.exitCode).toBe(0);
      if (node.n === 1) await capture('peer-status-connected.xml', result.stdout);
      const { peers } = parsePeerStatusXml(result.stdout);
      const others = pool.nodes.filter((o) => o.n !== node.n);
      expect(peers.map((p) => p.hostname).sort()).toEqual(others.map((o) => o.address));
      expect(peers.map((p) => p.uuid).sort()).toEqual((await Promise.all(others.map((o) => pool.uuid(o.n)))).sort());
      for (const peer of peers) expect(peer).toMatchObject({ connected: true, state: 3, stateStr: 'Peer in Cluster', hostnames: [peer.hostname] });
    }
  });

  it("doctor's gluster-peer check finds the pool whole", async () => {
    const result = await checkGlusterPeers(await doctorContext(), 'gluster1');
    expect(result.findings).toEqual([]);
    expect(result.status).toBe('ok');
    expect(result.summary).toBe('2 of 2 peers in the pool and connected');
  });

  it('volume info and volume status: replica 3 over the three bricks, all online', async () => {
    const info = await pool.cli(1, ['volume', 'info', poolVolume, '--xml']);
    const status = await pool.cli(1, ['volume', 'status', poolVolume, '--xml']);
    await capture('volume-info.xml', info.stdout);
    await capture('volume-status.xml', status.stdout);
    const volume = (glusterCliOutput(info.stdout) as { volInfo: { volumes: { volume: Record<string, unknown> } } }).volInfo.volumes.volume;
    expect(volume).toMatchObject({ name: poolVolume, statusStr: 'Started', typeStr: 'Replicate', replicaCount: '3', brickCount: '3' });
    const nodes = (glusterCliOutput(status.stdout) as { volStatus: { volumes: { volume: { node: Array<{ hostname: string; path: string; status: string; pid: string }> } } } }).volStatus.volumes.volume.node;
    const bricks = nodes.filter((n) => n.hostname !== 'Self-heal Daemon');
    expect(bricks.map((b) => `${b.hostname}:${b.path}`)).toEqual(pool.nodes.map((node) => `${node.address}:${node.brick}`));
    for (const brick of bricks) {
      expect(brick.status).toBe('1');
      expect(alive(Number(brick.pid))).toBe(true);
    }
    expect(nodes.filter((n) => n.hostname === 'Self-heal Daemon')).toHaveLength(3);
  });

  it("a probe of a dead peer: gluster's error reaches GlusterCliError, and the catalogue knows the plain form", async () => {
    const xml = await pool.cli(1, ['peer', 'probe', '127.1.1.9', '--xml']);
    await capture('peer-probe-dead-peer.xml', xml.stdout);
    const error = cliError(() => parsePeerStatusXml(xml.stdout));
    expect(error).toMatchObject({ opRet: -1, opErrno: 107, opErrstr: 'Probe returned with Transport endpoint is not connected' });
    const plain = await pool.cli(1, ['peer', 'probe', '127.1.1.9']);
    expect(plain.exitCode).toBe(1);
    expect(plain.stderr.trim()).toBe('peer probe: failed: Probe returned with Transport endpoint is not connected');
    expect(diagnoseText(plain.stderr.split('\n'), { lang: 'en' }).map((f) => f.id)).toContain('gluster-peer-probe-failed');
  });

  it('a brick already in use, and two bricks of a replica on one server: refused with gluster\'s words', async () => {
    const [first, second, third] = pool.nodes as [GlusterPool['nodes'][0], GlusterPool['nodes'][0], GlusterPool['nodes'][0]];
    const inUse = await pool.cli(1, ['volume', 'create', 'gv1', 'replica', '3', `${first.address}:${first.brick}`, `${second.address}:${second.brick}-b`, `${third.address}:${third.brick}-b`, 'force', '--xml']);
    await capture('volume-create-brick-in-use.xml', inUse.stdout);
    expect(cliError(() => glusterCliOutput(inUse.stdout))).toMatchObject({
      opRet: -1,
      opErrstr: `Brick: ${first.address}:${first.brick} not available. Brick may be containing or be contained by an existing brick.`,
    });
    const sameServer = await pool.cli(1, ['volume', 'create', 'gv2', 'replica', '3', `${first.address}:${first.brick}-x`, `${first.address}:${first.brick}-y`, `${third.address}:${third.brick}-z`]);
    expect(sameServer.exitCode).toBe(1);
    expect(sameServer.stderr).toContain('volume create: gv2: failed: Multiple bricks of a replicate volume are present on the same server.');
  });

  // Last: it stops a glusterd for good.
  it('a peer that goes away: peer status shows it disconnected, and doctor says so from both sides', async () => {
    const pid = await pool.glusterdPid(3);
    expect(signal(pid, 'SIGTERM')).toBe(true);
    await waitFor('glusterd on 127.1.1.3 to exit', 15_000, () => Promise.resolve(alive(pid) ? undefined : true));
    const xml = await waitFor('127.1.1.3 disconnected in peer status', 30_000, async () => {
      const out = (await pool.cli(1, ['peer', 'status', '--xml'])).stdout;
      return parsePeerStatusXml(out).peers.some((p) => p.hostname === '127.1.1.3' && !p.connected) ? out : undefined;
    });
    await capture('peer-status-one-disconnected.xml', xml);
    expect(parsePeerStatusXml(xml).peers.map((p) => [p.hostname, p.connected, p.stateStr])).toEqual([
      ['127.1.1.2', true, 'Peer in Cluster'],
      ['127.1.1.3', false, 'Peer in Cluster'],
    ]);

    const fromOne = await checkGlusterPeers(await doctorContext(), 'gluster1');
    expect(fromOne.status).toBe('failed');
    expect(fromOne.summary).toBe('1 of 2 peers in the pool and connected');
    expect(fromOne.findings.map((f) => f.id)).toEqual(['doctor.peers-broken']);
    expect(fromOne.findings[0]?.explanation).toBe('Seen from gluster1: gluster3 (127.1.1.3) is disconnected.');
    expect(fromOne.findings[0]?.evidence).toContain('127.1.1.3: Peer in Cluster, disconnected');

    // Asked directly, the stopped node's CLI prints plain text (even with --xml) and exits 1.
    const down = await pool.cli(3, ['peer', 'status', '--xml']);
    await capture('peer-status-glusterd-down.txt', down.stdout);
    expect([down.exitCode, down.stdout.trim()]).toEqual([1, glusterdDownText]);
    const fromThree = await checkGlusterPeers(await doctorContext(), 'gluster3');
    expect(fromThree.findings.map((f) => f.id)).toEqual(['doctor.peers-glusterd']);
    expect(fromThree.findings[0]?.explanation).toBe(`gluster peer status: ${glusterdDownText}`);
  });
});
