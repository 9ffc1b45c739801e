import { pollInterval } from './poll-interval.js';

/**
 * How long `storage` waits, and how often it looks. The defaults are divided by the
 * context's `waitScale` (the demo's --speed: its simulated cluster runs that much faster).
 * Tests shorten them through the environment; these exact values are not scaled:
 *   GLUSTER_LAB_BIND_TIMEOUT_MS  wait for Bound and for the client pods (default 120000)
 *   GLUSTER_LAB_POLL_MS          interval between reads of the claim and its events (default 1000)
 */
export interface StorageTiming {
  timeoutMs: number;
  pollMs: number;
}

const defaultBindTimeoutMs = 120_000;

export function storageTiming(env: NodeJS.ProcessEnv, waitScale = 1): StorageTiming {
  const scale = Number.isFinite(waitScale) && waitScale > 0 ? waitScale : 1;
  return {
    timeoutMs: positive(env.GLUSTER_LAB_BIND_TIMEOUT_MS) ?? Math.round(defaultBindTimeoutMs / scale),
    pollMs: pollInterval(env, scale),
  };
}

function positive(text: string | undefined): number | undefined {
  const value = Number(text);
  return text && Number.isFinite(value) && value > 0 ? value : undefined;
}

/** Resolves after `ms`, or rejects with the signal's reason when it is aborted first. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
