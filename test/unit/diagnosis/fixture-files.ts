import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const fixtureDir = join(import.meta.dirname, '../../fixtures/diagnosis');
/** Real tool output shared by the whole project (not copied in): absent outside the workspace. */
export const sharedSamplesDir = join(import.meta.dirname, '../../../../shared/samples/real');
export const haveSharedSamples = existsSync(sharedSamplesDir);

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
