// stats.dashboard: a period's figures per department and overall, a series per figure, and the overdue and due-soon
// cases, in one call: one range read of the daily figures, one counters document, two short case ranges.
import type { DashboardCase, DashboardResponse } from '../../../../../typings/api';
import { endOfDay, shanghaiDay } from '../../domain/calendar';
import type { CaseDoc } from '../../domain/case-doc';
import { QUEUE_RUNNING } from '../../domain/case-keys';
import { dueText, runningDue } from '../../domain/deadlines';
import { buckets, compactDay, PERIOD_LABELS, resolvePeriod } from '../../domain/stats-period';
import { defineAction } from '../../lib/action';
import { _, COLLECTIONS, db } from '../../lib/db';
import { errors } from '../../lib/errors';
import { mayChooseStatsDepartment, statsDepartment } from '../../permissions';
import { loadStats } from '../../repositories/cases';
import { loadDays } from '../../repositories/stats';
import { caseEnv, departmentName, type CaseEnv } from '../cases/env';
import { queueCounts } from '../cases/staff';
import { scopeOf, seriesOf } from './figures';
import { dashboardSchema } from './schemas';

/** How many cases each list shows; the queue has the rest. */
const LIST_SIZE = 5;

async function runningCases(dept: string | undefined, lower: string, upper: string): Promise<CaseDoc[]> {
  const where: Record<string, unknown> = { queueKey: _.gte(lower).and(_.lt(upper)) };
  if (dept) where.departmentId = dept;
  const { data } = await db.collection(COLLECTIONS.cases).where(where).orderBy('queueKey', 'asc').limit(LIST_SIZE).get();
  return data as CaseDoc[];
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
    const [env, days, stats, overdue, dueSoon] = await Promise.all([
      caseEnv(now),
      loadDays(compactDay(period.from), compactDay(period.to)),
      loadStats(dept ? `dept:${dept}` : 'all'),
      runningCases(dept, `${QUEUE_RUNNING}|`, `${QUEUE_RUNNING}|${nowIso}`),
      runningCases(dept, `${QUEUE_RUNNING}|${nowIso}`, `${QUEUE_RUNNING}|${endOfToday}|\uffff`),
    ]);
    if (dept && !env.catalog.departments.has(dept)) throw errors.notFound('承办单位');
    const byDay = new Map(days.map((d) => [`${d.day.slice(0, 4)}-${d.day.slice(4, 6)}-${d.day.slice(6, 8)}`, d]));
    const visible = dept ? [dept] : activeDepartments(env);
    const counts = queueCounts(stats, nowIso);
    const res: DashboardResponse = {
      period,
      scope: scopeOf(days, dept ? (departmentName(env, dept) ?? '') : '全部单位', dept),
      departments: visible.map((id) => scopeOf(days, departmentName(env, id) ?? '', id)),
      series: seriesOf(byDay, buckets(period), dept),
      overdue: { count: counts.overdue, items: overdue.map((d) => caseItem(d, env)) },
      dueSoon: { count: counts.dueSoon, items: dueSoon.map((d) => caseItem(d, env)) },
      mayChooseDepartment: mayChooseStatsDepartment(caller),
      periodOptions: (['week', 'month', 'quarter', 'custom'] as const).map((kind) => ({ kind, label: PERIOD_LABELS[kind] })),
    };
    return res;
  },
});
