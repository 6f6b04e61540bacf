// The service guide at the size of a province's catalogue: `guide.list` by topic (page 1 and 2) and keyword search, as
// a citizen, in-process through the function's `main` on the local cloud in strict mode (every query proved to be
// served by a declared index). The catalogue is guide-data.ts's, kept in the bench cache and opened in place (the
// calls only read).
import os from 'os';
import { performance } from 'perf_hooks';
import { main } from '../../cloudfunctions/api/src';
import type { ApiResponse, GuideCategory, ResponseOf } from '../../typings/api';
import { localCloud } from '../local-cloud';
import { quantile, round } from './cases.bench';
import { openInPlace } from './data-cache';
import { GUIDE_T0, guideCatalogue } from './guide-data';
import { benchSizes, type BenchResult } from './index';

const RUNS = 40;
const WARMUP = 5;
/** The goal of every guide list and search call, as for policies (docs/performance.md): p95 under 20 ms. */
const P95_GOAL_MS = 20;
/** SQLite's page cache: the catalogue's hot pages stay in memory, as when it was built in `:memory:`. */
const PAGE_CACHE_MB = 256;

type ListResponse = ApiResponse<ResponseOf<'guide.list'>>;

/** Wall time, and the CPU time the process spent (on a machine shared with other work, wall time includes waiting). */
async function call(payload: Record<string, unknown>): Promise<{ ms: number; cpuMs: number; res: ListResponse }> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const res = (await localCloud.invoke(main, { action: 'guide.list', payload }, { OPENID: 'o_bench_guide' })) as ListResponse;
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  if (!res.ok) throw new Error(`guide.list ${JSON.stringify(payload)} failed: ${JSON.stringify(res.error)}`);
  return { ms, cpuMs: (used.user + used.system) / 1000, res };
}

async function measure(size: number, name: string, payloads: Array<Record<string, unknown>>): Promise<Record<string, string | number>> {
  for (let i = 0; i < WARMUP; i++) await call(payloads[i % payloads.length]!);
  const times: number[] = [];
  const cpu: number[] = [];
  let items = 0;
  for (let i = 0; i < RUNS; i++) {
    const r = await call(payloads[i % payloads.length]!);
    times.push(r.ms);
    cpu.push(r.cpuMs);
    if (r.res.ok) items += r.res.data.items.length;
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    items: size,
    operation: name,
    'median ms': round(quantile(times, 0.5)),
    'p95 ms': round(quantile(times, 0.95)),
    'cpu median': round(quantile(cpu, 0.5)),
    'cpu p95': round(quantile(cpu, 0.95)),
    'rows/page': Number((items / RUNS).toFixed(1)),
  };
}

async function benchSize(size: number): Promise<Array<Record<string, string | number>>> {
  const opened = openInPlace(await guideCatalogue(size), { strict: { threshold: 0 }, cacheSizeMb: PAGE_CACHE_MB });
  localCloud.clock.set(GUIDE_T0, { frozen: true });

  const topics: GuideCategory[] = ['identity', 'social', 'housing', 'family', 'business'];
  const second: Array<Record<string, unknown>> = [];
  for (const categoryId of topics) {
    const first = await call({ categoryId });
    if (first.res.ok && first.res.data.nextCursor) second.push({ categoryId, cursor: first.res.data.nextCursor });
  }
  const rows = [
    await measure(size, 'by topic, page 1', topics.map((categoryId) => ({ categoryId }))),
    await measure(size, 'search: 2 characters', ['低保', '护照', '过户', '工伤', '发票'].map((keyword) => ({ keyword }))),
    await measure(size, 'search: what citizens say', ['身份证到期', '上户口', '取公积金', '电动车上牌', '准生证'].map((keyword) => ({ keyword }))),
    await measure(size, 'search: a material', ['户口簿', '营业执照', '结婚证'].map((keyword) => ({ keyword }))),
    await measure(size, 'search: no result', ['量子计算机', '火星移民'].map((keyword) => ({ keyword }))),
  ];
  if (second.length) rows.splice(1, 0, await measure(size, 'by topic, page 2', second));
  opened.close();
  return rows;
}

export default async function bench(): Promise<BenchResult> {
  const rows: Array<Record<string, string | number>> = [];
  for (const size of benchSizes([2_000, 20_000])) rows.push(...(await benchSize(size)));
  return {
    title: 'guide.list and search (local cloud, strict mode, in-process through main)',
    rows,
    checks: rows.map((r) => ({ figure: `${r.items} items, ${String(r.operation)} p95`, value: `${r['p95 ms']} ms`, goal: `<= ${P95_GOAL_MS} ms`, pass: Number(r['p95 ms']) <= P95_GOAL_MS })),
    notes: [
      `each operation ${RUNS} runs after ${WARMUP} warm-up runs, cycling through its queries; a page is 20 items`,
      'wall ms: time to the answer; cpu: CPU time the process spent (the same on an idle machine, lower when cores are shared)',
      `machine load average at the end: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} cores`,
    ],
  };
}
