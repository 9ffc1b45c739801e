import { describe, expect, it } from 'vitest';
import { nameProblem } from '../../../src/k8s/validate-name.js';
import { nameError } from '../../../src/storage/claim-request-rules.js';

describe('DNS-1123 names as Kubernetes validates them', () => {
  it.each(['gvol-1', 'a', '0abc', 'my-claim-2'])('accepts the label %s', (name) => {
    expect(nameProblem(name, 'label')).toBeUndefined();
  });
  it.each(['gvol.1', 'data.team-a.example'])('accepts the subdomain %s', (name) => {
    expect(nameProblem(name, 'subdomain')).toBeUndefined();
  });
  it('names the first thing wrong', () => {
    expect(nameProblem('', 'label')).toEqual({ code: 'empty' });
    expect(nameProblem('GVol', 'subdomain')).toEqual({ code: 'uppercase', char: 'G' });
    expect(nameProblem('g_vol', 'subdomain')).toEqual({ code: 'bad-char', char: '_' });
    expect(nameProblem('a.b', 'label')).toEqual({ code: 'dot-in-label' });
    expect(nameProblem('-vol', 'label')).toEqual({ code: 'bad-start', char: '-' });
    expect(nameProblem('vol-', 'label')).toEqual({ code: 'bad-end', char: '-' });
    expect(nameProblem('a..b', 'subdomain')).toEqual({ code: 'empty-part' });
    expect(nameProblem('x'.repeat(64), 'label')).toEqual({ code: 'too-long', length: 64, max: 63 });
    expect(nameProblem('x'.repeat(64), 'subdomain')).toBeUndefined();
    expect(nameProblem('x'.repeat(254), 'subdomain')).toEqual({ code: 'too-long', length: 254, max: 253 });
  });
  it('accepts exactly the longest name of each kind and refuses one character more', () => {
    expect(nameProblem('x'.repeat(63), 'label')).toBeUndefined();
    expect(nameProblem('x'.repeat(64), 'label')).toMatchObject({ code: 'too-long' });
    const longest = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`;
    expect(longest).toHaveLength(253);
    expect(nameProblem(longest, 'subdomain')).toBeUndefined();
    expect(nameProblem(`${longest}e`, 'subdomain')).toEqual({ code: 'too-long', length: 254, max: 253 });
  });
  it('says what is wrong in English and Japanese', () => {
    expect(nameError('My_Claim', 'subdomain', 'whatPvc', 'en')).toBe(
      'The claim name "My_Claim" is not valid: capital letters such as "M" are not allowed; use lower case.',
    );
    expect(nameError('team.a', 'label', 'whatNamespace', 'ja')).toBe('ネームスペースの名前 "team.a" は無効です: ネームスペースに "." は使えません。');
  });
});
