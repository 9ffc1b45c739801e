import { describe, expect, it } from 'vitest';
import { formatBytes, parseStorageQuantity } from '../../../src/k8s/quantity.js';
import { sizeCheck } from '../../../src/storage/claim-request-rules.js';

describe('Kubernetes quantities for a storage request', () => {
  it.each([
    ['10Gi', 10 * 2 ** 30],
    ['500Mi', 500 * 2 ** 20],
    ['1e9', 1e9],
    ['1.5Gi', 1.5 * 2 ** 30],
    ['2G', 2e9],
    ['.5Ti', 0.5 * 2 ** 40],
    ['+3Mi', 3 * 2 ** 20],
    ['1E7', 1e7],
    ['1024Ki', 2 ** 20],
  ])('accepts %s', (text, bytes) => {
    expect(parseStorageQuantity(text)).toEqual({ ok: true, quantity: { text, bytes } });
  });
  it.each([
    ['10GB', { code: 'unknown-suffix', suffix: 'GB', hint: 'G' }],
    ['10GiB', { code: 'unknown-suffix', suffix: 'GiB', hint: 'Gi' }],
    ['10xyz', { code: 'unknown-suffix', suffix: 'xyz' }],
    ['-1Gi', { code: 'negative' }],
    ['0', { code: 'zero' }],
    ['0Gi', { code: 'zero' }],
    ['ten', { code: 'not-a-number' }],
    ['', { code: 'empty' }],
    ['Gi', { code: 'not-a-number' }],
    // A number without a unit is bytes: under 1Mi no one means it for a volume.
    ['10', { code: 'too-small', bytes: 10, suggestion: '10Gi' }],
    ['500k', { code: 'too-small', bytes: 500_000, suggestion: '500Mi' }],
    ['1023Ki', { code: 'too-small', bytes: 1023 * 1024, suggestion: '1023Mi' }],
    ['1E3', { code: 'too-small', bytes: 1000, suggestion: '1000Gi' }],
  ])('rejects %s with its reason', (text, problem) => {
    expect(parseStorageQuantity(text)).toEqual({ ok: false, problem });
  });
  it('explains a look-alike unit and suggests the Kubernetes one', () => {
    expect(sizeCheck('10GB', 'en')).toEqual({
      error: 'The size "10GB" uses the unit "GB", which Kubernetes does not know. Did you mean "G"? (Gi = 2^30 bytes, G = 10^9 bytes)',
    });
    expect(sizeCheck('-1Gi', 'ja')).toEqual({ error: 'サイズ "-1Gi" が負の値です。PVC には 10Gi のような 0 より大きいサイズが必要です。' });
  });
  it('asks whether a bare number meant Gi', () => {
    expect(sizeCheck('10', 'en')).toEqual({
      error: 'The size "10" is 10 bytes, less than the smallest claim (1Mi); a number without a unit counts bytes. Did you mean 10Gi?',
    });
  });
  it('formats bytes in binary units', () => {
    expect(formatBytes(10 * 2 ** 30)).toBe('10.0 GiB');
    expect(formatBytes(0)).toBe('0 B');
  });
});
