import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogueError, loadCatalogue } from '../../../src/diagnosis/load-catalogue.js';

const entry = (overrides: string) => `
- id: sample-entry
  category: boot-timeout
  patterns: ['Timed out while waiting']
  title: {en: T, ja: T}
  explanation: {en: E, ja: E}
  fix: {all: {en: F, ja: F}}
${overrides}`;

function catalogueWith(file: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'gl-cat-'));
  writeFileSync(join(dir, file), text);
  return dir;
}

describe('loadCatalogue', () => {
  it('loads the shipped catalogue with defaults filled in', () => {
    const catalogue = loadCatalogue();
    expect(catalogue.entries.length).toBeGreaterThanOrEqual(25);
    const symptom = catalogue.entries.find((e) => e.id === 'provider-not-usable');
    expect(symptom).toMatchObject({ role: 'symptom', minMatches: 1 });
    expect(catalogue.entries.every((e) => e.regexes.every((re) => re.flags.includes('i')))).toBe(true);
  });

  it('accepts a valid file and matches case-insensitively', () => {
    const { entries } = loadCatalogue(catalogueWith('boot-timeout.yaml', entry('')));
    expect(entries[0]?.regexes[0]?.test('TIMED OUT WHILE WAITING for the machine')).toBe(true);
  });

  it.each([
    ['a pattern that is not a regular expression', 'boot-timeout.yaml', entry('').replace("'Timed out while waiting'", "'Timed (out'"), /patterns\.0: not a valid regular expression/],
    ['a category other than the file name', 'port-collision.yaml', entry(''), /has category boot-timeout, not port-collision/],
    ['an unknown category', 'boot-timeout.yaml', entry('').replace('category: boot-timeout', 'category: misc'), /category/],
    ['a fix missing an OS', 'boot-timeout.yaml', entry('').replace('fix: {all: {en: F, ja: F}}', 'fix: {linux: {en: F, ja: F}}'), /fix needs `all`/],
    ['a missing Japanese title', 'boot-timeout.yaml', entry('').replace('title: {en: T, ja: T}', 'title: {en: T}'), /title\.ja/],
    ['a duplicate id', 'boot-timeout.yaml', entry('') + entry('').replace('- id', '\n- id'), /duplicate id sample-entry/],
    ['an id that is not kebab-case', 'boot-timeout.yaml', entry('').replace('sample-entry', 'Sample_Entry'), /kebab-case/],
    ['broken YAML', 'boot-timeout.yaml', '- id: [unclosed', /not valid YAML/],
  ])('rejects %s, naming the file', (_label, file, text, message) => {
    const dir = catalogueWith(file, text);
    expect(() => loadCatalogue(dir)).toThrow(CatalogueError);
    expect(() => loadCatalogue(dir)).toThrow(message);
    expect(() => loadCatalogue(dir)).toThrow(file);
  });
});
