// stats.dashboard at 1M cases and their ~5M events: the cases and events of tools/bench/cases.bench.ts's generator,
// every event given the facts the repository would have recorded (domain/case-figures.ts) and folded into the daily
// and weekly figures (case_daily, case_weekly) as the case transactions would have. Measured in-process through `main` on the local cloud in
// strict mode; the goal is p95 under 50 ms (issue 8). BENCH_CASES=20000 for a quick look.
import { performance } from 'perf_hooks';
import { makeCalendar } from '../../cloudfunctions/api/src/domain/calendar';
import type { CaseDoc, CaseEventDoc } from '../../cloudfunctions/api/src/domain/case-doc';
import { addDaily, eventFacts, foldEvents, type DailyDoc } from '../../cloudfunctions/api/src/domain/case-figures';
import { weekIdOf } from '../../cloudfunctions/api/src/repositories/stats';
import { DEFAULT_CALENDAR } from '../../cloudfunctions/api/src/domain/defaults';
import type { RequestOf } from '../../typings/api';
import { localCloud } from '../local-cloud';
import { DEMO_CATEGORIES, DEMO_DEPARTMENTS } from '../seed/catalog';
import { call, Generator, NOW, quantile, round } from './cases.bench';
import type { BenchResult } from './index';

const TOTAL = Number(process.env.BENCH_CASES ?? 1_000_000);
const RUNS = 200;
const WARMUP = 20;
const CHUNK = 10_000;
const GOAL_MS = 50;

const SUPERVISOR = 'o_bench_supervisor';
const HANDLER = 'o_bench_handler_housing';
const cal = makeCalendar(DEFAULT_CALENDAR);

/** The facts each event would carry had it been written by the actions (the generator writes cases whole). */
function withFacts(events: CaseEventDoc[], byId: ReadonlyMap<string, CaseDoc>): CaseEventDoc[] {
  return events.map((e) => {
    const doc = byId.get(e.caseId)!;
    // The case as it ends is the "after" of every event; before an assignment it had no department.
    const before = e.kind === 'assigned' ? { ...doc, departmentId: undefined } : doc;
    const facts = eventFacts(before, doc, e, { cal });
    return facts ? { ...e, facts } : e;
  });
}

async function load(): Promise<{ events: number; days: number; seconds: number }> {
  localCloud.configure({ filename: ':memory:', strict: { threshold: 0 } });
  localCloud.clock.set(NOW, { frozen: true });
  localCloud.db.bulkInsert('departments', DEMO_DEPARTMENTS.map((d) => ({ ...d })));
  localCloud.db.bulkInsert('categories', DEMO_CATEGORIES.map((c) => ({ ...c })));
  localCloud.db.bulkInsert('users', [
    { _id: SUPERVISOR, roles: ['supervisor'] },
    { _id: HANDLER, roles: ['handler'], departmentId: 'dept-housing' },
  ]);
  const t0 = performance.now();
  const gen = new Generator(TOTAL);
  const daily = new Map<string, DailyDoc>();
  let events = 0;
  for (let from = 0; from < TOTAL; from += CHUNK) {
    const chunk = gen.chunk(from, Math.min(TOTAL, from + CHUNK), () => true);
    const annotated = withFacts(chunk.events, new Map(chunk.docs.map((d) => [d._id, d])));
    foldEvents(daily, annotated);
    localCloud.db.bulkInsert('cases', chunk.docs as unknown as Record<string, unknown>[]);
    localCloud.db.bulkInsert('case_events', annotated as unknown as Record<string, unknown>[]);
    events += annotated.length;
  }
  localCloud.db.bulkInsert('case_stats', [...gen.stats].map(([scope, counts]) => ({ _id: scope, counts })));
  const weekly = new Map<string, DailyDoc>();
  for (const d of daily.values()) {
    const id = weekIdOf(d.day);
    weekly.set(id, addDaily(weekly.get(id) ?? { _id: id, day: id, all: {}, depts: {} }, d));
  }
  localCloud.db.bulkInsert('case_daily', [...daily.values()] as unknown as Record<string, unknown>[]);
  localCloud.db.bulkInsert('case_weekly', [...weekly.values()] as unknown as Record<string, unknown>[]);
  return { events, days: daily.size, seconds: (performance.now() - t0) / 1000 };
}

type Req = RequestOf<'stats.dashboard'>;

async function measure(name: string, openid: string, payload: Req): Promise<Record<string, string | number>> {
  for (let i = 0; i < WARMUP; i++) await call(openid, 'stats.dashboard', payload);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await call(openid, 'stats.dashboard', payload)).ms);
  times.sort((a, b) => a - b);
  const p95 = quantile(times, 0.95);
  return { operation: name, 'p50 ms': round(quantile(times, 0.5)), 'p95 ms': round(p95), 'max ms': round(times[times.length - 1]!), [`goal ${GOAL_MS} ms`]: p95 < GOAL_MS ? 'PASS' : 'FAIL' };
}

export default async function bench(): Promise<BenchResult> {
  const loaded = await load();
  const rows = [
    await measure('supervisor, this month, all departments', SUPERVISOR, { period: 'month' }),
    await measure('supervisor, this quarter (weekly points)', SUPERVISOR, { period: 'quarter' }),
    await measure('supervisor, custom 366 days', SUPERVISOR, { period: 'custom', from: '2025-11-25', to: '2026-11-25' }),
    await measure('supervisor, this week, one department', SUPERVISOR, { period: 'week', departmentId: 'dept-transport' }),
    await measure('handler, this month, own department', HANDLER, { period: 'month' }),
  ];
  const rss = process.memoryUsage().rss / 2 ** 30;
  localCloud.close();
  const size = TOTAL >= 1_000_000 ? `${TOTAL / 1_000_000}M` : `${TOTAL / 1000}k`;
  return {
    title: `stats.dashboard at ${size} cases (local cloud, strict mode, in-process through main)`,
    rows,
    notes: [
      `${TOTAL.toLocaleString('en')} cases and ${loaded.events.toLocaleString('en')} events generated, folded into ${loaded.days} daily documents and bulk-loaded in ${loaded.seconds.toFixed(0)} s; RSS ${rss.toFixed(1)} GB`,
      `each line ${RUNS} calls after ${WARMUP} warm-up calls; one call = one range read of case_daily, one counters document, two short case ranges (overdue, due today), settings and catalog`,
    ],
  };
}
