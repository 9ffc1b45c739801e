import type { AppContext } from '../context.js';
import type { ToolOptions } from '../tools/tool-options.js';

/**
 * What every child process of a flow gets from the context: the environment, the first
 * Ctrl-C (`signal`) and the second (`forceSignal`, kill at once). `extra` adds a
 * deadline or working directory, or a narrower signal of the flow's own.
 */
export function toolOptions(ctx: AppContext, extra: ToolOptions = {}): ToolOptions {
  return { signal: ctx.signal, forceSignal: ctx.forceSignal, env: ctx.env, ...extra };
}
