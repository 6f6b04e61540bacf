// The consultation workload at several sizes: `case.queue`, `case.listMine` and `case.get`, in-process through the
// cloud function's `main` on the local cloud in strict mode (every query proved to be served by a declared index), as
// the identities that make them, on the generated cases of case-generator.ts (kept between runs by data-cache.ts).
// `npm run bench -- cases --sizes 10k,100k,1M` sets the sizes (BENCH_CASES=100000 one size); with two sizes or more it
// prints each operation's growth, p95(largest)/p95(smallest), against the goal of staying flat, and whether it
// returned as many items at every size. RSS is printed per size: the local cloud serving the cases (issue 17.3).
import { performance } from 'perf_hooks';
import { main } from '../../cloudfunctions/api/src';
import type { ActionName, ApiResponse, RequestOf } from '../../typings/api';
import { localCloud } from '../local-cloud';
import { openCaseData } from './case-data';
import { DISPATCHER, handlerOf, HEAVY, sampleCitizens, SUPERVISOR } from './case-generator';
import { sizeLabel } from './data-cache';
import { benchSizes, type BenchCheck, type BenchResult } from './index';

const SIZES = benchSizes(process.env.BENCH_CASES ? [Number(process.env.BENCH_CASES)] : [10_000, 100_000, 1_000_000]);
/** Flat: the largest size's p95 at most this many times the smallest's. */
const GROWTH_GOAL = 2;
/** The local cloud serving the largest size stays under this RSS (issue 17.3). */
const RSS_GOAL_GB = 1;
const RUNS = 200;
const WARMUP = 20;
const GB = 2 ** 30;

export async function call<N extends ActionName>(openid: string, action: N, payload: RequestOf<N>): Promise<{ ms: number; res: ApiResponse<unknown> }> {
  const t = performance.now();
  const res = (await localCloud.invoke(main, { action, payload }, { OPENID: openid })) as ApiResponse<unknown>;
  const ms = performance.now() - t;
  if (!res.ok) throw new Error(`${action} ${JSON.stringify(payload)} failed: ${JSON.stringify(res.error)}`);
  return { ms, res };
}

export function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export const round = (x: number) => Number(x.toFixed(2));

type Call = [openid: string, action: ActionName, payload: Record<string, unknown>];

async function measure(size: string, name: string, calls: Call[]): Promise<Record<string, string | number>> {
  const run = (c: Call) => call(c[0], c[1], c[2] as never);
  for (let i = 0; i < WARMUP; i++) await run(calls[i % calls.length]!);
  const times: number[] = [];
  let items = 0;
  for (let i = 0; i < RUNS; i++) {
    const { ms, res } = await run(calls[i % calls.length]!);
    times.push(ms);
    if (res.ok) items += ((res.data as { items?: unknown[] }).items ?? [res.data]).length;
  }
  times.sort((a, b) => a - b);
  return { cases: size, operation: name, 'median ms': round(quantile(times, 0.5)), 'p95 ms': round(quantile(times, 0.95)), 'max ms': round(times[times.length - 1]!), 'items/call': Number((items / RUNS).toFixed(1)) };
}

interface SizeRun {
  rows: Array<Record<string, string | number>>;
  note: string;
  /** RSS after serving the size's calls: the local cloud (and the function) holding the size's database */
  rss: number;
}

async function benchSize(total: number): Promise<SizeRun> {
  const data = await openCaseData(total);
  const size = sizeLabel(total);
  const housing = handlerOf('dept-housing');
  const first = (await call(DISPATCHER, 'case.queue', {})).res as { ok: true; data: { nextCursor: string | null; counts: Record<string, number> } };
  const secondPages: Call[] = [];
  let cursor = first.data.nextCursor;
  for (let i = 0; i < 20 && cursor; i++) {
    secondPages.push([DISPATCHER, 'case.queue', { cursor }]);
    const next = (await call(DISPATCHER, 'case.queue', { cursor })).res as { ok: true; data: { nextCursor: string | null } };
    cursor = next.data.nextCursor;
  }
  const heavyPage = (await call(HEAVY, 'case.listMine', { tab: 'done', limit: 20 })).res as { ok: true; data: { nextCursor: string | null } };
  const rows = [
    await measure(size, 'case.queue dispatcher, default (page 1)', [[DISPATCHER, 'case.queue', {}]]),
    await measure(size, 'case.queue dispatcher, pages 2-21 by cursor', secondPages),
    await measure(size, 'case.queue handler, own department', [[housing, 'case.queue', {}]]),
    await measure(size, 'case.queue status=processing', [[DISPATCHER, 'case.queue', { status: 'processing' }]]),
    await measure(size, 'case.queue overdue', [[SUPERVISOR, 'case.queue', { overdue: true }]]),
    await measure(size, 'case.queue due within 24 h', [[housing, 'case.queue', { dueWithinHours: 24 }]]),
    await measure(size, 'case.listMine citizens, page 1', sampleCitizens().map((o): Call => [o, 'case.listMine', {}])),
    await measure(size, 'case.listMine heavy user, done, page 2', [[HEAVY, 'case.listMine', { tab: 'done', limit: 20, ...(heavyPage.data.nextCursor ? { cursor: heavyPage.data.nextCursor } : {}) }]]),
    await measure(size, 'case.get owner', data.meta.getSamples.map((s): Call => [s.openid, 'case.get', { id: s.id }])),
    await measure(size, 'case.get dispatcher', data.meta.getSamples.map((s): Call => [DISPATCHER, 'case.get', { id: s.id }])),
  ];
  const rss = process.memoryUsage().rss;
  const open = first.data.counts;
  localCloud.close();
  const generating = data.generatorRss === null ? '' : `, ${(data.generatorRss / GB).toFixed(2)} GB while generating`;
  return {
    rows,
    rss,
    note: `${size}: ${total.toLocaleString('en')} cases (${open.all} in the queue, ${open.overdue} overdue, ${open.replied} awaiting rating) and ${data.meta.events.toLocaleString('en')} events, ${data.origin}; RSS ${(rss / GB).toFixed(2)} GB serving them${generating}`,
  };
}

/** Per operation, p95 at the largest size over p95 at the smallest, and whether it returned as many items at each. */
function growthChecks(rows: Array<Record<string, string | number>>): BenchCheck[] {
  if (SIZES.length < 2) return [];
  const sizes = [...new Set(rows.map((r) => String(r.cases)))];
  const smallest = sizes[0]!;
  const largest = sizes[sizes.length - 1]!;
  const operations = [...new Set(rows.map((r) => String(r.operation)))];
  return operations.flatMap((operation) => {
    const at = (size: string) => rows.find((r) => r.operation === operation && r.cases === size)!;
    const ratio = Number(at(largest)['p95 ms']) / Math.max(0.01, Number(at(smallest)['p95 ms']));
    const items = sizes.map((size) => at(size)['items/call']);
    return [
      { figure: `${operation}: p95 ${largest}/${smallest}`, value: `x${ratio.toFixed(2)}`, goal: `<= x${GROWTH_GOAL}`, pass: ratio <= GROWTH_GOAL },
      { figure: `${operation}: items per call at ${sizes.join(', ')}`, value: items.join(', '), goal: 'the same at every size', pass: new Set(items).size === 1 },
    ];
  });
}

export default async function bench(): Promise<BenchResult> {
  const rows: Array<Record<string, string | number>> = [];
  const notes: string[] = [];
  const rss: Array<[string, number]> = [];
  for (const total of SIZES) {
    const r = await benchSize(total);
    rows.push(...r.rows);
    notes.push(r.note);
    rss.push([sizeLabel(total), r.rss]);
  }
  notes.push(`each line ${RUNS} calls after ${WARMUP} warm-up calls, cycling through its identities and queries; a page is 20 items; queue counts come from maintained counters (docs/adr/0013-case-queries-and-counters.md)`);
  const [largest, largestRss] = rss[rss.length - 1]!;
  const rssCheck: BenchCheck = { figure: `RSS serving ${largest} cases (${rss.map(([s, b]) => `${s} ${(b / GB).toFixed(2)} GB`).join(', ')})`, value: `${(largestRss / GB).toFixed(2)} GB`, goal: `< ${RSS_GOAL_GB} GB`, pass: largestRss < RSS_GOAL_GB * GB };
  return { title: 'case.queue, case.listMine, case.get (local cloud, strict mode, in-process through main)', rows, notes, checks: [...growthChecks(rows), rssCheck] };
}
