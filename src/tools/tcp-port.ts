import { isIP, Socket } from 'node:net';

/** Whether something accepted a TCP connection, and if not, why. */
export interface PortAnswer {
  open: boolean;
  /** Milliseconds until the connection was accepted or refused (the timeout when nothing answered). */
  ms: number;
  /** Node's error code: ECONNREFUSED (nothing listens), EHOSTUNREACH, ENETUNREACH, ETIMEDOUT (no answer in time). */
  code?: string;
  /** One line saying why not, for the middle of a sentence. */
  error?: string;
}

export interface PortProbeOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** The environment of the run: the simulated lab's stand-ins are named there (simEndpointsVariable). */
  env?: NodeJS.ProcessEnv;
}

/**
 * Set by the simulated lab (demo, tests) to a JSON map from a lab endpoint (a gluster VM's "address:2049")
 * to the loopback endpoint of its stand-in ("127.0.0.1:40123"), so that the lab's private
 * addresses never receive a packet from a simulation. Targets that are not loopback are ignored.
 */
export const simEndpointsVariable = 'GLUSTER_LAB_SIM_ENDPOINTS';

/** Where a connection to host:port really goes: the simulated lab's stand-in, else host:port itself. */
export function connectTarget(host: string, port: number, env: NodeJS.ProcessEnv = {}): { host: string; port: number } {
  const text = env[simEndpointsVariable];
  if (!text) return { host, port };
  let map: unknown;
  try {
    map = JSON.parse(text);
  } catch {
    return { host, port };
  }
  const target = typeof map === 'object' && map !== null ? (map as Record<string, unknown>)[`${host}:${port}`] : undefined;
  const match = typeof target === 'string' ? /^(127\.\d+\.\d+\.\d+):(\d+)$/.exec(target) : null;
  return match ? { host: match[1] as string, port: Number(match[2]) } : { host, port };
}

/**
 * Opens a TCP connection to host:port and closes it at once: answers whether a server accepts
 * connections there, within `timeoutMs`. Never throws; aborting counts as no answer.
 */
export function tcpPortAnswer(host: string, port: number, options: PortProbeOptions): Promise<PortAnswer> {
  const target = connectTarget(host, port, options.env);
  const started = Date.now();
  return new Promise((resolve) => {
    if (isIP(target.host) === 0) {
      resolve({ open: false, ms: 0, code: 'EINVAL', error: `not an IP address: ${target.host}` });
      return;
    }
    const socket = new Socket();
    let settled = false;
    const finish = (answer: Omit<PortAnswer, 'ms'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve({ ...answer, ms: Date.now() - started });
    };
    const onAbort = () => finish({ open: false, code: 'ABORT_ERR', error: 'interrupted' });
    const timer = setTimeout(() => finish({ open: false, code: 'ETIMEDOUT', error: `no answer within ${options.timeoutMs} ms` }), options.timeoutMs);
    if (options.signal?.aborted) {
      onAbort();
      return;
    }
    options.signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => finish({ open: true }));
    socket.once('error', (error: NodeJS.ErrnoException) => finish({ open: false, code: error.code ?? 'ERROR', error: error.message }));
    try {
      socket.connect({ host: target.host, port: target.port });
    } catch (error) {
      // connect() can throw at once (e.g. a guard that allows only some addresses): no answer either.
      finish({ open: false, code: 'ERROR', error: error instanceof Error ? error.message : String(error) });
    }
  });
}
