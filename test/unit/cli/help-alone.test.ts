import { describe, expect, it } from 'vitest';
import { helpAlone } from '../../../src/cli/help-alone.js';

describe('help asked for alone', () => {
  const en = { LANG: 'C.UTF-8' };
  it('is --help or -h, with at most a --lang, in the language asked or the locale’s', () => {
    expect(helpAlone(['--help'], en)).toBe('en');
    expect(helpAlone(['-h'], { LANG: 'ja_JP.UTF-8' })).toBe('ja');
    expect(helpAlone(['--help', '--lang', 'ja'], en)).toBe('ja');
    expect(helpAlone(['--lang=ja', '-h'], en)).toBe('ja');
    expect(helpAlone(['--lang', 'en', '--help'], { LC_ALL: 'ja_JP.UTF-8' })).toBe('en');
  });

  it('is nothing else: a command, another option, a bad or missing language, help twice', () => {
    for (const argv of [[], ['status', '--help'], ['--help', '--json'], ['--help', '--lang', 'fr'], ['--help', '--lang'], ['--help', '--help'], ['--help', '--lang', 'ja', '--lang', 'en'], ['--version']]) {
      expect(helpAlone(argv, en), argv.join(' ')).toBeUndefined();
    }
  });
});
