// stats.dashboard at 1M cases and their ~5M events: the cases and events of case-generator.ts, every event with the
// facts the repository would have recorded (domain/case-figures.ts) and folded into the daily, weekly and monthly
// figures (case_daily, case_weekly, case_monthly) as the case transactions would have; the database is kept between
// runs (data-cache.ts) and shared with cases.bench.ts. Measured in-process through `main` on the local cloud in strict
// mode; the goal is p95 under 50 ms (issue 8). BENCH_CASES=20000 (or --sizes 20k) for a quick look.
import type { RequestOf } from '../../typings/api';
import { localCloud } from '../local-cloud';
import { openCaseData } from './case-data';
import { handlerOf, SUPERVISOR } from './case-generator';
import { call, quantile, round } from './cases.bench';
import { sizeLabel } from './data-cache';
import { benchSizes, type BenchResult } from './index';

const TOTAL = benchSizes([Number(process.env.BENCH_CASES ?? 1_000_000)]).at(-1)!;
const RUNS = 200;
const WARMUP = 20;
const GOAL_MS = 50;
const HANDLER = handlerOf('dept-housing');
const GB = 2 ** 30;

type Req = RequestOf<'stats.dashboard'>;

/** Wall and CPU milliseconds of one call: on a shared machine the CPU time says what the call costs, the wall time what it waited too. */
async function timed(openid: string, payload: Req): Promise<{ wall: number; cpu: number }> {
  const before = process.cpuUsage();
  const { ms } = await call(openid, 'stats.dashboard', payload);
  const used = process.cpuUsage(before);
  return { wall: ms, cpu: (used.user + used.system) / 1000 };
}

/** The same, with the warm instance keeping nothing (ADR 0098): every call reads its whole cover, as a first call does. */
async function measureCold(name: string, openid: string, payload: Req): Promise<Record<string, string | number>> {
  const saved = process.env.CONFIG_CACHE_TTL_MS;
  process.env.CONFIG_CACHE_TTL_MS = '0';
  try {
    return await measure(name, openid, payload);
  } finally {
    if (saved === undefined) delete process.env.CONFIG_CACHE_TTL_MS;
    else process.env.CONFIG_CACHE_TTL_MS = saved;
  }
}

async function measure(name: string, openid: string, payload: Req): Promise<Record<string, string | number>> {
  for (let i = 0; i < WARMUP; i++) await timed(openid, payload);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = await timed(openid, payload);
    wall.push(t.wall);
    cpu.push(t.cpu);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    operation: name,
    'p50 ms': round(quantile(wall, 0.5)),
    'p95 ms': round(quantile(wall, 0.95)),
    'max ms': round(wall[wall.length - 1]!),
    'cpu p50 ms': round(quantile(cpu, 0.5)),
    'cpu p95 ms': round(quantile(cpu, 0.95)),
  };
}

export default async function bench(): Promise<BenchResult> {
  const data = await openCaseData(TOTAL);
  const rows = [
    await measure('supervisor, this month, all departments', SUPERVISOR, { period: 'month' }),
    await measure('supervisor, this quarter (weekly points)', SUPERVISOR, { period: 'quarter' }),
    await measure('supervisor, custom 366 days', SUPERVISOR, { period: 'custom', from: '2025-11-25', to: '2026-11-25' }),
    await measure('supervisor, this week, one department', SUPERVISOR, { period: 'week', departmentId: 'dept-transport' }),
    await measure('handler, this month, own department', HANDLER, { period: 'month' }),
    await measureCold('supervisor, custom 366 days, nothing kept', SUPERVISOR, { period: 'custom', from: '2025-11-25', to: '2026-11-25' }),
  ];
  const rss = process.memoryUsage().rss / GB;
  localCloud.close();
  return {
    title: `stats.dashboard at ${sizeLabel(TOTAL)} cases (local cloud, strict mode, in-process through main)`,
    rows,
    notes: [
      `${TOTAL.toLocaleString('en')} cases and ${data.meta.events.toLocaleString('en')} events in ${data.meta.days} daily documents, ${data.origin}; RSS ${rss.toFixed(2)} GB`,
      `each line ${RUNS} calls after ${WARMUP} warm-up calls; one call = the period's figures (months, weeks and days that cover it), the chart's points, one counters document, two short case ranges (overdue, due today), settings and catalog`,
      `the warm instance keeps the figures of closed days, weeks and months for the config cache's TTL (ADR 0098); "nothing kept" reads every document on every call, as an instance's first call does`,
    ],
    checks: rows.map((r) => ({ figure: `stats.dashboard ${String(r.operation)}: p95`, value: `${r['p95 ms']} ms`, goal: `< ${GOAL_MS} ms`, pass: Number(r['p95 ms']) < GOAL_MS })),
  };
}
