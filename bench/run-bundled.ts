/**
 * Bundles a bench script exactly like dist/ (build/bundle-options.mjs: esbuild, the fast
 * paths, production React) and runs it: node --import tsx bench/run-bundled.ts bench/frame-cost.ts [ARGS...]
 * NODE_FLAGS (e.g. "--cpu-prof") go to the node that runs it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { build } from 'esbuild';
// @ts-expect-error: a plain .mjs module without types (shared with build.mjs).
import { bundleOptions } from '../build/bundle-options.mjs';

const [entry, ...args] = process.argv.slice(2);
if (!entry) throw new Error('usage: run-bundled.ts ENTRY [ARGS...]');
const work = mkdtempSync(join(tmpdir(), 'gl-bundled-'));
const name = basename(entry).replace(/\.tsx?$/, '');
await build({ ...bundleOptions, entryPoints: { [name]: resolve(entry) }, outdir: work, outExtension: { '.js': '.js' } });
writeFileSync(join(work, 'package.json'), '{"type":"module"}\n');
const flags = (process.env.NODE_FLAGS ?? '').split(' ').filter(Boolean);
const result = spawnSync(process.execPath, [...flags, join(work, `${name}.js`), ...args], { stdio: 'inherit' });
rmSync(work, { recursive: true, force: true });
process.exit(result.status ?? 1);
