import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { realSamplesDir, realSamplesPresent } from '../../setup/shared-samples.js';

export const fixtureDir = join(import.meta.dirname, '../../fixtures/diagnosis');
/** Real tool output shared by the whole project (not copied in): see test/setup/shared-samples.ts. */
export const sharedSamplesDir = realSamplesDir;
export const haveSharedSamples = realSamplesPresent();

/** `<expected id>.<source>.txt` samples; `clean-*` files are logs that must match nothing. */
export function sampleFiles(): { file: string; expectedId: string }[] {
  return readdirSync(fixtureDir)
    .filter((name) => name.endsWith('.txt') && !name.startsWith('clean-'))
    .sort()
    .map((file) => ({ file, expectedId: file.split('.')[0] ?? '' }));
}

export function cleanFiles(): string[] {
  return readdirSync(fixtureDir).filter((name) => name.startsWith('clean-') && name.endsWith('.txt'));
}

export function readLines(path: string): string[] {
  return readFileSync(path, 'utf8').split(/\r?\n/);
}
