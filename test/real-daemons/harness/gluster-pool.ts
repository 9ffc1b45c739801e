// A real three-node GlusterFS pool in one network namespace, as GlusterFS's own regression
// tests run clusters (tests/cluster.rc, launch_cluster): three glusterd, each bound to its own
// loopback address (127.1.1.1–3) with its own working, run and log directories and its own
// socket. Bricks are plain directories (`force`). Stopped and removed by NetNamespace.destroy
// and the caller's Cleanup, also when a test fails.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parsePeerStatusXml } from '../../../src/tools/gluster-xml.js';
import type { Cleanup } from './cleanup.js';
import { waitFor } from './cleanup.js';
import { NetNamespace, must, type NsResult } from './netns.js';

export interface GlusterNode {
  n: number;
  address: string;
  dir: string;
  sock: string;
  cliLog: string;
  brick: string;
}

export interface GlusterPool {
  ns: NetNamespace;
  nodes: GlusterNode[];
  /** `gluster --mode=script ARGS` against node n's glusterd (1-based). */
  cli(n: number, args: string[]): Promise<NsResult>;
  /** glusterd's PID on node n, from its pid file. */
  glusterdPid(n: number): Promise<number>;
  /** glusterd's own UUID on node n (working-directory/glusterd.info). */
  uuid(n: number): Promise<string>;
}

export const poolVolume = 'gv0';

/**
 * Starts three glusterd, probes the pool, and creates and starts a replica-3 volume named
 * `volume` (default gv0; null for none yet: createReplicaVolume makes it later).
 */
export async function startGlusterPool(base: string, cleanup: Cleanup, options: { volume?: string | null } = {}): Promise<GlusterPool> {
  const ns = await NetNamespace.create('gluster');
  const nodes: GlusterNode[] = [1, 2, 3].map((n) => ({
    n,
    address: `127.1.1.${n}`,
    dir: join(base, String(n)),
    sock: join(base, String(n), 'glusterd.sock'),
    cliLog: join(base, String(n), 'cli.log'),
    brick: join(base, String(n), 'bricks', poolVolume),
  }));
  // Registered first, run last: the namespace's processes are gone before the directories.
  cleanup.add(`stop glusterd and bricks, delete ${ns.name}`, () => ns.destroy());

  const cli = (n: number, args: string[]) => {
    const node = nodes[n - 1]!;
    return ns.run(['gluster', '--mode=script', `--glusterd-sock=${node.sock}`, `--log-file=${node.cliLog}`, ...args], { timeoutMs: 60_000 });
  };
  // glusterd daemonizes once it listens: the three start in parallel (about 12 s each).
  await Promise.all(
    nodes.map(async (node) => {
      for (const sub of ['wd', 'run', 'log', 'bricks']) await mkdir(join(node.dir, sub), { recursive: true });
      const option = (kv: string) => ['--xlator-option', `management.${kv}`];
      must(
        await ns.run(
          [
            'glusterd',
            ...option(`working-directory=${join(node.dir, 'wd')}`),
            ...option(`transport.socket.bind-address=${node.address}`),
            ...option(`glusterd-sockfile=${node.sock}`),
            // Its own run and log directories: brick pid files, self-heal daemon, brick logs.
            ...option(`run-directory=${join(node.dir, 'run')}`),
            ...option(`logging-directory=${join(node.dir, 'log')}`),
            `--log-file=${join(node.dir, 'glusterd.log')}`,
            `--pid-file=${join(node.dir, 'glusterd.pid')}`,
          ],
          { timeoutMs: 90_000 },
        ),
        `glusterd on ${node.address}`,
      );
    }),
  );
  const glusterdPid = async (n: number) => Number((await readFile(join(nodes[n - 1]!.dir, 'glusterd.pid'), 'utf8')).trim());
  const uuid = async (n: number) => /^UUID=(\S+)$/m.exec(await readFile(join(nodes[n - 1]!.dir, 'wd', 'glusterd.info'), 'utf8'))?.[1] ?? '';

  for (const peer of [2, 3]) must(await cli(1, ['peer', 'probe', `127.1.1.${peer}`]), `peer probe 127.1.1.${peer}`);
  await waitFor('both peers in the cluster and connected', 30_000, async () => {
    const { peers } = parsePeerStatusXml((await cli(1, ['peer', 'status', '--xml'])).stdout);
    return peers.length === 2 && peers.every((p) => p.connected && p.state === 3) ? true : undefined;
  });
  const pool = { ns, nodes, cli, glusterdPid, uuid };
  const volume = options.volume === undefined ? poolVolume : options.volume;
  if (volume !== null) await createReplicaVolume(pool, volume);
  return pool;
}

/** The brick directory of `volume` on a node (gv0's is node.brick). */
export function brickOf(node: GlusterNode, volume: string): string {
  return join(node.dir, 'bricks', volume);
}

/** Creates and starts a replica-3 volume with one directory brick on each node, as Heketi asks glusterd to. */
export async function createReplicaVolume(pool: GlusterPool, volume: string): Promise<void> {
  must(await pool.cli(1, ['volume', 'create', volume, 'replica', '3', ...pool.nodes.map((node) => `${node.address}:${brickOf(node, volume)}`), 'force']), `volume create ${volume}`);
  must(await pool.cli(1, ['volume', 'start', volume]), `volume start ${volume}`);
}
