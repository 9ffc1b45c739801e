// Simulated time: `speed` multiplies real time (10 = ten simulated seconds per real second).

/** Real milliseconds to wait for `simMs` of simulated time. */
function realDelayMs(simMs: number, speed: number): number {
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
