import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { generateUpLog } from './generate-up-log.js';
await build({ entryPoints: { 'pipeline-child': 'bench/pipeline-child.ts' }, outdir: '/tmp/glprof', splitting: true, bundle: true, format: 'esm', platform: 'node', target: 'node20', external: ['react-devtools-core'], banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" }, define: { 'process.env.NODE_ENV': '"production"' } });
writeFileSync('/tmp/glprof/package.json', '{"type":"module"}');
writeFileSync('/tmp/glprof/up.log', generateUpLog(100000));
