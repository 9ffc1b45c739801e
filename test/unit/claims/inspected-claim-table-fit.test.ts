import { describe, expect, it } from 'vitest';
import { cutToWidth, fitClaimTable } from '../../../src/claims/inspected-claim-table.js';
import { displayWidth } from '../../../src/text/text-width.js';

const header = ['NAMESPACE', 'NAME', 'STATUS', 'CAPACITY', 'PODS', 'RUNS AS', 'PERMISSION PROBLEM'];
const row = ['default', 'gvol-1', 'Bound', '10Gi', 'gfs-client-gvol-1-7614223a49-f8e07, gfs-client-gvol-1-7614223a49-53f6a, uploader-gvol-1-87b07ef0db-e78ec', '1000, image default', 'suspected'];
const jaHeader = ['ネームスペース', '名前', '状態', '容量', 'Pod', '実行ユーザー', '権限の問題'];

describe('the claim table in the picker', () => {
  it('fits the terminal by cutting the PODS cells, keeping every column title on one line', () => {
    const [h = '', r = ''] = fitClaimTable([header, row], 76);
    expect(displayWidth(h)).toBeLessThanOrEqual(76);
    expect(displayWidth(r)).toBeLessThanOrEqual(76);
    expect(h).toMatch(/^NAMESPACE\s+NAME\s+STATUS\s+CAPACITY\s+PODS\s+RUNS AS\s+PERMISSION PROBLEM$/);
    expect(r).toMatch(/^default\s+gvol-1\s+Bound\s+10Gi\s+gfs-cli…\s+1000, im…\s+suspected$/);
    // The columns still line up: PERMISSION PROBLEM starts where "suspected" does.
    expect(h.indexOf('PERMISSION')).toBe(r.indexOf('suspected'));
  });

  it('measures Japanese titles in display columns', () => {
    const [h = '', r = ''] = fitClaimTable([jaHeader, row], 76);
    expect(displayWidth(h)).toBeLessThanOrEqual(76);
    expect(h).toMatch(/^ネームスペース\s+名前\s+状態\s+容量\s+Pod\s+実行ユーザー\s+権限の問題$/);
    expect(displayWidth(h.slice(0, h.indexOf('権限の問題')))).toBe(displayWidth(r.slice(0, r.indexOf('suspected'))));
  });

  it('cuts nothing when it fits or when there is no terminal width', () => {
    expect(fitClaimTable([header, row], undefined)[1]).toContain('uploader-gvol-1-87b07ef0db-e78ec');
    expect(fitClaimTable([header, row], 400)[1]).toContain('uploader-gvol-1-87b07ef0db-e78ec');
  });

  it('cuts to a display width with an ellipsis', () => {
    expect(cutToWidth('abcdef', 4)).toBe('abc…');
    expect(cutToWidth('ポッド名', 5)).toBe('ポッ…');
    expect(cutToWidth('abc', 3)).toBe('abc');
  });
});
