import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, open, readFile, rename, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { markAlive, thisProcess } from '../host/process-identity.js';
import { makeDir } from './atomic-write.js';

/** Who holds a lab: written into the lock file, read by the command that finds it taken. */
export interface LockHolder {
  pid: number;
  command: string;
  host: string;
  /** ISO time the command took the lab. */
  since: string;
  /** The process's start time (Linux /proc/PID/stat field 22): a reused PID is not the holder. */
  started?: string;
}

/** The lab is held by another running command. */
export class LabBusyError extends Error {
  override readonly name = 'LabBusyError';
  constructor(readonly holder: LockHolder) {
    super(`the lab is held by "gluster-lab ${holder.command}" (process ${holder.pid})`);
  }
}

export interface LabLock {
  /** The holder whose lock was found stale and taken over, if any: callers say so. */
  tookOverFrom?: LockHolder;
  /** Removes the lock if it is still this process's; safe to call twice. */
  release(): Promise<void>;
}

export const labLockFile = join('state', 'lab.lock');

/**
 * Takes the lab for one mutating command: a lock file (PID, command, host, time) made with
 * an atomic link, so exactly one of two racing commands gets it. A lock whose process is
 * gone (killed, crashed) is taken over and reported in `tookOverFrom`. Throws LabBusyError
 * while another live command holds it.
 */
export async function takeLabLock(labDir: string, command: string): Promise<LabLock> {
  const file = join(labDir, labLockFile);
  // The lab directory first: a path through a file or a read-only disk is named as the user gave it.
  await makeDir(labDir);
  await makeDir(join(labDir, 'state'));
  const me: LockHolder = { ...thisProcess(), command, since: new Date().toISOString() };
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(`${JSON.stringify(me)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    // The sentence names the lock file, not the temporary one beside it.
    if (error instanceof Error && 'code' in error) (error as NodeJS.ErrnoException).path = file;
    throw error;
  }
  let tookOverFrom: LockHolder | undefined;
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await link(temp, file);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw error;
      }
      const holder = await readHolder(file);
      if (holder && holderAlive(holder)) throw new LabBusyError(holder);
      // Stale: move it aside under a name of our own. Of two commands taking over the same
      // stale lock only one can move it; the other finds the new lock on its next try.
      const aside = `${file}.stale.${process.pid}.${randomBytes(4).toString('hex')}`;
      try {
        await rename(file, aside);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw error;
      }
      const moved = await readHolder(aside);
      if (moved && holderAlive(moved)) {
        // A live lock was made between our look and our move: it goes back, untouched.
        await link(aside, file).catch(() => undefined);
        await rm(aside, { force: true });
        continue;
      }
      await rm(aside, { force: true });
      tookOverFrom = holder ?? moved ?? tookOverFrom;
    }
  } finally {
    await rm(temp, { force: true });
  }

  let released = false;
  // A process.exit() that skips the caller's finally must not leave the lab locked.
  const onExit = () => releaseSync(file);
  process.once('exit', onExit);
  const lock: LabLock = {
    async release() {
      if (released) return;
      released = true;
      process.removeListener('exit', onExit);
      const holder = await readHolder(file);
      if (holder?.pid === process.pid && holder.host === me.host) await rm(file, { force: true });
    },
  };
  if (tookOverFrom) lock.tookOverFrom = tookOverFrom;
  return lock;
}

/** The holder recorded in a lock file; undefined when it is missing, empty or unreadable (a crash while writing it). */
async function readHolder(file: string): Promise<LockHolder | undefined> {
  try {
    const value = JSON.parse(await readFile(file, 'utf8')) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || typeof value.command !== 'string' || typeof value.host !== 'string' || typeof value.since !== 'string') return undefined;
    return value as LockHolder;
  } catch {
    return undefined;
  }
}

/**
 * A holder on another machine (a lab on a shared folder) cannot be checked and counts as
 * alive; on this machine it is alive while its PID runs and, where the start time is known,
 * is still the same process.
 */
function holderAlive(holder: LockHolder): boolean {
  return markAlive(holder, () => true);
}

function releaseSync(file: string): void {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    if (holder.pid === process.pid && holder.host === hostname()) unlinkSync(file);
  } catch {
    // Gone already, or not ours.
  }
}
