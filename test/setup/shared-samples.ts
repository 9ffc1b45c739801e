import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * ../shared/samples/real beside the checkout: real output of vagrant, kubectl, Heketi and
 * gluster that the parsers are tested on. Outside CI a checkout without it skips those
 * tests, saying so; under CI (GLUSTER_LAB_TEST_CI, kept by test-env.ts) its absence fails
 * the run, so the tests cannot vanish unnoticed.
 */
export const realSamplesDir = resolve(import.meta.dirname, '../../../shared/samples/real');

/** Whether the samples are here; throws under CI when they are not. */
export function realSamplesPresent(dir = realSamplesDir, ci = process.env.GLUSTER_LAB_TEST_CI): boolean {
  if (existsSync(dir)) return true;
  if (ci) throw new Error(`real samples missing at ${dir}: under CI the sample tests must run, not skip`);
  console.warn(`real samples not found at ${dir}: sample tests skipped`);
  return false;
}
