import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeketiClient, HeketiError } from '../../../src/tools/heketi-client.js';
import { heketiQsh, heketiToken, verifyHeketiAuthorization } from '../../../src/tools/heketi-jwt.js';
import { haveRealSamples, realSample } from './real-samples.js';

// Per-test keys, made up here; a lab's real keys are generated per lab and never in the repository.
const keys = { admin: 'test-admin-key-4b1f', user: 'test-user-key-9c2e' };

interface DbExport {
  clusterentries: Record<string, { Info: { id: string; nodes: string[]; volumes: string[]; block: boolean; file: boolean } }>;
  nodeentries: Record<string, { State: string; Info: { id: string; zone: number; cluster: string; hostnames: { manage: string[]; storage: string[] } }; Devices: string[] }>;
  deviceentries: Record<string, { State: string; Info: { id: string; name: string; storage: { total: number; free: number; used: number } }; Bricks: string[] }>;
  volumeentries: Record<string, { Info: Record<string, unknown> & { id: string; cluster: string } }>;
}

/**
 * A small Heketi: checks the JWT like middleware/jwt.go, and answers the REST paths
 * with the response shapes of pkg/glusterfs/api/types.go, built from the real
 * `heketi db export` sample (as Heketi's own handlers build them from its db).
 */
function heketiLikeServer(db: DbExport): Server {
  const device = (id: string) => {
    const d = db.deviceentries[id];
    return d && { ...d.Info, state: d.State, bricks: [] };
  };
  const routes: Record<string, (id: string) => unknown> = {
    clusters: (id) => db.clusterentries[id]?.Info,
    nodes: (id) => {
      const n = db.nodeentries[id];
      return n && { ...n.Info, state: n.State, devices: n.Devices.map(device) };
    },
    devices: device,
    volumes: (id) => db.volumeentries[id] && { ...db.volumeentries[id].Info, bricks: [] },
  };
  return createServer((req: IncomingMessage, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const reply = (status: number, body: unknown, type = 'application/json') => {
      res.writeHead(status, { 'Content-Type': type });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (req.method === 'GET' && path === '/hello') return reply(200, 'Hello from Heketi', 'text/plain; charset=UTF-8');
    const auth = verifyHeketiAuthorization(req.headers.authorization, keys, req.method ?? 'GET', path);
    if (!auth.ok) return reply(auth.status, `${auth.message}\n`, 'text/plain; charset=utf-8');
    if (path === '/clusters') return reply(200, { clusters: Object.keys(db.clusterentries) });
    const [, kind = '', id = ''] = path.split('/');
    const found = routes[kind]?.(id);
    if (found) return reply(200, found);
    return reply(404, `Id not found\n`, 'text/plain; charset=utf-8');
  });
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('heketi JWT', () => {
  it('is HS256 with iss, iat, exp (+5 min) and qsh = sha256("METHOD&PATH")', () => {
    const token = heketiToken('admin', keys.admin, 'GET', '/clusters', 1_700_000_000);
    const [header, claims] = token.split('.').slice(0, 2).map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()) as unknown);
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(claims).toEqual({ iss: 'admin', iat: 1_700_000_000, exp: 1_700_000_300, qsh: heketiQsh('GET', '/clusters') });
    // Known value: sha256 of the bytes "GET&/clusters".
    // `printf 'GET&/clusters' | sha256sum`
    expect(heketiQsh('GET', '/clusters')).toBe('4749a59de87c27c9b2f495c5f1309b2525681dfe30c8a7b83625901b132a9c26');
  });

  it('the verifier rejects a wrong key, another path, an expired token and a missing header as Heketi does', () => {
    const now = 1_700_000_000;
    const good = `bearer ${heketiToken('admin', keys.admin, 'GET', '/clusters', now)}`;
    expect(verifyHeketiAuthorization(good, keys, 'GET', '/clusters', now)).toEqual({ ok: true, issuer: 'admin' });
    expect(verifyHeketiAuthorization(`bearer ${heketiToken('admin', 'wrong', 'GET', '/clusters', now)}`, keys, 'GET', '/clusters', now)).toMatchObject({
      ok: false,
      status: 401,
      message: 'Invalid JWT token: signature is invalid (client and server secrets may not match)',
    });
    expect(verifyHeketiAuthorization(good, keys, 'GET', '/nodes', now)).toMatchObject({ ok: false, message: 'Invalid qsh claim in token' });
    expect(verifyHeketiAuthorization(good, keys, 'GET', '/clusters', now + 301)).toMatchObject({ ok: false, status: 401 });
    expect(verifyHeketiAuthorization(undefined, keys, 'GET', '/clusters', now)).toMatchObject({ ok: false, message: 'Required authorization token not found' });
    expect(verifyHeketiAuthorization(`bearer ${heketiToken('root', keys.admin, 'GET', '/clusters', now)}`, keys, 'GET', '/clusters', now)).toMatchObject({
      message: 'Invalid JWT token: Unknown user',
    });
  });
});

describe.skipIf(!haveRealSamples)('HeketiClient against a Heketi-like server on 127.0.0.1', () => {
  let server: Server;
  let url: string;
  let db: DbExport;
  beforeAll(async () => {
    db = JSON.parse(realSample('heketi-db-export-3node-fixture.json')) as DbExport;
    server = heketiLikeServer(db);
    url = await listen(server);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('hello() needs no key', async () => {
    expect(await new HeketiClient({ url, user: 'admin', key: 'anything' }).hello()).toBe('Hello from Heketi');
  });

  it('listClusters(), cluster(), node(), device() with a signed token', async () => {
    const client = new HeketiClient({ url: `${url}/`, user: 'admin', key: keys.admin });
    const [clusterId] = await client.listClusters();
    expect(clusterId).toBe('7234de4476a10cb0d138e3fd3d387c40');
    const cluster = await client.cluster(clusterId ?? '');
    expect(cluster.nodes).toHaveLength(3);
    const node = await client.node(cluster.nodes[0] ?? '');
    expect(node.devices[0]?.storage.total).toBeGreaterThan(0);
  });

  it('topology() composes clusters, nodes with devices, and volumes like heketi-cli', async () => {
    const topology = await new HeketiClient({ url, user: 'admin', key: keys.admin }).topology();
    expect(topology.clusters).toHaveLength(1);
    const [cluster] = topology.clusters;
    expect(cluster?.nodes.map((n) => n.hostnames.manage[0]).sort()).toEqual(['one.example.com', 'three.example.com', 'two.example.com']);
    expect(cluster?.nodes.every((n) => n.state === 'online' && n.devices.length > 0)).toBe(true);
    const sdc = cluster?.nodes.flatMap((n) => n.devices).find((d) => d.id === 'de7e39a0914578585dacfd558d01ccda');
    expect(sdc).toEqual({ id: 'de7e39a0914578585dacfd558d01ccda', name: '/dev/sdc', state: 'online', storage: { total: 1048440832, free: 1037901824, used: 10539008 } });
    expect(cluster?.volumes.map((v) => [v.name, v.durability?.replicate?.replica])).toEqual([['vol_d5b2b04a138cc3ad981eea8af73c42e0', 3]]);
  });

  it('a wrong key is kind auth, with Heketi\'s sentence', async () => {
    const error = await new HeketiClient({ url, user: 'admin', key: 'not-the-key' }).listClusters().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HeketiError);
    expect(error).toMatchObject({ kind: 'auth', status: 401, body: 'Invalid JWT token: signature is invalid (client and server secrets may not match)' });
  });

  it('an unknown id is kind http 404', async () => {
    await expect(new HeketiClient({ url, user: 'admin', key: keys.admin }).node('0'.repeat(32))).rejects.toMatchObject({ kind: 'http', status: 404 });
  });
});

describe('HeketiClient when nothing answers', () => {
  it('a closed port on 127.0.0.1 is kind unreachable (ECONNREFUSED)', async () => {
    const server = createServer();
    const url = await listen(server);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await expect(new HeketiClient({ url, user: 'admin', key: keys.admin }).hello()).rejects.toMatchObject({ kind: 'unreachable', code: 'ECONNREFUSED' });
  });

  it('a server that never answers is kind unreachable after timeoutMs', async () => {
    const server = createServer(() => {});
    const url = await listen(server);
    try {
      await expect(new HeketiClient({ url, user: 'admin', key: keys.admin, timeoutMs: 200 }).hello()).rejects.toMatchObject({ kind: 'unreachable', code: 'ETIMEDOUT' });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
