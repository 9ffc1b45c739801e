// esbuild settings shared by build.mjs (dist/) and the benchmark, so that what is
// measured is bundled exactly like what ships.
import { fastPaths } from './fast-paths.mjs';

export const bundleOptions = {
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // react-devtools-core is an optional Ink dependency that is only loaded with DEV=true.
  external: ['react-devtools-core'],
  banner: {
    js: "import { createRequire as __glCreateRequire } from 'node:module'; const require = __glCreateRequire(import.meta.url);",
  },
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [fastPaths],
  logLevel: 'warning',
};
