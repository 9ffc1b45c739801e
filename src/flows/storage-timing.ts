/**
 * How long `storage` waits, and how often it looks. Tests against the simulated cluster
 * shorten them through the environment:
 *   GLUSTER_LAB_BIND_TIMEOUT_MS  wait for Bound and for the client pods (default 120000)
 *   GLUSTER_LAB_POLL_MS          interval between reads of the claim and its events (default 1000)
 */
export interface StorageTiming {
  timeoutMs: number;
  pollMs: number;
}

export function storageTiming(env: NodeJS.ProcessEnv): StorageTiming {
  return {
    timeoutMs: positive(env.GLUSTER_LAB_BIND_TIMEOUT_MS) ?? 120_000,
    pollMs: positive(env.GLUSTER_LAB_POLL_MS) ?? 1_000,
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
