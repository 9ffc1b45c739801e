import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** ../shared/samples/real beside the checkout (absent in some CI set-ups: tests skip, saying so). */
const realSamplesDir = resolve(here, '../../../../shared/samples/real');
export const haveRealSamples = existsSync(realSamplesDir);
if (!haveRealSamples) console.warn(`real samples not found at ${realSamplesDir}: sample tests skipped`);

export function realSample(name: string): string {
  return readFileSync(join(realSamplesDir, name), 'utf8');
}

export function realSampleNames(pattern: RegExp): string[] {
  return haveRealSamples ? readdirSync(realSamplesDir).filter((n) => pattern.test(n)).sort() : [];
}

export const fixturesDir = resolve(here, '../../fixtures');

export function fixture(path: string): string {
  return readFileSync(join(fixturesDir, path), 'utf8');
}
