import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { bmpAgreement } from './bmp-agreement.js';
import { fastStringWidth } from '../../../src/text/string-width-fast-path.js';

// What the build puts in front of string-width 8: the fast answer when there is one.
const wrapped = (text: string, options?: { ambiguousIsNarrow?: boolean }) => fastStringWidth(text, options) ?? stringWidth(text, options);

describe('string-width fast path', () => {
  it('agrees with string-width on every BMP character, narrow and wide ambiguous', () => {
    const { disagree, answered } = bmpAgreement(fastStringWidth, stringWidth);
    expect(disagree).toEqual([]);
    // Most of the BMP takes the fast path (CJK, kana, Latin, the screens' marks).
    expect(answered).toBeGreaterThan(2 * 50_000);
  });

  it('answers the screens’ own text without string-width', () => {
    for (const text of ['  ❯ gluster1   … provisioning', '✔ ready', '✖ failed', '· queued', 'gluster-lab — GlusterFS', 'プロビジョニング中', '経過時間', 'ｶﾀｶﾅ', '']) {
      expect(fastStringWidth(text), text).toBe(stringWidth(text));
    }
    expect(fastStringWidth('プロビジョニング中')).toBe(18);
  });

  it('leaves clusters, emoji, escapes and astral characters to string-width', () => {
    for (const text of ['e\u0301', '👍', '✔\uFE0F', '1\uFE0F\u20E3', '👨\u200D👩', '\u1100\u1161', 'ｶﾞ', '\x1b]8;;https://example.org\x07link\x1b]8;;\x07', '\x1b[2Kcleared', 'tab\there', '𠀋', '🇯🇵', '\u0E01\u0E33']) {
      expect(fastStringWidth(text), JSON.stringify(text)).toBeUndefined();
      expect(wrapped(text)).toBe(stringWidth(text));
    }
  });

  it('answers styled text (SGR sequences) as string-width does, and leaves other escapes to it', () => {
    for (const text of ['\x1b[31mred\x1b[0m', '\x1b[2m  ❯ gluster1\x1b[22m', '\x1b[1;38;5;208m漢字\x1b[39;22m', '\x1b[m', '\x1b[2m\x1b[22m', '\x1b', 'm\x1b', '\x1b\x1b', '\x1b[31mred\x1b', '漢\x1b']) {
      expect(fastStringWidth(text), JSON.stringify(text)).toBe(stringWidth(text));
    }
    for (const text of ['\x1b[31', '\x1b[31mred\x1bx', 'a\x9b31mb', '\x1b[?25l', '\x1b]0;title\x07x', '\x1bPdata\x1b\\x']) {
      expect(fastStringWidth(text), JSON.stringify(text)).toBeUndefined();
    }
    const pieces = ['\x1b[31m', '\x1b[39m', '\x1b[2m', '\x1b[22m', '\x1b[0m', '\x1b[m', '\x1b[1;4m', '\x1b[38;2;1;2;3m', '\x1b[', '\x1b', '\x9b', '\x1b]8;;u\x07', 'm', ';', '1', 'a', ' ', '漢', '…', '👍'];
    let seed = 777;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 5000; n++) {
      let text = '';
      for (let i = 0, k = 1 + Math.floor(next() * 10); i < k; i++) text += pieces[Math.floor(next() * pieces.length)];
      expect(wrapped(text), JSON.stringify(text)).toBe(stringWidth(text));
      expect(wrapped(text, { countAnsiEscapeCodes: true } as never), JSON.stringify(text)).toBe(stringWidth(text, { countAnsiEscapeCodes: true }));
    }
  });

  it('agrees with string-width on random mixed strings', () => {
    // A fixed pool of characters from every kind above, strung together by a seeded generator.
    const pool = [...'aZ ~…—❯✔✖·→©®‼ひカ漢ｶﾞ한\u1100\u1161\u0301\u200D\uFE0F\u20E3\u0E33\u0D4E\t\x1b\u00AD\u3099ー'];
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 5000; n++) {
      let text = '';
      const length = 1 + Math.floor(next() * 12);
      for (let i = 0; i < length; i++) text += pool[Math.floor(next() * pool.length)];
      expect(wrapped(text), JSON.stringify(text)).toBe(stringWidth(text));
    }
  });

  it('reads its options as string-width does', () => {
    for (const options of [{}, { ambiguousIsNarrow: true }, { ambiguousIsNarrow: false }, { ambiguousIsNarrow: null }, { ambiguousIsNarrow: 0 }, { countAnsiEscapeCodes: true }]) {
      for (const text of ['±abc', 'plain', '漢字±']) {
        expect(fastStringWidth(text, options as never) ?? stringWidth(text, options as never), `${text} ${JSON.stringify(options)}`).toBe(stringWidth(text, options as never));
      }
    }
    expect(() => stringWidth('x', null as never)).toThrow();
    expect(() => fastStringWidth('x', null as never)).toThrow();
  });

  it('is not asked about what is not a string', () => {
    expect(fastStringWidth(undefined)).toBeUndefined();
    expect(fastStringWidth(42)).toBeUndefined();
  });
});
