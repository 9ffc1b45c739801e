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
    ['+3Ki', 3 * 1024],
    ['1E3', 1000],
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
  ])('rejects %s with its reason', (text, problem) => {
    expect(parseStorageQuantity(text)).toEqual({ ok: false, problem });
  });
  it('explains a look-alike unit and suggests the Kubernetes one', () => {
    expect(sizeCheck('10GB', 'en')).toEqual({
      error: 'The size "10GB" uses the unit "GB", which Kubernetes does not know. Did you mean "G"? (Gi = 2^30 bytes, G = 10^9 bytes)',
    });
    expect(sizeCheck('-1Gi', 'ja')).toEqual({ error: 'サイズ "-1Gi" が負の値です。PVC には 10Gi のような 0 より大きいサイズが必要です。' });
  });
  it('formats bytes in binary units', () => {
    expect(formatBytes(10 * 2 ** 30)).toBe('10.0 GiB');
    expect(formatBytes(0)).toBe('0 B');
  });
});
