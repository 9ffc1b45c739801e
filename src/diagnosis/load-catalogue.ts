import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { packageRoot } from '../lab/package-root.js';
import { categoryFileSchema, type CatalogueEntryData } from './catalogue-schema.js';

/** A catalogue entry with its patterns compiled once. */
export interface CatalogueEntry extends CatalogueEntryData {
  regexes: RegExp[];
  /** Compiled `requires` / `unless` context patterns (empty when the entry has none). */
  requiresRegexes: RegExp[];
  unlessRegexes: RegExp[];
}

export interface Catalogue {
  entries: CatalogueEntry[];
}

/** The catalogue file is broken: a packaging or editing mistake, never the user's fault. */
export class CatalogueError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`known-issue catalogue ${file}: ${detail}`);
    this.name = 'CatalogueError';
  }
}

/** Where the shipped catalogue lives: one YAML file per category. */
function defaultCatalogueDir(): string {
  return join(packageRoot(), 'assets', 'known-issues');
}

const cache = new Map<string, Catalogue>();

/**
 * Reads every `<category>.yaml` in `dir`, validates it (schema, category equal to the
 * file name, ids unique) and compiles the patterns. Cached per folder: every flow that
 * diagnoses shares one parse.
 */
export function loadCatalogue(dir: string = defaultCatalogueDir()): Catalogue {
  const cached = cache.get(dir);
  if (cached) return cached;
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort();
  const entries: CatalogueEntry[] = [];
  const seen = new Set<string>();
  for (const name of files) {
    const file = join(dir, name);
    let raw: unknown;
    try {
      raw = parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new CatalogueError(name, `not valid YAML (${(error as Error).message})`);
    }
    const result = categoryFileSchema.safeParse(raw);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new CatalogueError(name, `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
    }
    const category = basename(name, '.yaml');
    for (const entry of result.data) {
      if (entry.category !== category) {
        throw new CatalogueError(name, `entry ${entry.id} has category ${entry.category}, not ${category}`);
      }
      if (seen.has(entry.id)) throw new CatalogueError(name, `duplicate id ${entry.id}`);
      seen.add(entry.id);
      const compile = (sources: string[] = []) => sources.map((source) => new RegExp(source, 'i'));
      entries.push({
        ...entry,
        regexes: compile(entry.patterns),
        requiresRegexes: compile(entry.requires),
        unlessRegexes: compile(entry.unless),
      });
    }
  }
  if (entries.length === 0) throw new CatalogueError(dir, 'no entries found');
  const catalogue = { entries };
  cache.set(dir, catalogue);
  return catalogue;
}
