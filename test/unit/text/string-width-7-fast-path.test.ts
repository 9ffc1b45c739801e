import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bmpAgreement } from './bmp-agreement.js';
import { fastStringWidth7 } from '../../../src/text/string-width-7-fast-path.js';

// The copy Ink's wrap-ansi imports (string-width 7), as installed.
type StringWidth = (text: string, options?: { ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean }) => number;
const installed = join(process.cwd(), 'node_modules', 'ink', 'node_modules', 'wrap-ansi', 'node_modules', 'string-width');
const { default: stringWidth7 } = (await import(pathToFileURL(join(installed, 'index.js')).href)) as { default: StringWidth };
const { version } = (await import(pathToFileURL(join(installed, 'package.json')).href, { with: { type: 'json' } })) as { default: { version: string } }['default'] & { version: string };

describe('string-width 7 fast path', () => {
  it('is written for the installed major version', () => {
    expect(version).toMatch(/^7\./);
  });

  it('agrees with string-width 7 on every BMP character, narrow and wide ambiguous', () => {
    const { disagree, answered } = bmpAgreement(fastStringWidth7, stringWidth7);
    expect(disagree).toEqual([]);
    expect(answered).toBeGreaterThan(2 * 50_000);
  });

  it('leaves the marks 7 counts as emoji to it, and answers the screens’ Japanese itself', () => {
    for (const text of ['✔ ready', '✖ failed', '© 2026', '⚠ warning']) expect(fastStringWidth7(text), text).toBeUndefined();
    for (const text of ['  ❯ gluster1   … provisioning', 'プロビジョニング中', '\x1b[2m経過時間\x1b[22m', '· queued', 'm\x1b']) expect(fastStringWidth7(text), text).toBe(stringWidth7(text));
  });

  it('agrees with string-width 7 on random mixed strings, escapes included', () => {
    const pool = [...'aZ ~…—❯✔✖·→©®‼ひカ漢ｶﾞ한\u1100\u1161\u0301\u200D\uFE0F\u20E3\u0E33\u0D4E\t\x1b\u00AD\u3099ー'];
    const pieces = ['\x1b[31m', '\x1b[39m', '\x1b[2m', '\x1b', 'm', '漢', '👍'];
    let seed = 4242;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 5000; n++) {
      let text = '';
      for (let i = 0, k = 1 + Math.floor(next() * 12); i < k; i++) text += next() < 0.2 ? pieces[Math.floor(next() * pieces.length)] : pool[Math.floor(next() * pool.length)];
      for (const options of [{}, { ambiguousIsNarrow: false }, { countAnsiEscapeCodes: true }]) {
        const answer = fastStringWidth7(text, options);
        if (answer !== undefined) expect(answer, JSON.stringify(text)).toBe(stringWidth7(text, options));
      }
    }
  });
});
