// An esbuild plugin that changes what Ink runs for every frame, never what it draws:
//   - fast paths in front of the functions Ink calls for every character it draws (and
//     string-width 7, which Ink's wrap-ansi measures with);
//   - string-width's grapheme segmenter and emoji set made at first use, not at start-up;
//   - in place of the grid Ink draws each frame into, one that keeps rows between frames;
//   - a bound on two caches Ink keeps for ever (every text it ever measured or cut to width:
//     a long bring-up's every line), by an exact edit of Ink's own module.
// Each gives exactly the original's result: the tests in test/unit/text/ compare them with
// the installed package, whose version package-lock.json pins, so an update is tested
// before it ships. Each is used only with the major version it was written for; any other
// version is bundled as it is (and the test of the real bundle,
// test/unit/build/fast-paths-plugin.test.ts, then fails). An edit whose text is no longer
// found in the module fails the build.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const src = (file) => resolve(import.meta.dirname, '../src/text', file);
const quote = JSON.stringify;

/** A string-width module asking the fast path `name` first, and string-width itself when it has no answer. */
const fastFirst = (name) => (real, fast) =>
  [
    `import stringWidthItself from ${quote(real)};`,
    `import { ${name} } from ${quote(fast)};`,
    'export default function stringWidth(text, options) {',
    `  return ${name}(text, options) ?? stringWidthItself(text, options);`,
    '}',
  ].join('\n');

const FAST_PATHS = [
  {
    // The width of a string: without the grapheme segmenter and emoji regex where they cannot matter.
    package: 'string-width',
    version: /^8\./,
    file: src('string-width-fast-path.ts'),
    module: fastFirst('fastStringWidth'),
  },
  {
    // The same for string-width 7, which Ink's wrap-ansi uses when a text is wrapped to its box.
    package: 'string-width',
    version: /^7\./,
    file: src('string-width-7-fast-path.ts'),
    module: fastFirst('fastStringWidth7'),
  },
  {
    // A row of styled characters to a string: no style diff between two alike characters.
    package: '@alcalzone/ansi-tokenize',
    version: /^0\.2\./,
    file: src('styled-chars-fast-path.ts'),
    module: (real, fast) => [`export * from ${quote(real)};`, `export { styledCharsToString } from ${quote(fast)};`].join('\n'),
  },
];

// Modules Ink imports by a relative path: replaced whole, by a file of ours with the same
// exports, when the importing package is at the major version the file was written for.
const WHOLE_MODULES = [
  {
    // The frame grid: rows and styled characters kept between frames.
    package: 'ink',
    version: /^6\./,
    importer: /[\\/]node_modules[\\/]ink[\\/]build[\\/]renderer\.js$/,
    path: './output.js',
    file: src('ink-output-fast-path.ts'),
  },
];

// Exact edits of a dependency's module: each `from` must occur once, or the build fails.
const CACHE_LIMIT = 256;
const PATCHES = [
  {
    // Text size by text, for Yoga: bounded.
    package: 'ink',
    version: /^6\./,
    file: /[\\/]node_modules[\\/]ink[\\/]build[\\/]measure-text\.js$/,
    edits: [['    cache.set(text, dimensions);', `    if (cache.size >= ${CACHE_LIMIT}) cache.clear();\n    cache.set(text, dimensions);`]],
  },
  {
    // Wrapped or truncated text by text, width and kind: a Map, bounded.
    package: 'ink',
    version: /^6\./,
    file: /[\\/]node_modules[\\/]ink[\\/]build[\\/]wrap-text\.js$/,
    edits: [
      ['const cache = {};', 'const cache = new Map();'],
      ['const cachedText = cache[cacheKey];', 'const cachedText = cache.get(cacheKey);'],
      ['    cache[cacheKey] = wrappedText;', `    if (cache.size >= ${CACHE_LIMIT}) cache.clear();\n    cache.set(cacheKey, wrappedText);`],
    ],
  },
  {
    // string-width makes a grapheme segmenter and compiles the RGI emoji set when it loads
    // (about 30 ms, on every start of the program, screen or not); made at first use instead.
    package: 'string-width',
    version: /^8\./,
    file: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/,
    edits: [
      ['const segmenter = new Intl.Segmenter();', 'let madeSegmenter;\nconst segmenter = { segment: (text) => (madeSegmenter ??= new Intl.Segmenter()).segment(text) };'],
      ['const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;', 'let madeRgiEmojiRegex;\nconst rgiEmojiRegex = { test: (text) => (madeRgiEmojiRegex ??= /^\\p{RGI_Emoji}$/v).test(text) };'],
    ],
  },
  {
    // string-width 7 (Ink's wrap-ansi) makes its segmenter when it loads, too.
    package: 'string-width',
    version: /^7\./,
    file: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/,
    edits: [['const segmenter = new Intl.Segmenter();', 'let madeSegmenter;\nconst segmenter = { segment: (text) => (madeSegmenter ??= new Intl.Segmenter()).segment(text) };']],
  },
  {
    // Yoga's WebAssembly comes as a base64 data: URL, which its Emscripten loader hands to
    // fetch() when there is one: Node then loads undici and web streams to decode it (the
    // larger part of Ink's start-up). Decoded directly instead, as the same loader already
    // does for streaming compilation (ua = isDataURI).
    package: 'yoga-layout',
    version: /^3\./,
    file: /[\\/]node_modules[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
    edits: [['function ya(){return w||"function"!=typeof fetch?', 'function ya(){return w||ua(H)||"function"!=typeof fetch?']],
  },
];

/** `source` with each edit made, or an error naming the edit that no longer fits. */
export function applyEdits(source, edits, where) {
  let out = source;
  for (const [from, to] of edits) {
    const at = out.indexOf(from);
    if (at === -1 || out.indexOf(from, at + 1) !== -1) throw new Error(`fast-paths: ${where} no longer holds ${quote(from)} exactly once`);
    out = out.slice(0, at) + to + out.slice(at + from.length);
  }
  return out;
}

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
        // Another version: left to the next fast path for this package, or bundled as it is.
        if (real.errors.length > 0 || !fast.version.test(versionAt(real.path, fast.package))) return undefined;
        return { path: real.path, namespace: NAMESPACE, pluginData: { fast } };
      });
    }
    for (const whole of WHOLE_MODULES) {
      const filter = new RegExp(`^${whole.path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
      build.onResolve({ filter }, (args) => {
        if (!whole.importer.test(args.importer) || !whole.version.test(versionAt(args.importer, whole.package))) return undefined;
        return { path: whole.file };
      });
    }
    for (const patch of PATCHES) {
      build.onLoad({ filter: patch.file, namespace: 'file' }, ({ path }) => {
        if (!patch.version.test(versionAt(path, patch.package))) return undefined;
        return { contents: applyEdits(readFileSync(path, 'utf8'), patch.edits, path), resolveDir: dirname(path), loader: 'js' };
      });
    }
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, ({ path, pluginData: { fast } }) => ({
      contents: fast.module(path, fast.file),
      resolveDir: dirname(path),
      loader: 'js',
    }));
  },
};
