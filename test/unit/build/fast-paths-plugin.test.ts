import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module without types (shared with build.mjs).
import { bundleOptions } from '../../../build/bundle-options.mjs';

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
    // Ink's output.js, widest-line and cli-truncate import string-width; output.js imports ansi-tokenize.
    expect(inputs.some((file) => file.endsWith('node_modules/ink/build/output.js'))).toBe(true);
    expect(inputs.filter((file) => file.startsWith('gluster-lab-fast-path:'))).toHaveLength(2);
    expect(inputs.some((file) => file.endsWith('src/text/string-width-fast-path.ts'))).toBe(true);
    expect(inputs.some((file) => file.endsWith('src/text/styled-chars-fast-path.ts'))).toBe(true);
  });
});
