import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module without types (shared with build.mjs).
import { bundleOptions } from '../../../build/bundle-options.mjs';
import { applyEdits } from '../../../build/fast-paths.mjs';

const work = mkdtempSync(join(tmpdir(), 'gl-swfp-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the build’s fast paths', () => {
  it('puts the fast paths in front of string-width 8 and ansi-tokenize, and falls back for the rest', async () => {
    const entry = join(work, 'entry.js');
    // Ink's widest-line imports string-width as a package, as Ink itself does.
    writeFileSync(
      entry,
      "import stringWidth from 'string-width';\nimport widestLine from 'widest-line';\nimport { styledCharsToString, styledCharsFromTokens, tokenize } from '@alcalzone/ansi-tokenize';\nexport { stringWidth, widestLine, styledCharsToString, styledCharsFromTokens, tokenize };\n",
    );
    const result = await build({ ...bundleOptions, entryPoints: [entry], outdir: join(work, 'out'), nodePaths: [join(process.cwd(), 'node_modules')], write: true, splitting: false, metafile: true });
    const inputs = Object.keys(result.metafile?.inputs ?? {});
    expect(inputs.some((file) => file.endsWith('src/text/string-width-fast-path.ts'))).toBe(true);
    expect(inputs.some((file) => file.endsWith('src/text/styled-chars-fast-path.ts'))).toBe(true);
    // string-width itself is still there, for what the fast path leaves to it.
    expect(inputs.some((file) => /node_modules\/string-width\/index\.js$/.test(file))).toBe(true);
    writeFileSync(join(work, 'out', 'package.json'), '{"type":"module"}\n');
    const built = (await import(pathToFileURL(join(work, 'out', 'entry.js')).href)) as {
      stringWidth: (s: string) => number;
      widestLine: (s: string) => number;
      styledCharsToString: (chars: unknown[]) => string;
      styledCharsFromTokens: (tokens: unknown[]) => unknown[];
      tokenize: (s: string) => unknown[];
    };
    // ansi-tokenize's other exports are its own; styledCharsToString is ours (no diff between alike characters).
    expect(built.styledCharsToString.name).toBe('styledCharsToString');
    expect(built.styledCharsToString.toString()).toContain('sameStyles');
    expect(built.styledCharsToString(built.styledCharsFromTokens(built.tokenize('\x1b[31mred\x1b[39m plain')))).toBe('\x1b[31mred\x1b[39m plain');
    expect(built.stringWidth('❯ gluster1 ✔ ready')).toBe(18);
    expect(built.stringWidth('プロビジョニング中')).toBe(18);
    expect(built.stringWidth('👍 ok')).toBe(5);
    expect(built.widestLine('a\n漢字\n👍👍👍')).toBe(6);
  });

  it('is applied to Ink’s own imports in the real program', async () => {
    const result = await build({ ...bundleOptions, entryPoints: { cli: 'src/cli.ts' }, outdir: join(work, 'cli'), write: false, metafile: true });
    const inputs = Object.keys(result.metafile?.inputs ?? {});
    // Ink's widest-line and cli-truncate import string-width; our output.js imports both.
    expect(inputs.some((file) => file.endsWith('node_modules/ink/build/output.js'))).toBe(false);
    expect(inputs.some((file) => file.endsWith('node_modules/ink/build/renderer.js'))).toBe(true);
    // string-width 8 (Ink's own), 7 (Ink's wrap-ansi) and ansi-tokenize.
    expect(inputs.filter((file) => file.startsWith('gluster-lab-fast-path:'))).toHaveLength(3);
    expect(inputs.some((file) => file.endsWith('src/text/string-width-7-fast-path.ts'))).toBe(true);
    expect(inputs.some((file) => file.endsWith('src/text/string-width-fast-path.ts'))).toBe(true);
    expect(inputs.some((file) => file.endsWith('src/text/styled-chars-fast-path.ts'))).toBe(true);
    // Ink's frame grid is ours; its two text caches are Ink's own, bounded.
    expect(inputs.some((file) => file.endsWith('src/text/ink-output-fast-path.ts'))).toBe(true);
    const code = (result.outputFiles ?? []).map((file) => file.text).join('\n');
    expect(code).toMatch(/if \((cache\d*)\.size >= 256\) \1\.clear\(\);\s+\1\.set\(text, dimensions\)/);
    expect(code).toMatch(/if \((cache\d*)\.size >= 256\) \1\.clear\(\);\s+\1\.set\(cacheKey, wrappedText\)/);
    expect(code).not.toMatch(/var cache\d* = \{\};/);
  });

  it('bounds the caches of the installed Ink’s measure-text and wrap-text without changing what they give', async () => {
    const ink = join(process.cwd(), 'node_modules', 'ink', 'build');
    const entry = join(work, 'ink-caches.js');
    writeFileSync(entry, `export { default as measureText } from ${JSON.stringify(join(ink, 'measure-text.js'))};\nexport { default as wrapText } from ${JSON.stringify(join(ink, 'wrap-text.js'))};\n`);
    await build({ ...bundleOptions, entryPoints: [entry], outdir: join(work, 'caches'), write: true, splitting: false });
    writeFileSync(join(work, 'caches', 'package.json'), '{"type":"module"}\n');
    type Caches = { measureText: (text: string) => { width: number; height: number }; wrapText: (text: string, width: number, kind: string) => string };
    const patched = (await import(pathToFileURL(join(work, 'caches', 'ink-caches.js')).href)) as Caches;
    const original: Caches = {
      measureText: ((await import(pathToFileURL(join(ink, 'measure-text.js')).href)) as { default: Caches['measureText'] }).default,
      wrapText: ((await import(pathToFileURL(join(ink, 'wrap-text.js')).href)) as { default: Caches['wrapText'] }).default,
    };
    const texts = ['', 'a', 'gluster1 … provisioning', '漢字かな交じり', '\x1b[31mred\x1b[39m and plain text that goes on', 'two\nlines', 'TASK [glusterfs : Install glusterfs-server] ****************'];
    // More texts than the bound: the answers stay the same once the cache was emptied.
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 1200; i++) {
        const text = `${texts[i % texts.length]} ${i}`;
        expect(patched.measureText(text)).toEqual(original.measureText(text));
        for (const kind of ['wrap', 'truncate-end', 'truncate-middle', 'truncate-start']) expect(patched.wrapText(text, 5 + (i % 20), kind)).toBe(original.wrapText(text, 5 + (i % 20), kind));
      }
    }
  });

  it('loads the installed Yoga without fetch(), and lays out as it does', async () => {
    const entry = join(work, 'yoga.js');
    writeFileSync(entry, "export { default } from 'yoga-layout';\n");
    await build({ ...bundleOptions, entryPoints: [entry], outdir: join(work, 'yoga'), write: true, splitting: false, nodePaths: [join(process.cwd(), 'node_modules')] });
    writeFileSync(join(work, 'yoga', 'package.json'), '{"type":"module"}\n');
    type Yoga = typeof import('yoga-layout').default;
    const realFetch = globalThis.fetch;
    const fetched: unknown[] = [];
    globalThis.fetch = ((...args: unknown[]) => {
      fetched.push(args[0]);
      return realFetch(...(args as Parameters<typeof fetch>));
    });
    let patched: Yoga;
    try {
      patched = ((await import(pathToFileURL(join(work, 'yoga', 'yoga.js')).href)) as { default: Yoga }).default;
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(fetched).toEqual([]);
    const original = ((await import('yoga-layout')) as { default: Yoga }).default;
    const layout = (yoga: Yoga) => {
      const root = yoga.Node.create();
      root.setWidth(120);
      root.setFlexDirection(yoga.FLEX_DIRECTION_ROW);
      const a = yoga.Node.create();
      a.setFlexGrow(1);
      a.setHeight(3);
      const b = yoga.Node.create();
      b.setWidth(40);
      b.setMargin(yoga.EDGE_LEFT, 2);
      root.insertChild(a, 0);
      root.insertChild(b, 1);
      root.calculateLayout(undefined, undefined, yoga.DIRECTION_LTR);
      const out = [a.getComputedLeft(), a.getComputedWidth(), b.getComputedLeft(), b.getComputedWidth(), root.getComputedHeight()];
      root.freeRecursive();
      return out;
    };
    expect(layout(patched)).toEqual(layout(original));
    expect(layout(patched)).toEqual([0, 78, 80, 40, 3]);
  });

  it('makes the installed string-width’s segmenter and emoji set at first use, measuring as it does', async () => {
    // The module itself (by path: no fast path in front), as the bundle patches it.
    const entry = join(work, 'string-width.js');
    writeFileSync(entry, `export { default } from ${JSON.stringify(join(process.cwd(), 'node_modules', 'string-width', 'index.js'))};\n`);
    await build({ ...bundleOptions, entryPoints: [entry], outdir: join(work, 'sw'), write: true, splitting: false });
    writeFileSync(join(work, 'sw', 'package.json'), '{"type":"module"}\n');
    const intl = Intl as { Segmenter: typeof Intl.Segmenter };
    const Segmenter = intl.Segmenter;
    let made = 0;
    intl.Segmenter = class extends Segmenter {
      constructor(...args: ConstructorParameters<typeof Segmenter>) {
        super(...args);
        made++;
      }
    };
    try {
      const patched = ((await import(pathToFileURL(join(work, 'sw', 'string-width.js')).href)) as { default: (s: string, o?: object) => number }).default;
      expect(made).toBe(0);
      const { default: original } = await import('string-width');
      const texts = ['', 'abc', 'プロビジョニング中', '👍 ok', '👨‍👩‍👧 family', '🇯🇵 flag', '1️⃣ keycap', 'é (e + combining)', '\x1b[31mred\x1b[39m', 'ｶﾀｶﾅ', '한국어', '☺ ambiguous ±'];
      for (const text of texts) {
        expect(patched(text), text).toBe(original(text));
        expect(patched(text, { ambiguousIsNarrow: false, countAnsiEscapeCodes: true }), text).toBe(original(text, { ambiguousIsNarrow: false, countAnsiEscapeCodes: true }));
      }
      expect(made).toBeGreaterThan(0);
    } finally {
      intl.Segmenter = Segmenter;
    }
  });

  it('fails the build when an edit no longer fits the dependency', () => {
    expect(applyEdits('const cache = {};', [['const cache = {};', 'const cache = new Map();']], 'x.js')).toBe('const cache = new Map();');
    expect(() => applyEdits('const cache = new Map();', [['const cache = {};', '']], 'x.js')).toThrow(/x\.js no longer holds "const cache = \{\};" exactly once/);
    expect(() => applyEdits('a a', [['a', 'b']], 'x.js')).toThrow(/exactly once/);
  });
});
