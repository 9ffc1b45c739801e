import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { folderCycles, folderOf, importEdges, type ImportEdge } from './import-graph.js';

const src = fileURLToPath(new URL('../../src', import.meta.url));
const edges = importEdges(src);
const across = (rule: (e: ImportEdge) => boolean) => edges.filter(rule).map((e) => `${e.from} → ${e.to}`);

describe('the import graph of src/ (ARCHITECTURE.md)', () => {
  it('has edges to look at (the scanner finds the imports)', () => {
    expect(edges.length).toBeGreaterThan(300);
    expect(edges).toContainEqual({ from: 'cli/commands.ts', to: 'flows/up.ts', typeOnly: false });
  });

  it('has no cycle between folders', () => {
    expect(folderCycles(edges)).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself can fail)', () => {
    const looped = [...edges, { from: 'tools/run.ts', to: 'flows/up.ts', typeOnly: false }];
    expect(folderCycles(looped).some((c) => c.includes('tools') && c.includes('flows'))).toBe(true);
  });

  it('imports cli/ from nowhere below it: the command line is the top', () => {
    expect(across((e) => folderOf(e.to) === 'cli' && folderOf(e.from) !== 'cli')).toEqual([]);
  });

  it('lets tools/ import nothing of ours but tools/', () => {
    expect(across((e) => folderOf(e.from) === 'tools' && folderOf(e.to) !== 'tools')).toEqual([]);
  });

  it('keeps ui/ away from what touches the world (tools, flows, the lab directory, the simulator)', () => {
    const world = new Set(['tools', 'flows', 'lab', 'sim', 'claims', 'repair', 'cli']);
    expect(across((e) => folderOf(e.from) === 'ui' && !e.typeOnly && world.has(folderOf(e.to)))).toEqual([]);
  });

  it('uses the simulator in production only from the demo', () => {
    expect(across((e) => folderOf(e.to) === 'sim' && folderOf(e.from) !== 'sim' && e.from !== 'flows/demo.ts')).toEqual([]);
  });

  it('keeps the text and message layers free of everything else', () => {
    const base = new Set(['text', 'i18n', 'host']);
    expect(across((e) => base.has(folderOf(e.from)) && !base.has(folderOf(e.to)))).toEqual([]);
  });
});
