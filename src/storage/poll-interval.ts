/**
 * How often a flow looks again at something it waits for (a claim, a pod): every second,
 * divided by the context's `waitScale` (the demo's --speed), never under 50 ms (faster
 * only loads the simulated API server). GLUSTER_LAB_POLL_MS sets it exactly: the
 * simulated lab sets it to its own pace, so that nothing waits a real second for what
 * its clock does in a fraction of one.
 */
export function pollInterval(env: NodeJS.ProcessEnv, waitScale = 1): number {
  const exact = Number(env.GLUSTER_LAB_POLL_MS);
  if (env.GLUSTER_LAB_POLL_MS && Number.isFinite(exact) && exact > 0) return exact;
  const scale = Number.isFinite(waitScale) && waitScale > 0 ? waitScale : 1;
  return Math.max(MIN_POLL_MS, Math.round(DEFAULT_POLL_MS / scale));
}

const DEFAULT_POLL_MS = 1_000;
const MIN_POLL_MS = 50;
