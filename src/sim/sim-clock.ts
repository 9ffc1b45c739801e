/**
 * Simulated time: nothing runs in the background, so every state is derived from how
 * much simulated time passed since something was recorded. `speed` multiplies real
 * time (10 = ten simulated seconds per real second).
 */
export function simElapsedMs(sinceMs: number, speed: number, nowMs = Date.now()): number {
  return Math.max(0, nowMs - sinceMs) * speed;
}

/** Real milliseconds to wait for `simMs` of simulated time. */
export function realDelayMs(simMs: number, speed: number): number {
  return speed <= 0 ? 0 : simMs / speed;
}

/** Sleeps `simMs` of simulated time; resolves early (false) when the signal aborts. */
export function sleepSim(simMs: number, speed: number, signal?: AbortSignal): Promise<boolean> {
  const ms = realDelayMs(simMs, speed);
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function speedFromEnv(env: NodeJS.ProcessEnv): number {
  const value = Number(env.GLUSTER_LAB_SIM_SPEED ?? '1');
  return Number.isFinite(value) && value > 0 ? value : 1;
}
