import { readdir, realpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, parse, resolve } from 'node:path';
import { labFiles } from './lab-files.js';

/** Why a directory must not hold a lab: `init /` would write /Vagrantfile, `destroy --dir ~` act on a home. */
export type LabDirDanger = { kind: 'root' } | { kind: 'home'; suggestion: string } | { kind: 'not-a-lab' };

/** What init writes first and every lab has: a directory with it is a lab. */
const labMarkers = [labFiles.config, join('state', 'owned-files.json')];

/**
 * The filesystem root and the home directory itself are never a lab, whichever command
 * names them (followed through symbolic links). `home` is injectable for tests.
 */
export async function forbiddenLabDir(labDir: string, home = homedir()): Promise<LabDirDanger | undefined> {
  const real = await realpath(labDir).catch(() => resolve(labDir));
  if (parse(real).root === real) return { kind: 'root' };
  const realHome = await realpath(home).catch(() => resolve(home));
  if (real === realHome) return { kind: 'home', suggestion: join(home, 'gluster-lab') };
  return undefined;
}

/** True when the directory holds a lab (gluster-lab.yaml, or init's record of the files it wrote). */
export async function isLabDir(labDir: string): Promise<boolean> {
  for (const marker of labMarkers) {
    if (await stat(join(labDir, marker)).then((s) => s.isFile(), () => false)) return true;
  }
  return false;
}

/**
 * For `init`: the root, the home directory, or a directory with other things in it and no
 * lab (unless `force`). A missing or empty directory is fine: init makes the lab there.
 */
export async function labDirDanger(labDir: string, options: { force?: boolean; home?: string } = {}): Promise<LabDirDanger | undefined> {
  const forbidden = await forbiddenLabDir(labDir, options.home);
  if (forbidden) return forbidden;
  if (options.force || (await isLabDir(labDir))) return undefined;
  const entries = await readdir(labDir).catch(() => [] as string[]);
  // A run stopped by a full disk may have left only its own temporary files, and the init
  // running now may have made state/ for its lock.
  const others: string[] = [];
  for (const name of entries) {
    if (/^\..+\.\d+\.[0-9a-f]{8}\.tmp$/.test(name)) continue;
    if (name === 'state' && (await onlyLockFiles(join(labDir, name)))) continue;
    others.push(name);
  }
  return others.length === 0 ? undefined : { kind: 'not-a-lab' };
}

async function onlyLockFiles(dir: string): Promise<boolean> {
  const names = await readdir(dir).catch(() => undefined);
  return names !== undefined && names.every((name) => name.startsWith('lab.lock'));
}
