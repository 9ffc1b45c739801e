// An esbuild plugin: every import of string-width 8 (Ink's, widest-line's, cli-truncate's)
// gets src/text/string-width-fast-path.ts in front of it, which answers the common strings
// without string-width's costly first call and hands every other string to string-width.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const fastPath = resolve(import.meta.dirname, '../src/text/string-width-fast-path.ts');
const NAMESPACE = 'string-width-fast-path';

/** The fast path agrees with string-width 8 (tested); other majors keep their own rules. */
function isMajor8(indexFile) {
  const pkg = JSON.parse(readFileSync(join(dirname(indexFile), 'package.json'), 'utf8'));
  return pkg.name === 'string-width' && String(pkg.version).startsWith('8.');
}

export const stringWidthFastPath = {
  name: 'string-width-fast-path',
  setup(build) {
    build.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.pluginData?.original) return undefined;
      const real = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { original: true } });
      if (real.errors.length > 0 || !isMajor8(real.path)) return real;
      return { path: real.path, namespace: NAMESPACE };
    });
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
      contents: [
        `import stringWidthItself from ${JSON.stringify(args.path)};`,
        `import { fastStringWidth } from ${JSON.stringify(fastPath)};`,
        'export default function stringWidth(text, options) {',
        '  return fastStringWidth(text, options) ?? stringWidthItself(text, options);',
        '}',
      ].join('\n'),
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};
