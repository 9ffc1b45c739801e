import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** One import of one source file: who imports what (paths relative to src/, with extension). */
export interface ImportEdge {
  from: string;
  to: string;
  /** `import type` only: erased at run time, but still an arrow between layers. */
  typeOnly: boolean;
}

const importPattern = /^\s*(?:import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** Every relative import in `srcDir`, resolved to the file it names (`.js` → `.ts`/`.tsx`). */
export function importEdges(srcDir: string): ImportEdge[] {
  const files = sourceFiles(srcDir);
  const known = new Set(files.map((f) => relative(srcDir, f)));
  const edges: ImportEdge[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(importPattern)) {
      const spec = m[2] ?? m[3];
      if (!spec) continue;
      const target = relative(srcDir, resolve(dirname(file), spec)).replace(/\.js$/, '');
      // Data outside src/ (package.json for the version) is not a layer.
      if (target.startsWith('..')) continue;
      const to = [`${target}.ts`, `${target}.tsx`].find((c) => known.has(c));
      if (!to) throw new Error(`${relative(srcDir, file)} imports ${spec}, which is not a file of src/`);
      edges.push({ from: relative(srcDir, file), to, typeOnly: m[1] !== undefined });
    }
  }
  return edges;
}

/**
 * The top folder of a path under src/ (`flows/up.ts` → `flows`). A file at the top is a unit
 * of its own (`exit-codes.ts`): the shared modules beside context.ts sit at different depths.
 */
export function folderOf(path: string): string {
  // The entry file is the command line's: it only hands over to cli/main.ts.
  if (path === 'cli.ts') return 'cli';
  const parts = path.split(sep);
  return parts.length > 1 ? (parts[0] ?? path) : path;
}

/** Cycles between folders, each as the list of folders around it (empty when there are none). */
export function folderCycles(edges: readonly ImportEdge[]): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const e of edges) {
    const a = folderOf(e.from);
    const b = folderOf(e.to);
    if (a === b) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    graph.get(a)?.add(b);
  }
  // Tarjan's strongly connected components: every component of more than one folder is a cycle.
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, idx.get(w) ?? 0));
      }
    }
    if (low.get(v) === idx.get(v)) {
      const component: string[] = [];
      for (;;) {
        const w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(w);
        if (w === v) break;
      }
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return cycles;
}
