import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { processAlive } from '../host/process-identity.js';

/** How the program's temporary files are named: `.<name>.<pid>.<random>.tmp` beside the target. */
const tempPattern = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

export interface AtomicWriteOptions {
  /** Mode of the new file; default: the mode of the file it replaces, else 0644. */
  mode?: number;
}

/**
 * Writes `content` to `path` so that a reader, a full disk, a crash or a signal sees the
 * old file or the new one, never a part: a temporary file in the same directory is written,
 * flushed to the disk (fsync) and renamed over the target. The mode is set on the temporary
 * file before anything is written, so a key is never readable by others, not for a moment.
 * On failure the temporary file is removed and the error names `path` (not the temporary).
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const dir = dirname(path);
  const mode = options.mode ?? (await stat(path).then((s) => s.mode & 0o7777, () => 0o644));
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(temp, 'wx', mode);
    // open's mode is filtered by the umask; the file gets exactly the mode asked for.
    await handle.chmod(mode);
    await handle.writeFile(content);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw namingPath(error, path);
  }
  await syncDir(dir);
}

/**
 * `mkdir -p`, made level by level from the nearest existing folder, so that the first level
 * that cannot be made throws its own reason (EROFS, ENOTDIR, EACCES). Not Node's recursive
 * mkdir: it reports ENOENT for a read-only file system or a file in the way, and loops for
 * ever in the thread pool where mkdir answers ENOENT under an existing folder (`/proc/foo`),
 * which also stops every later file operation, the clean-up on a signal among them.
 */
export async function makeDir(path: string, mode?: number): Promise<void> {
  const missing: string[] = [];
  let at = path;
  // Up while a level is missing (ENOENT). Any other answer (EACCES: a folder above may not be
  // searched; ENOTDIR: a file in the way) is the reason, and names the path as given.
  while (!(await stat(at).then(() => true, (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? false : Promise.reject(error)))) && dirname(at) !== at) {
    missing.unshift(at);
    at = dirname(at);
  }
  for (const level of missing) await mkdir(level, { mode }).catch(ignoreExists);
}

/** Temporary files a killed run left in `dir` (their process is gone): removed, their names returned. */
export async function removeStaleTemps(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const pid = tempPattern.exec(name)?.[2];
    if (pid === undefined || processAlive(Number(pid))) continue;
    await rm(join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

function ignoreExists(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EEXIST') throw error;
}

/** The rename is durable once the directory itself is flushed; some file systems refuse, which is harmless. */
async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  await handle?.sync().catch(() => undefined);
  await handle?.close().catch(() => undefined);
}

function namingPath(error: unknown, path: string): unknown {
  if (error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string') (error as NodeJS.ErrnoException).path = path;
  return error;
}
