import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import config from '../../vitest.config.js';

// The unit project shares one module graph per worker across its files (vitest.config.ts):
// a file there that swaps a module or a global would change what the files after it see.
const root = fileURLToPath(new URL('../..', import.meta.url));
const SWAPS = /\bvi\.(mock|doMock|stubGlobal|stubEnv)\(/;

function testFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return testFiles(path);
    return /\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Files that swap a module or a global but would run in the shared graph. */
function swappingButShared(files: readonly string[], read: (file: string) => string, isolated: readonly string[]): string[] {
  return files.filter((file) => SWAPS.test(read(file)) && !isolated.includes(file));
}

describe('which test files share a module graph (vitest.config.ts)', () => {
  const projects = (config.test?.projects ?? []) as Array<{ test: { name: string; include: string[]; exclude?: string[]; isolate?: boolean } }>;
  const unit = projects.find((p) => p.test.name === 'unit')?.test;
  const integration = projects.find((p) => p.test.name === 'integration')?.test;

  it('shares it only in the unit project, which leaves out every file that mocks a module or stubs a global', () => {
    expect(unit?.isolate).toBe(false);
    expect(integration?.isolate).toBeUndefined();
    // The folders its include globs name ('test/unit/**/*.test.{ts,tsx}' → test/unit).
    const folders = (unit?.include ?? []).map((glob) => glob.split('/**')[0] ?? glob);
    expect(folders).toEqual(['src', 'test/unit', 'test/screens', 'test/architecture']);
    const files = folders.flatMap(testFiles);
    expect(files.length).toBeGreaterThan(80);
    const read = (file: string) => readFileSync(join(root, file), 'utf8');
    expect(swappingButShared(files, read, unit?.exclude ?? [])).toEqual([]);
    // What the unit project leaves out, the integration project runs.
    for (const file of unit?.exclude ?? []) expect(integration?.include, file).toContain(file);
  });

  it('finds a file that mocks a module outside the list (the check can fail)', () => {
    // Put together, so that this file does not itself read as one that mocks.
    const mocks = ['vi', "mock('node:fs');"].join('.');
    const read = (file: string) => (file === 'test/unit/a.test.ts' ? mocks : 'expect(1).toBe(1);');
    expect(swappingButShared(['test/unit/a.test.ts', 'test/unit/b.test.ts'], read, [])).toEqual(['test/unit/a.test.ts']);
  });
});
