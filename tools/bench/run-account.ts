// Where a `npm run bench` went (issue 17.5): per bench its wall and CPU time, how it came by its data (generated into
// the cache, opened from it, copied from it) and what measuring took; then the goal "a second run finishes in under
// 2 minutes", judged only when every bench's data came from the cache (a run that generated is a first run).
import fs from 'fs';
import os from 'os';
import { sizeLabel, type CacheUse } from './data-cache';
import type { BenchCheck } from './index';

export const SECOND_RUN_GOAL_S = 120;

export interface BenchSpend {
  file: string;
  seconds: number;
  cpuSeconds: number;
  /** the databases it took from or put into the cache, in order */
  data: readonly CacheUse[];
}

export interface RunAccount {
  title: string;
  rows: Array<Record<string, string | number>>;
  notes: string[];
  /** null when some bench generated its data: the goal is a second run's */
  check: BenchCheck | null;
}

/**
 * CPU seconds of this process and of the children it has waited for (the load bench's gateway, the size bench's cold
 * starts), from /proc on Linux (clock ticks of 1/100 s); this process alone elsewhere. Unlike wall time on a shared
 * machine, it does not grow with the other work on the cores.
 */
export function cpuSeconds(): number {
  const own = process.cpuUsage();
  let children = 0;
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    children = (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    children = 0;
  }
  return (own.user + own.system) / 1e6 + children;
}

/** "cache 10k 100k; copied 100k": how a bench's databases came, by size. */
function describeData(uses: readonly CacheUse[]): string {
  if (uses.length === 0) return 'none';
  const byHow = new Map<string, string[]>();
  for (const u of uses) byHow.set(u.how, [...(byHow.get(u.how) ?? []), sizeLabel(u.size)]);
  return [...byHow].map(([how, sizes]) => `${how} ${sizes.join(' ')}`).join('; ');
}

const s1 = (x: number) => Number(x.toFixed(1));

export function accountRun(run: { spent: BenchSpend[]; seconds: number; cpuSeconds: number; notRun: string[]; sizesGiven: boolean }): RunAccount {
  const rows = run.spent.map((b) => {
    const dataSeconds = b.data.reduce((n, u) => n + u.seconds, 0);
    return { bench: b.file.replace(/\.bench\.ts$/, ''), 'wall s': s1(b.seconds), 'CPU s': s1(b.cpuSeconds), data: describeData(b.data), 'data s': s1(dataSeconds), 'measuring s': s1(b.seconds - dataSeconds) };
  });
  const dataSeconds = rows.reduce((n, r) => n + r['data s'], 0);
  const generating = run.spent.filter((b) => b.data.some((u) => u.how === 'generated')).map((b) => b.file.replace(/\.bench\.ts$/, ''));
  const load = os.loadavg().map((x) => x.toFixed(1)).join(' ');
  const scope = [
    run.notRun.length ? `${run.spent.length} of ${run.spent.length + run.notRun.length} benches, not run: ${run.notRun.map((f) => f.replace(/\.bench\.ts$/, '')).join(', ')}` : `all ${run.spent.length} benches`,
    ...(run.sizesGiven ? ['at the --sizes given'] : []),
  ].join(', ');
  const notes = [
    `data ${dataSeconds.toFixed(1)} s (generated, opened or copied), measuring ${(run.seconds - dataSeconds).toFixed(1)} s; load average at the end ${load} on ${os.cpus().length} cores`,
    'CPU s: this process and the processes it started (the gateway of the load bench, the cold starts of the size bench); on a shared machine wall time grows with the load, CPU time does not',
  ];
  if (generating.length) notes.push(`second run < ${SECOND_RUN_GOAL_S} s not judged: ${generating.join(', ')} generated data in this run (kept in .cache/bench/; the next run opens it)`);
  return {
    title: `The run: ${s1(run.seconds)} s wall, ${s1(run.cpuSeconds)} s CPU (${scope})`,
    rows,
    notes,
    check: generating.length
      ? null
      : { figure: `second run, every bench's data from the cache (${scope})`, value: `${s1(run.seconds)} s wall (${s1(run.cpuSeconds)} s CPU)`, goal: `< ${SECOND_RUN_GOAL_S} s`, pass: run.seconds < SECOND_RUN_GOAL_S },
  };
}
