// Types of fast-paths.mjs for the TypeScript tests that import it.
import type { Plugin } from 'esbuild';

/** `source` with each [from, to] edit made once, or an error naming `where` and the edit that no longer fits. */
export function applyEdits(source: string, edits: readonly (readonly [string, string])[], where: string): string;

/** The esbuild plugin that puts the fast paths in front of the dependencies they are written for. */
export const fastPaths: Plugin;
