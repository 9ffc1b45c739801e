import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { fastStringWidth } from '../../../src/text/string-width-fast-path.js';

// What the build puts in front of string-width 8: the fast answer when there is one.
const wrapped = (text: string, options?: { ambiguousIsNarrow?: boolean }) => fastStringWidth(text, options) ?? stringWidth(text, options);

describe('string-width fast path', () => {
  it('agrees with string-width on every BMP character, narrow and wide ambiguous', () => {
    const disagree: string[] = [];
    let fast = 0;
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      for (const ambiguousIsNarrow of [true, false]) {
        const answer = fastStringWidth(ch, { ambiguousIsNarrow });
        if (answer === undefined) continue;
        fast++;
        if (answer !== stringWidth(ch, { ambiguousIsNarrow })) disagree.push(`U+${code.toString(16).padStart(4, '0')} ambiguousIsNarrow=${ambiguousIsNarrow}`);
      }
    }
    expect(disagree).toEqual([]);
    // Most of the BMP takes the fast path (CJK, kana, Latin, the screens' marks).
    expect(fast).toBeGreaterThan(2 * 50_000);
  });

  it('answers the screens’ own text without string-width', () => {
    for (const text of ['  ❯ gluster1   … provisioning', '✔ ready', '✖ failed', '· queued', 'gluster-lab — GlusterFS', 'プロビジョニング中', '経過時間', 'ｶﾀｶﾅ', '']) {
      expect(fastStringWidth(text), text).toBe(stringWidth(text));
    }
    expect(fastStringWidth('プロビジョニング中')).toBe(18);
  });

  it('leaves clusters, emoji, escapes and astral characters to string-width', () => {
    for (const text of ['e\u0301', '👍', '✔\uFE0F', '1\uFE0F\u20E3', '👨\u200D👩', '\u1100\u1161', 'ｶﾞ', '\x1b[31mred\x1b[0m', 'tab\there', '𠀋', '🇯🇵', '\u0E01\u0E33']) {
      expect(fastStringWidth(text), JSON.stringify(text)).toBeUndefined();
      expect(wrapped(text)).toBe(stringWidth(text));
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
