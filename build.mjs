// Bundles the CLI into a few files so start-up does not load hundreds of modules
// (STYLE.md: a bundled build starts faster). Ink and the screens sit in chunks that
// only load when a screen is shown; the simulated tools are separate entry points.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { bundleOptions } from './build/bundle-options.mjs';

// Built into a scratch folder, then moved into dist/ file by file (rename is atomic): a
// program or test that is running from dist/ meanwhile never finds it half-written or gone.
const out = `dist.build-${process.pid}`;
await rm(out, { recursive: true, force: true });

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
  ...bundleOptions,
  entryPoints,
  outdir: out,
  sourcemap: false,
  chunkNames: 'chunks/[name]-[hash]',
});

for (const bin of ['cli.js', 'sim-bin/vagrant.js', 'sim-bin/VBoxManage.js', 'sim-bin/kubectl.js', 'sim-bin/git.js']) {
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
