// stats.dashboard: a period's figures per department and overall, a series per figure, and the overdue and due-soon
// cases, in one call: one range read of the daily figures, one counters document, two short case ranges.
import type { DashboardCase, DashboardResponse } from '../../../../../typings/api';
import { endOfDay, shanghaiDay } from '../../domain/calendar';
import type { CaseDoc } from '../../domain/case-doc';
import { QUEUE_RUNNING } from '../../domain/case-keys';
import { dueText, runningDue } from '../../domain/deadlines';
import { addDaily, type DailyDoc } from '../../domain/case-figures';
import { buckets, compactDay, PERIOD_LABELS, resolvePeriod, type Period } from '../../domain/stats-period';
import { defineAction } from '../../lib/action';
import { _, COLLECTIONS, db } from '../../lib/db';
import { errors } from '../../lib/errors';
import { mayChooseStatsDepartment, statsDepartment } from '../../permissions';
import { loadStats } from '../../repositories/cases';
import { loadDays, loadWeeks } from '../../repositories/stats';
import { caseEnv, departmentName, type CaseEnv } from '../cases/env';
import { queueCounts } from '../cases/staff';
import { scopeOf, seriesOf, type Part } from './figures';
import { dashboardSchema } from './schemas';

/** How many cases each list shows; the queue has the rest. */
const LIST_SIZE = 5;

async function runningCases(dept: string | undefined, lower: string, upper: string): Promise<CaseDoc[]> {
  const where: Record<string, unknown> = { queueKey: _.gte(lower).and(_.lt(upper)) };
  if (dept) where.departmentId = dept;
  const { data } = await db.collection(COLLECTIONS.cases).where(where).orderBy('queueKey', 'asc').limit(LIST_SIZE).get();
  return data as CaseDoc[];
}

const emptyDoc = (id: string): DailyDoc => ({ _id: id, day: id, all: {}, depts: {} });

function byDay(docs: readonly DailyDoc[]): Map<string, DailyDoc> {
  return new Map(docs.map((d) => [d.day, d]));
}

/**
 * The period's chart points with their figures: a day document each, or for weekly points a week document each, the
 * partial weeks at either end summed from their days. At most 53 weeks and 12 days are read.
 */
async function periodParts(period: Period): Promise<Part[]> {
  const bs = buckets(period);
  const first = (days: string[]) => compactDay(days[0]!);
  const last = (days: string[]) => compactDay(days[days.length - 1]!);
  if (period.granularity === 'day') {
    const days = byDay(await loadDays(compactDay(period.from), compactDay(period.to)));
    return bs.map((b) => ({ label: b.label, doc: days.get(first(b.days)) ?? emptyDoc(first(b.days)) }));
  }
  const full = bs.filter((b) => b.days.length === 7);
  const head = bs[0]!.days.length < 7 ? bs[0]! : undefined;
  const tail = bs.length > 1 && bs[bs.length - 1]!.days.length < 7 ? bs[bs.length - 1]! : undefined;
  const [weeks, headDays, tailDays] = await Promise.all([
    full.length > 0 ? loadWeeks(first(full[0]!.days), first(full[full.length - 1]!.days)) : Promise.resolve([]),
    head ? loadDays(first(head.days), last(head.days)) : Promise.resolve([]),
    tail ? loadDays(first(tail.days), last(tail.days)) : Promise.resolve([]),
  ]);
  const weekMap = byDay(weeks);
  const dayMap = byDay([...headDays, ...tailDays]);
  return bs.map((b) => {
    const id = first(b.days);
    if (b.days.length === 7) return { label: b.label, doc: weekMap.get(id) ?? emptyDoc(id) };
    const sum = emptyDoc(id);
    for (const d of b.days) {
      const doc = dayMap.get(compactDay(d));
      if (doc) addDaily(sum, doc);
    }
    return { label: b.label, doc: sum };
  });
}

function caseItem(doc: CaseDoc, env: CaseEnv): DashboardCase {
  const item: DashboardCase = { id: doc._id, trackingNo: doc.trackingNo, title: doc.title, dueAt: runningDue(doc) ?? doc.acceptDueAt, dueText: dueText(doc, env.now, env.cal) };
  const name = departmentName(env, doc.departmentId);
  if (name) item.departmentName = name;
  return item;
}

/** The departments in the catalog's order, without disabled ones. */
export function activeDepartments(env: Pick<CaseEnv, 'catalog'>): string[] {
  return [...env.catalog.departments.values()]
    .filter((d) => !d.disabled)
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
    .map((d) => d._id);
}

export const statsDashboard = defineAction<'stats.dashboard'>({
  schema: dashboardSchema,
  async run(input, { caller, now }) {
    const dept = statsDepartment(caller, input.departmentId);
    const nowIso = now.toISOString();
    const today = shanghaiDay(now);
    const period = resolvePeriod(input.period, today, input.from && input.to ? { from: input.from, to: input.to } : undefined);
    const endOfToday = endOfDay(today).toISOString();
    const [env, parts, stats, overdue, dueSoon] = await Promise.all([
      caseEnv(now),
      periodParts(period),
      loadStats(dept ? `dept:${dept}` : 'all'),
      runningCases(dept, `${QUEUE_RUNNING}|`, `${QUEUE_RUNNING}|${nowIso}`),
      runningCases(dept, `${QUEUE_RUNNING}|${nowIso}`, `${QUEUE_RUNNING}|${endOfToday}|\uffff`),
    ]);
    if (dept && !env.catalog.departments.has(dept)) throw errors.notFound('承办单位');
    const days = parts.map((p) => p.doc);
    const visible = dept ? [dept] : activeDepartments(env);
    const counts = queueCounts(stats, nowIso);
    const res: DashboardResponse = {
      period,
      scope: scopeOf(days, dept ? (departmentName(env, dept) ?? '') : '全部单位', dept),
      departments: visible.map((id) => scopeOf(days, departmentName(env, id) ?? '', id)),
      series: seriesOf(parts, dept),
      overdue: { count: counts.overdue, items: overdue.map((d) => caseItem(d, env)) },
      dueSoon: { count: counts.dueSoon, items: dueSoon.map((d) => caseItem(d, env)) },
      mayChooseDepartment: mayChooseStatsDepartment(caller),
      periodOptions: (['week', 'month', 'quarter', 'custom'] as const).map((kind) => ({ kind, label: PERIOD_LABELS[kind] })),
    };
    return res;
  },
});
