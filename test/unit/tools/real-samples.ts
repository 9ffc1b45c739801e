import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { realSamplesDir, realSamplesPresent } from '../../setup/shared-samples.js';

const here = dirname(fileURLToPath(import.meta.url));

export const haveRealSamples = realSamplesPresent();

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
