import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/** True when a process with this id exists (signal 0 only asks). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is just not ours.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * When the process started, in clock ticks since boot (Linux /proc/PID/stat field 22);
 * undefined elsewhere. With the PID it names one process: a PID reused later has another.
 */
function processStartTime(pid: number): string | undefined {
  try {
    // The fields after the command name, which is in parentheses and may hold spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] || undefined;
  } catch {
    return undefined;
  }
}

/** A process as a mark others can check later: host, PID and start time. */
export interface ProcessMark {
  host: string;
  pid: number;
  started?: string;
}

export function thisProcess(): ProcessMark {
  const started = processStartTime(process.pid);
  return started === undefined ? { host: hostname(), pid: process.pid } : { host: hostname(), pid: process.pid, started };
}

/**
 * Whether the marked process still runs: on this machine by its PID and start time; a mark
 * from another machine cannot be checked, and `otherHost` decides.
 */
export function markAlive(mark: ProcessMark, otherHost: () => boolean): boolean {
  if (mark.host !== hostname()) return otherHost();
  if (!processAlive(mark.pid)) return false;
  const now = processStartTime(mark.pid);
  return mark.started === undefined || now === undefined || now === mark.started;
}
