import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { clusterJson, deviceJson, nodeJson, volumeJson } from './heketi-json.js';
import { verifyHeketiAuthorization, type HeketiKeys } from '../tools/heketi-jwt.js';
import { allocateVolume, deleteVolume, heketiId } from './heketi-model.js';
import type { SimState } from './sim-state.js';
import { readStateFile, updateStateFile } from './state-file.js';

export interface HeketiServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Heketi's REST API on 127.0.0.1 (random port), answering from the simulator's state
 * file. While the Heketi VM is not running and provisioned, connections are dropped,
 * as they would be with nothing listening on the VM.
 * `keys` is called per request so a lab directory initialised later is picked up.
 */
export async function startHeketiServer(stateFile: string, keys: () => HeketiKeys | undefined): Promise<HeketiServer> {
  const queue = new Map<string, string>();
  const server = createServer((req, res) => {
    handle(stateFile, keys, queue, req, res).catch((error: unknown) => {
      send(res, 500, String(error));
    });
  });
  await listen(server);
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => closeServer(server) };
}

/** A loopback URL where nothing listens: the 'heketi-unreachable' scenario. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await listen(server);
  const { port } = server.address() as AddressInfo;
  await closeServer(server);
  return `http://127.0.0.1:${port}`;
}

async function handle(stateFile: string, keys: () => HeketiKeys | undefined, queue: Map<string, string>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const state = readStateFile(stateFile);
  if (!heketiRunning(state)) {
    req.socket.destroy();
    return;
  }
  const method = req.method ?? 'GET';
  const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  if (method === 'GET' && path === '/hello') return send(res, 200, 'Hello from Heketi');
  const keySet = keys();
  if (!keySet) return send(res, 500, 'simulator: no Heketi admin key (pass heketiKey or labDir to startSimLab)');
  const auth = verifyHeketiAuthorization(req.headers.authorization, keySet, method, path);
  if (!auth.ok) return send(res, auth.status, auth.message);
  const model = state.heketi;
  const parts = path.split('/').filter(Boolean);
  const [collection, id] = parts;
  if (method === 'GET' && parts.length === 1 && collection === 'clusters') return sendJson(res, 200, { clusters: [model.clusterId] });
  if (method === 'GET' && collection === 'clusters' && id) {
    return id === model.clusterId ? sendJson(res, 200, clusterJson(model)) : send(res, 404, 'Id not found');
  }
  if (method === 'GET' && collection === 'nodes' && id) {
    const node = model.nodes.find((n) => n.id === id);
    return node ? sendJson(res, 200, nodeJson(model, node)) : send(res, 404, 'Id not found');
  }
  if (method === 'GET' && collection === 'devices' && id) {
    const node = model.nodes.find((n) => n.devices.some((d) => d.id === id));
    return node ? sendJson(res, 200, deviceJson(model, node, id)) : send(res, 404, 'Id not found');
  }
  if (method === 'GET' && parts.length === 1 && collection === 'volumes') return sendJson(res, 200, { volumes: model.volumes.map((v) => v.id) });
  if (method === 'GET' && collection === 'volumes' && id) {
    const volume = model.volumes.find((v) => v.id === id);
    return volume ? sendJson(res, 200, volumeJson(model, volume)) : send(res, 404, 'Id not found');
  }
  if (method === 'POST' && parts.length === 1 && collection === 'volumes') {
    const body = (await readBody(req)) as { size?: unknown };
    const size = typeof body.size === 'number' && body.size > 0 ? body.size : 0;
    if (size === 0) return send(res, 400, 'Invalid volume size');
    const volume = updateStateFile(stateFile, (s) => allocateVolume(s.heketi, size));
    if (!volume) return send(res, 500, 'No space');
    const task = heketiId();
    queue.set(task, `/volumes/${volume.id}`);
    res.writeHead(202, { Location: `/queue/${task}` }).end();
    return;
  }
  if (method === 'DELETE' && collection === 'volumes' && id) {
    const gone = updateStateFile(stateFile, (s) => deleteVolume(s.heketi, id));
    if (!gone) return send(res, 404, 'Id not found');
    const task = heketiId();
    queue.set(task, '');
    res.writeHead(202, { Location: `/queue/${task}` }).end();
    return;
  }
  if (method === 'GET' && collection === 'queue' && id) {
    const target = queue.get(id);
    if (target === undefined) return send(res, 404, 'Id not found');
    queue.delete(id);
    if (target === '') return void res.writeHead(204).end();
    return void res.writeHead(303, { Location: target }).end();
  }
  send(res, 404, '404 page not found');
}

function heketiRunning(state: SimState): boolean {
  const machine = state.machines[state.heketiMachine];
  return machine?.state === 'running' && machine.provisioned;
}

/** Heketi answers errors with Go's http.Error: text/plain and a trailing newline. */
function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  res.end(status === 200 ? text : `${text}\n`);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=UTF-8' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return {};
  }
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
