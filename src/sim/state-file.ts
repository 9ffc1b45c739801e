import { closeSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { SimState } from './sim-state.js';

const LOCK_WAIT_MS = 10_000;
const STALE_LOCK_MS = 5_000;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

export function readStateFile(file: string): SimState {
  return JSON.parse(readFileSync(file, 'utf8')) as SimState;
}

/** Writes the whole state atomically: a reader sees the old file or the new one, never half. */
export function writeStateFile(file: string, state: SimState): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state, null, 1)}\n`);
  renameSync(temp, file);
}

/**
 * Read-modify-write under a lock file, so two simulated tools running at once (a test
 * polling `kubectl get` while `vagrant up` runs) never lose each other's updates.
 */
export function updateStateFile<T>(file: string, change: (state: SimState) => T): T {
  const lock = `${file}.lock`;
  acquire(lock);
  try {
    const state = readStateFile(file);
    const result = change(state);
    writeStateFile(file, state);
    return result;
  } finally {
    rmSync(lock, { force: true });
  }
}

function acquire(lock: string): void {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (isStale(lock)) rmSync(lock, { force: true });
    if (Date.now() > deadline) throw new Error(`simulator state is locked: ${lock}`);
    Atomics.wait(sleeper, 0, 0, 5);
  }
}

/** A lock left by a simulated tool that was killed mid-update must not block the next one forever. */
function isStale(lock: string): boolean {
  try {
    return Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS;
  } catch {
    return false;
  }
}
