// stats.dashboard: a period's figures per department and overall, a series per figure, and the overdue and due-soon
// cases, in one call: the months, weeks and days that cover the period (a few dozen documents at most: whole for the
// agency, cut to one department for a department), the chart's points (one scope of each day or week), one counters
// document, two short case ranges (a list item's fields only).
import type { DashboardCase, DashboardResponse } from '../../../../../typings/api';
import { endOfDay, shanghaiDay } from '../../domain/calendar';
import type { CaseDoc } from '../../domain/case-doc';
import { QUEUE_RUNNING } from '../../domain/case-keys';
import { dueText, runningDue } from '../../domain/deadlines';
import type { DailyDoc } from '../../domain/case-figures';
import { buckets, compactDay, cover, PERIOD_LABELS, resolvePeriod, type Period } from '../../domain/stats-period';
import { defineAction } from '../../lib/action';
import { _, COLLECTIONS, db } from '../../lib/db';
import { errors } from '../../lib/errors';
import { mayChooseStatsDepartment, statsDepartment } from '../../permissions';
import { loadStats } from '../../repositories/cases';
import { loadCover, loadCoverDocs, loadDays, loadWeeks, type Fields } from '../../repositories/stats';
import { caseEnv, departmentName, type CaseEnv } from '../cases/env';
import { queueCounts } from '../cases/view';
import { scopeOf, seriesOf, sumScopes, type Part } from './figures';
import { dashboardSchema } from './schemas';

/** How many cases each list shows; the queue has the rest. */
const LIST_SIZE = 5;

/** What a list item is made of (caseItem): a case's few fields, not its text, contacts or history. */
const LIST_FIELDS = { _id: true, trackingNo: true, title: true, status: true, acceptDueAt: true, answerDueAt: true, departmentId: true };

async function runningCases(dept: string | undefined, lower: string, upper: string): Promise<CaseDoc[]> {
  const where: Record<string, unknown> = { queueKey: _.gte(lower).and(_.lt(upper)) };
  if (dept) where.departmentId = dept;
  const { data } = await db.collection(COLLECTIONS.cases).where(where).field(LIST_FIELDS).orderBy('queueKey', 'asc').limit(LIST_SIZE).get();
  return data as CaseDoc[];
}

function byDay(docs: readonly DailyDoc[]): Map<string, DailyDoc> {
  return new Map(docs.map((d) => [d.day, d]));
}

const present = (docs: ReadonlyArray<DailyDoc | undefined>): DailyDoc[] => docs.filter((d): d is DailyDoc => d !== undefined);

/**
 * The chart's points of a period of days or weeks, each with the documents of the scope it charts: a day document
 * each, or for weekly points a week document each, the partial weeks at either end as their days. At most 14 weeks
 * and 12 days are read, each cut to the scope.
 */
async function pointsByDayOrWeek(period: Period, fields: Fields, today: string): Promise<Part[]> {
  const bs = buckets(period);
  const first = (days: string[]) => compactDay(days[0]!);
  const last = (days: string[]) => compactDay(days[days.length - 1]!);
  if (period.granularity === 'day') {
    const days = byDay(await loadDays(compactDay(period.from), compactDay(period.to), fields, { today }));
    return bs.map((b) => ({ label: b.label, docs: present([days.get(first(b.days))]) }));
  }
  const full = bs.filter((b) => b.days.length === 7);
  const head = bs[0]!.days.length < 7 ? bs[0]! : undefined;
  const tail = bs.length > 1 && bs[bs.length - 1]!.days.length < 7 ? bs[bs.length - 1]! : undefined;
  const [weeks, headDays, tailDays] = await Promise.all([
    full.length > 0 ? loadWeeks(first(full[0]!.days), first(full[full.length - 1]!.days), fields, { today }) : Promise.resolve([]),
    head ? loadDays(first(head.days), last(head.days), fields, { today }) : Promise.resolve([]),
    tail ? loadDays(first(tail.days), last(tail.days), fields, { today }) : Promise.resolve([]),
  ]);
  const weekMap = byDay(weeks);
  const dayMap = byDay([...headDays, ...tailDays]);
  return bs.map((b) => {
    if (b.days.length === 7) return { label: b.label, docs: present([weekMap.get(first(b.days))]) };
    return { label: b.label, docs: present(b.days.map((d) => dayMap.get(compactDay(d)))) };
  });
}

/**
 * The period's documents (their sum is its totals) and chart points. Up to a quarter: the months, weeks and days that
 * cover the period, the points a day or a week each. Longer, a point per month: each month's cover (its month
 * document, or the weeks and days of a month cut by the period), read once, gives both the points and the totals: a
 * year is about 12 months, 8 weeks and 12 days. `fields` cuts every document to the scope a department needs; the
 * agency's dashboard reads the totals whole (every department's figures) and its points cut to `all`.
 */
async function periodFigures(period: Period, fields: Fields, today: string): Promise<{ totals: DailyDoc[]; parts: Part[] }> {
  const totalFields: Fields = fields === 'whole' || fields.departmentId ? fields : 'whole';
  if (period.granularity !== 'month') {
    const [totals, parts] = await Promise.all([loadCover(cover(period.from, period.to), { fields: totalFields, today }), pointsByDayOrWeek(period, fields, today)]);
    return { totals, parts };
  }
  const bs = buckets(period).map((b) => ({ label: b.label, cover: cover(b.days[0]!, b.days[b.days.length - 1]!) }));
  const docs = await loadCoverDocs({ months: bs.flatMap((b) => b.cover.months), weeks: bs.flatMap((b) => b.cover.weeks), days: bs.flatMap((b) => b.cover.days) }, { fields: totalFields, today });
  const months = byDay(docs.months);
  const weeks = byDay(docs.weeks);
  const days = byDay(docs.days);
  const parts = bs.map((b) => ({
    label: b.label,
    docs: present([...b.cover.months.map((id) => months.get(id)), ...b.cover.weeks.map((id) => weeks.get(id)), ...b.cover.days.map((id) => days.get(id))]),
  }));
  return { totals: parts.flatMap((p) => p.docs), parts };
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
    const [env, { totals, parts }, stats, overdue, dueSoon] = await Promise.all([
      caseEnv(now),
      periodFigures(period, dept ? { departmentId: dept } : {}, compactDay(today)),
      loadStats(dept ? `dept:${dept}` : 'all'),
      runningCases(dept, `${QUEUE_RUNNING}|`, `${QUEUE_RUNNING}|${nowIso}`),
      runningCases(dept, `${QUEUE_RUNNING}|${nowIso}`, `${QUEUE_RUNNING}|${endOfToday}|\uffff`),
    ]);
    if (dept && !env.catalog.departments.has(dept)) throw errors.notFound('承办单位');
    const visible = dept ? [dept] : activeDepartments(env);
    const counts = queueCounts(stats, nowIso);
    const sums = sumScopes(totals);
    const sumOf = (id: string | undefined) => sums.get(id ?? '') ?? {};
    const res: DashboardResponse = {
      period,
      scope: scopeOf(sumOf(dept), dept ? (departmentName(env, dept) ?? '') : '全部单位', dept),
      departments: visible.map((id) => scopeOf(sumOf(id), departmentName(env, id) ?? '', id)),
      series: seriesOf(parts, dept),
      overdue: { count: counts.overdue, items: overdue.map((d) => caseItem(d, env)) },
      dueSoon: { count: counts.dueSoon, items: dueSoon.map((d) => caseItem(d, env)) },
      mayChooseDepartment: mayChooseStatsDepartment(caller),
      periodOptions: (['week', 'month', 'quarter', 'custom'] as const).map((kind) => ({ kind, label: PERIOD_LABELS[kind] })),
    };
    return res;
  },
});
