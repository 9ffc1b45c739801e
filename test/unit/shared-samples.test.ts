import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realSamplesPresent } from '../setup/shared-samples.js';

describe('the real samples the parser tests read', () => {
  it('are skipped outside CI when absent, but fail the run under CI', () => {
    const nowhere = join(import.meta.dirname, 'no-such-samples');
    expect(realSamplesPresent(nowhere, '')).toBe(false);
    expect(() => realSamplesPresent(nowhere, 'true')).toThrow(/under CI the sample tests must run/);
  });
});
