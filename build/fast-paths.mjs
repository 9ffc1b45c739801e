// An esbuild plugin that puts our fast paths in front of two functions Ink calls for every
// character it draws. Each fast path gives exactly the original's result: the tests in
// test/unit/text/ compare them with the installed package, whose version package-lock.json
// pins, so an update is tested before it ships. Each is used only with the major version
// it was written for; any other version is bundled as it is (and the test of the real
// bundle, test/unit/build/fast-paths-plugin.test.ts, then fails).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const src = (file) => resolve(import.meta.dirname, '../src/text', file);
const quote = JSON.stringify;

const FAST_PATHS = [
  {
    // The width of a string: without the grapheme segmenter and emoji regex where they cannot matter.
    package: 'string-width',
    version: /^8\./,
    file: src('string-width-fast-path.ts'),
    module: (real, fast) =>
      [
        `import stringWidthItself from ${quote(real)};`,
        `import { fastStringWidth } from ${quote(fast)};`,
        'export default function stringWidth(text, options) {',
        '  return fastStringWidth(text, options) ?? stringWidthItself(text, options);',
        '}',
      ].join('\n'),
  },
  {
    // A row of styled characters to a string: no style diff between two alike characters.
    package: '@alcalzone/ansi-tokenize',
    version: /^0\.2\./,
    file: src('styled-chars-fast-path.ts'),
    module: (real, fast) => [`export * from ${quote(real)};`, `export { styledCharsToString } from ${quote(fast)};`].join('\n'),
  },
];

const NAMESPACE = 'gluster-lab-fast-path';

/** The version of the package whose entry file is `entry`. */
function versionAt(entry, name) {
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      if (pkg.name === name) return String(pkg.version);
    } catch {
      // no package.json here: look further up
    }
  }
  return '';
}

export const fastPaths = {
  name: 'fast-paths',
  setup(build) {
    for (const fast of FAST_PATHS) {
      const filter = new RegExp(`^${fast.package.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
      build.onResolve({ filter }, async (args) => {
        // The fast path itself, and our own wrapper, import the real package.
        if (args.pluginData?.real || args.importer === fast.file) return undefined;
        const real = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { real: true } });
        if (real.errors.length > 0 || !fast.version.test(versionAt(real.path, fast.package))) return real;
        return { path: real.path, namespace: NAMESPACE, pluginData: { fast } };
      });
    }
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, ({ path, pluginData: { fast } }) => ({
      contents: fast.module(path, fast.file),
      resolveDir: dirname(path),
      loader: 'js',
    }));
  },
};
