import { ToolError } from '../tools/tool-error.js';

/** True when the program is not installed (not on PATH), as opposed to installed but failing. */
export function isNotFound(error: unknown): boolean {
  return error instanceof ToolError && error.kind === 'not-found';
}
