import { HeketiError } from './heketi-error.js';
import { heketiToken } from './heketi-jwt.js';
import type { HeketiCluster, HeketiDevice, HeketiNode, HeketiTopology, HeketiVolume } from './heketi-types.js';
import { defaultTimeouts } from './tool-options.js';

export { HeketiError } from './heketi-error.js';

export interface HeketiClientOptions {
  /** heketi.url of gluster-lab.yaml, e.g. the heketi VM address on port 8080. */
  url: string;
  /** JWT issuer: "admin" (or "user") */
  user: string;
  /** That user's secret; signs every request, never sent itself. */
  key: string;
  /** Per request. */
  timeoutMs?: number;
  /** Aborting rejects pending requests with the signal's reason (not a HeketiError). */
  signal?: AbortSignal;
}

const MAX_BODY = 2_000;

/** Heketi's REST API over fetch, signed as Heketi's own go-client signs it. */
export class HeketiClient {
  private readonly base: string;

  constructor(private readonly options: HeketiClientOptions) {
    this.base = options.url.replace(/\/+$/, '');
  }

  /** GET /hello, which Heketi serves without authentication → "Hello from Heketi". */
  async hello(): Promise<string> {
    return (await this.request('GET', '/hello', false)).trim();
  }

  async listClusters(): Promise<string[]> {
    const body = await this.json<{ clusters?: unknown }>('/clusters');
    if (!isStringArray(body.clusters)) throw this.shapeError('/clusters', body);
    return body.clusters;
  }

  cluster(id: string): Promise<HeketiCluster> {
    return this.json<HeketiCluster>(`/clusters/${encodeURIComponent(id)}`);
  }

  node(id: string): Promise<HeketiNode> {
    return this.json<HeketiNode>(`/nodes/${encodeURIComponent(id)}`);
  }

  device(id: string): Promise<HeketiDevice> {
    return this.json<HeketiDevice>(`/devices/${encodeURIComponent(id)}`);
  }

  volume(id: string): Promise<HeketiVolume> {
    return this.json<HeketiVolume>(`/volumes/${encodeURIComponent(id)}`);
  }

  /**
   * The whole topology. Heketi has no endpoint for it: like heketi-cli
   * (client/api/go-client/topology.go), list clusters, then read each cluster's
   * volumes and nodes; a node's answer already holds its devices.
   */
  async topology(): Promise<HeketiTopology> {
    const clusters: HeketiTopology['clusters'] = [];
    for (const clusterId of await this.listClusters()) {
      const cluster = await this.cluster(clusterId);
      const volumes = await Promise.all((cluster.volumes ?? []).map((id) => this.volume(id)));
      const nodes = await Promise.all((cluster.nodes ?? []).map((id) => this.node(id)));
      clusters.push({
        id: cluster.id,
        volumes: volumes.filter((v) => v.cluster === cluster.id),
        nodes: nodes.map((n) => ({
          id: n.id,
          hostnames: { manage: n.hostnames?.manage ?? [], storage: n.hostnames?.storage ?? [] },
          zone: n.zone,
          state: n.state,
          devices: (n.devices ?? []).map((d) => ({ id: d.id, name: d.name, state: d.state, storage: d.storage })),
        })),
      });
    }
    return { clusters };
  }

  private async json<T>(path: string): Promise<T> {
    const text = await this.request('GET', path, true);
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value === 'object' && value !== null) return value as T;
    } catch {
      // Reported below with the body.
    }
    throw new HeketiError('http', 'GET', this.base + path, 200, text.slice(0, MAX_BODY));
  }

  private async request(method: string, path: string, signed: boolean): Promise<string> {
    const url = this.base + path;
    const headers: Record<string, string> = { Accept: 'application/json' };
    // qsh covers the path as Heketi's router sees it, so a URL with a base path is signed whole.
    if (signed) headers.Authorization = `bearer ${heketiToken(this.options.user, this.options.key, method, new URL(url).pathname)}`;
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? defaultTimeouts.heketiRequest);
    const signal = this.options.signal ? AbortSignal.any([this.options.signal, timeout]) : timeout;
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, { method, headers, signal, redirect: 'manual' });
      text = await response.text();
    } catch (error) {
      if (this.options.signal?.aborted) throw this.options.signal.reason;
      throw new HeketiError('unreachable', method, url, undefined, '', networkCode(error, timeout.aborted));
    }
    if (response.status === 401) throw new HeketiError('auth', method, url, 401, text.trim().slice(0, MAX_BODY));
    if (!response.ok) throw new HeketiError('http', method, url, response.status, text.trim().slice(0, MAX_BODY));
    return text;
  }

  private shapeError(path: string, body: unknown): HeketiError {
    return new HeketiError('http', 'GET', this.base + path, 200, JSON.stringify(body).slice(0, MAX_BODY));
  }
}

function networkCode(error: unknown, timedOut: boolean): string {
  if (timedOut) return 'ETIMEDOUT';
  const cause = (error as { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === 'string' ? cause.code : 'EUNKNOWN';
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}
