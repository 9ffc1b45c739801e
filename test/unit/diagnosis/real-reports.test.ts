import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { categories, type Category } from '../../../src/diagnosis/categories.js';
import { diagnoseStream } from '../../../src/diagnosis/scan-log.js';
import { loadCatalogue } from '../../../src/diagnosis/load-catalogue.js';
import { coverageFile, coverageMarkdown, sourceColumns, wordingsNotFound, type CategoryCoverage } from './coverage-table.js';
import { cleanFiles, fixtureDir, readLines, sampleFiles } from './fixture-files.js';
import { noiseOnly, noisyPastes, type Paste } from './paste-noise.js';

const catalogue = loadCatalogue();
const categoryOf = new Map<string, Category>(catalogue.entries.map((e) => [e.id, e.category]));
const sources = sourceColumns();

/** What `diagnose -` would print first for this paste, read as a byte stream in small chunks. */
async function firstCategory(paste: Paste): Promise<Category | undefined> {
  const bytes = Buffer.from(paste.text, 'utf8');
  const chunks = Array.from({ length: Math.ceil(bytes.length / 997) }, (_, i) => bytes.subarray(i * 997, (i + 1) * 997));
  const findings = await diagnoseStream(Readable.from(chunks), { lang: 'en', os: 'linux', catalogue });
  return findings[0]?.category;
}

const reports = sampleFiles().map(({ file, expectedId }) => ({
  file,
  expectedId,
  category: categoryOf.get(expectedId),
  lines: readLines(join(fixtureDir, file)),
}));

describe('every real report, pasted with the noise around it', () => {
  it.each(reports)('names $category first for $file', async ({ category, lines }) => {
    expect(category, 'the file name names a catalogue entry').toBeDefined();
    for (const paste of noisyPastes(lines)) {
      expect(await firstCategory(paste), paste.name).toBe(category);
    }
  });

  it('adds no finding of its own: the noise alone is clean', async () => {
    for (const paste of noiseOnly()) expect(await firstCategory(paste), paste.name).toBeUndefined();
  });

  it.each(cleanFiles())('finds nothing in the healthy log %s, with the noise around it too', async (file) => {
    const lines = readFileSync(join(fixtureDir, file), 'utf8').split(/\r?\n/);
    for (const paste of [{ name: 'as published', text: lines.join('\n') }, ...noisyPastes(lines)]) {
      expect(await firstCategory(paste), paste.name).toBeUndefined();
    }
  });

  it('has the clean set the issue asks for: a healthy vagrant up, a Bound PVC, a healthy topology', () => {
    const clean = cleanFiles().join(' ');
    expect(clean).toMatch(/clean-vagrant-up-/);
    expect(clean).toMatch(/clean-pvc-bound-/);
    expect(clean).toMatch(/clean-heketi-topology-info/);
  });
});

describe('coverage per category of SPEC §4', () => {
  async function coverage(): Promise<CategoryCoverage[]> {
    const notFound = wordingsNotFound();
    const rows = new Map<string, CategoryCoverage>(
      categories.map((c) => [c, { category: c, reports: 0, recognised: 0, madeHere: 0, notFound: notFound[c] ?? [] }]),
    );
    for (const report of reports) {
      const row = report.category && rows.get(report.category);
      if (!row) continue;
      if (!(sources.get(report.file) ?? '').startsWith('https://')) {
        row.madeHere++;
        continue;
      }
      row.reports++;
      const firsts = await Promise.all(noisyPastes(report.lines).map(firstCategory));
      if (firsts.every((c) => c === report.category)) row.recognised++;
    }
    return [...rows.values()];
  }

  it('has at least four real reports in every category, all recognised first, and COVERAGE.md says so', async () => {
    const rows = await coverage();
    expect(rows.filter((r) => r.reports < 4).map((r) => `${r.category}: ${r.reports}`)).toEqual([]);
    expect(rows.filter((r) => r.recognised < r.reports).map((r) => r.category)).toEqual([]);
    const markdown = coverageMarkdown(rows);
    if (process.env.UPDATE_COVERAGE === '1') writeFileSync(coverageFile, markdown);
    expect(existsSync(coverageFile) ? readFileSync(coverageFile, 'utf8') : '', 'COVERAGE.md is stale').toBe(markdown);
  });

  it('names only categories of SPEC §4 in wordings-not-found.yaml', () => {
    expect(Object.keys(wordingsNotFound()).filter((c) => !(categories as readonly string[]).includes(c))).toEqual([]);
  });
});
