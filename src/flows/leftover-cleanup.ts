import type { AppContext } from '../context.js';
import { translator } from '../i18n/define.js';
import { leftoverPodMessages } from '../i18n/leftover-pod-messages.js';
import { findLeftoverPods, removeLeftoverPods } from '../claims/leftover-pods.js';
import { ToolError } from '../tools/tool-error.js';
import { toolOptions } from './tool-options-from-context.js';

/**
 * Finds the temporary pods of earlier runs that were stopped before their clean-up (killed,
 * the machine lost power), says so and removes them, so no later listing counts them as a
 * claim's users. A cluster that cannot be asked is left to the step that follows to report.
 * Returns the pods removed, as `namespace/name`.
 */
export async function cleanUpLeftoverPods(ctx: AppContext, say: (line: string) => void): Promise<string[]> {
  const t = translator(leftoverPodMessages, ctx.lang);
  const tool = toolOptions(ctx);
  let found;
  try {
    found = await findLeftoverPods(ctx.kube, tool);
  } catch (error) {
    if (error instanceof ToolError && !ctx.signal.aborted) return [];
    throw error;
  }
  if (found.length === 0) return [];
  const results = await removeLeftoverPods(ctx.kube, found, tool);
  const removed = results.filter((r) => r.error === undefined).map((r) => `${r.namespace}/${r.name}`);
  if (removed.length > 0) say(t('removed', { count: removed.length, pods: removed.join(', ') }));
  for (const r of results) if (r.error !== undefined) say(t('notRemoved', { namespace: r.namespace, name: r.name, error: r.error }));
  return removed;
}
