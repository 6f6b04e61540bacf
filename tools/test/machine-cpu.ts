// The whole machine's busy CPU time, read from /proc/stat (Linux). `npm test` prints it beside the wall time: it is the
// one figure that counts Chromium, whose processes (a browser server started by jest's e2e global setup) are not
// reaped through the test process's tree, so `time` and /usr/bin/time leave them out (docs/performance.md).
import { readFile } from 'fs/promises';

/** USER_HZ: the unit of /proc/stat on every Linux that Node runs on. */
const TICKS_PER_SECOND = 100;

/** Busy ticks of the aggregate `cpu` line of /proc/stat: user, nice, system, irq, softirq, steal (not idle, iowait). */
export function busyTicks(statText: string): number {
  const line = statText.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) throw new Error('/proc/stat has no aggregate "cpu" line');
  const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  return [user, nice, system, irq, softirq, steal].reduce((sum: number, v) => sum + (Number.isFinite(v) ? v! : 0), 0);
}

/** Seconds of busy CPU since boot, summed over cores; null where /proc/stat cannot be read. */
export async function machineBusySeconds(): Promise<number | null> {
  try {
    return busyTicks(await readFile('/proc/stat', 'utf8')) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}
