// Bundles the CLI into a few files so start-up does not load hundreds of modules
// (STYLE.md: a bundled build starts faster). Ink and the screens sit in chunks that
// only load when a screen is shown; the simulated tools are separate entry points.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { chmod, rm } from 'node:fs/promises';

await rm('dist', { recursive: true, force: true });

const banner = {
  js: "import { createRequire as __glCreateRequire } from 'node:module'; const require = __glCreateRequire(import.meta.url);",
};

const entryPoints = {
  cli: 'src/cli.ts',
  'sim-bin/vagrant': 'src/sim/bin/vagrant.ts',
  'sim-bin/VBoxManage': 'src/sim/bin/vboxmanage.ts',
  'sim-bin/kubectl': 'src/sim/bin/kubectl.ts',
  'sim-bin/git': 'src/sim/bin/git.ts',
};
for (const [name, file] of Object.entries(entryPoints)) {
  if (!existsSync(file)) throw new Error(`build: entry point ${file} (${name}) is missing`);
}

await build({
  entryPoints,
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  chunkNames: 'chunks/[name]-[hash]',
  // react-devtools-core is an optional Ink dependency that is only loaded with DEV=true.
  external: ['react-devtools-core'],
  banner,
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});

for (const bin of ['cli.js', 'sim-bin/vagrant.js', 'sim-bin/VBoxManage.js', 'sim-bin/kubectl.js', 'sim-bin/git.js']) {
  await chmod(`dist/${bin}`, 0o755).catch(() => {});
}
