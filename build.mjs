// Bundles the CLI into a few files so start-up does not load hundreds of modules
// (STYLE.md: a bundled build starts faster). Ink and the screens sit in chunks that
// only load when a screen is shown; the simulated tools are separate entry points.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { bundleOptions } from './build/bundle-options.mjs';

// Built into a scratch folder, then moved into dist/ file by file (rename is atomic): a
// program or test that is running from dist/ meanwhile never finds it half-written or gone.
const out = `dist.build-${process.pid}`;
await rm(out, { recursive: true, force: true });

const entryPoints = { main: 'src/cli/main.ts' };
// The simulated tools that run as processes of their own (vagrant up, halt…; see
// src/sim/tool-server.ts for the rest): each is one CommonJS file with nothing to link.
// Measured on a 2-core machine, alternating runs: `vagrant status` 318 → 207 ms, where
// `node -e 0` takes 128 ms.
const simBins = {
  'sim-bin/vagrant': 'src/sim/bin/vagrant.ts',
  'sim-bin/VBoxManage': 'src/sim/bin/vboxmanage.ts',
  'sim-bin/kubectl': 'src/sim/bin/kubectl.ts',
  'sim-bin/git': 'src/sim/bin/git.ts',
};
for (const [name, file] of Object.entries({ ...entryPoints, ...simBins })) {
  if (!existsSync(file)) throw new Error(`build: entry point ${file} (${name}) is missing`);
}

await build({
  ...bundleOptions,
  entryPoints,
  outdir: out,
  sourcemap: false,
  chunkNames: 'chunks/[name]-[hash]',
});

// The entry on its own, one small CommonJS file: `--version` and a piped `--help` load
// nothing else; anything more imports main.js (the command line, an ES module) from beside it.
const mainBeside = {
  name: 'main-beside',
  setup(b) {
    b.onResolve({ filter: /^\.\/cli\/main\.js$/ }, () => ({ path: './main.js', external: true }));
  },
};
await build({
  ...bundleOptions,
  entryPoints: { cli: 'src/cli.ts' },
  outdir: out,
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  sourcemap: false,
  splitting: false,
  banner: {},
  plugins: [...bundleOptions.plugins, mainBeside],
});
if (!existsSync(join(out, 'cli.cjs'))) throw new Error('build: cli.cjs is missing');

await build({
  ...bundleOptions,
  entryPoints: simBins,
  outdir: out,
  format: 'cjs',
  sourcemap: false,
  splitting: false,
  banner: {},
});
// The package is "type": "module"; beside these files, .js means CommonJS.
await writeFile(join(out, 'sim-bin', 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);

// The help texts the entry prints, saved from the command line itself (through a pipe:
// 80 columns, no colour), in each language.
await mkdir(join(out, 'help'), { recursive: true });
for (const lang of ['en', 'ja']) {
  const help = spawnSync(process.execPath, [join(out, 'main.js'), '--help', '--lang', lang], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' }, timeout: 30_000 });
  if (help.status !== 0 || help.stdout === '') throw new Error(`build: main.js --help --lang ${lang} failed (exit ${help.status}):\n${help.stderr}`);
  await writeFile(join(out, 'help', `${lang}.txt`), help.stdout);
}

for (const bin of ['cli.cjs', 'sim-bin/vagrant.js', 'sim-bin/VBoxManage.js', 'sim-bin/kubectl.js', 'sim-bin/git.js']) {
  await chmod(join(out, bin), 0o755);
}

const built = new Set();
for (const entry of await readdir(out, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const rel = join(entry.parentPath, entry.name).slice(out.length + 1);
  built.add(rel);
  await mkdir(dirname(join('dist', rel)), { recursive: true });
  await rename(join(out, rel), join('dist', rel));
}
await rm(out, { recursive: true, force: true });

// Chunks of earlier builds: a process started before this build may still load them
// lazily, so only those older than ten minutes are removed.
const stale = Date.now() - 10 * 60_000;
for (const entry of await readdir('dist', { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const path = join(entry.parentPath, entry.name);
  if (!built.has(path.slice('dist/'.length)) && (await stat(path)).mtimeMs < stale) await rm(path);
}
