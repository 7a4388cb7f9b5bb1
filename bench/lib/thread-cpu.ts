import { readFileSync } from 'node:fs';

/**
 * CPU time (user + system, ms) of this process's main thread alone, from Linux's /proc; undefined elsewhere.
 * process.cpuUsage() counts every thread (workers, GC helpers): on a shared machine the main thread's own time
 * says what the work costs the thread that every step of it waits for.
 */
export function mainThreadCpuMs(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, the 14th and 15th fields, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}
