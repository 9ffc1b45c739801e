import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

/** Another simulated vagrant holds the machine (Vagrant's MachineActionLockedError). */
export class MachineLocked extends Error {}

/**
 * Vagrant's per-machine process lock (Machine#action takes `machine-action-<id>` with
 * flock): two processes never act on one machine at once, while different machines of
 * one project may come up side by side. A lock whose process is gone is free, as a flock
 * dies with its holder.
 */
export async function withMachineLock<T>(stateFile: string, machine: string, act: () => Promise<T>): Promise<T> {
  const lock = `${stateFile}.machine-${machine}.lock`;
  acquire(lock);
  try {
    return await act();
  } finally {
    rmSync(lock, { force: true });
  }
}

function acquire(lock: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (holderAlive(lock)) break;
    rmSync(lock, { force: true });
  }
  throw new MachineLocked(lock);
}

function holderAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(lock, 'utf8'));
  } catch {
    return false;
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
