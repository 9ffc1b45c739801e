import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU milliseconds used so far by this process's main thread and by all its other threads
 * (V8 compiling hot code, the garbage collector's helpers), read from /proc on Linux;
 * undefined elsewhere. Resolution: one clock tick (10 ms).
 */
export function threadCpuMs(): { main: number; others: number } | undefined {
  let tasks: string[];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return undefined;
  }
  let main = 0;
  let others = 0;
  for (const tid of tasks) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    } catch {
      continue; // the thread ended meanwhile
    }
    // Fields after the command name: utime and stime are the 12th and 13th, in ticks of 10 ms.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ms = (Number(fields[11]) + Number(fields[12])) * 10;
    if (tid === String(process.pid)) main += ms;
    else others += ms;
  }
  return { main, others };
}
