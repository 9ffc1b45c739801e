import { readdirSync, readFileSync } from 'node:fs';

/** CPU milliseconds each thread of this process has used so far, by thread id. */
export type ThreadTimes = Map<string, number>;

/**
 * Reads /proc/self/task on Linux (undefined elsewhere). Times come in clock ticks of
 * USER_HZ, which Linux fixes at 100 a second on every common architecture: 10 ms steps.
 */
export function threadTimes(): ThreadTimes | undefined {
  let tasks: string[];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return undefined;
  }
  const times: ThreadTimes = new Map();
  for (const tid of tasks) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // Fields after the command name: utime and stime are the 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      times.set(tid, (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      // the thread ended meanwhile
    }
  }
  return times;
}

/**
 * CPU used between two readings by the main thread and by all the others (V8 compiling
 * hot code, the garbage collector's helpers). A thread that ended in between is missing
 * from the second reading, so "others" may come out a little low, never negative.
 */
export function threadCpuBetween(before: ThreadTimes, after: ThreadTimes): { main: number; others: number } {
  let main = 0;
  let others = 0;
  for (const [tid, ms] of after) {
    const used = ms - (before.get(tid) ?? 0);
    if (tid === String(process.pid)) main += used;
    else others += used;
  }
  return { main, others };
}
