// The performance figures of the dashboard and the public statistics, from case events (docs/statistics.md,
// docs/adr/0080-daily-figures-from-events.md). Each event that counts carries the facts it was judged on
// (`facts`, set when it is written: on time or not, working days taken, score...), so the daily aggregates can be
// rebuilt from the events alone; `contributions` turns one event into the figure keys it adds one to.
import type { ReplyTemplate } from '../../../../typings/api';
import { shanghaiDay, workingDaysSince, type WorkCalendar } from './calendar';
import type { CaseDoc, EventFacts, NewEvent } from './case-doc';
import { templateUse } from './reply-template';

/** The keys of a day's figures, per department and overall. `wd<N>`: answers that took N working days. */
export const FIGURE_KEYS = [
  'received',
  'acceptDecided',
  'acceptOnTime',
  'answered',
  'answeredOnTime',
  'score1',
  'score2',
  'score3',
  'score4',
  'score5',
  'solved',
  'reopened',
  'extensions',
  'templated',
  'templateOnly',
  'overdue',
  'published',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];
/** Sparse counts: a key absent is zero. Besides FIGURE_KEYS, `wd0`, `wd1`, ... */
export type DayFigures = Record<string, number>;

export interface FactsContext {
  cal: WorkCalendar;
  replyTemplates?: readonly ReplyTemplate[];
}

const deptOf = (doc: Pick<CaseDoc, 'departmentId' | 'routeDepartmentId'>): string | undefined => doc.departmentId ?? doc.routeDepartmentId;

/** The facts an event is counted on, judged against the case before and after its change; undefined: it counts nothing. */
export function eventFacts(before: CaseDoc | null, after: CaseDoc, e: NewEvent, ctx: FactsContext): EventFacts | undefined {
  const dept = deptOf(after);
  const withDept = (f: EventFacts): EventFacts => (dept ? { departmentId: dept, ...f } : f);
  switch (e.kind) {
    case 'submitted':
      return withDept({});
    case 'assigned':
    case 'reassigned':
      return after.departmentId && after.departmentId !== before?.departmentId ? { departmentId: after.departmentId } : undefined;
    case 'accepted':
    case 'rejected':
      return withDept({ onTime: e.at <= (before ?? after).acceptDueAt });
    case 'replied': {
      const reply = after.reply;
      if (!reply) return undefined;
      const due = before?.answerDueAt ?? after.answerDueAt;
      const use = templateUse(reply.content, ctx.replyTemplates ?? []);
      const f: EventFacts = {
        onTime: due ? e.at <= due : true,
        workDays: workingDaysSince(after.submittedAt, e.at, ctx.cal),
        fromTemplate: reply.fromTemplate || use.fromTemplate,
        templateOnly: use.templateOnly,
      };
      const replyDept = reply.departmentId ?? dept;
      return replyDept ? { departmentId: replyDept, ...f } : f;
    }
    case 'rated':
      return after.rating ? withDept({ score: after.rating.score, solved: after.rating.solved }) : undefined;
    case 'reopened':
    case 'overdue':
      return withDept({});
    case 'extension_approved':
      return withDept({});
    case 'publishable_set':
      return after.publishable && !before?.publishable ? withDept({}) : undefined;
    default:
      return undefined;
  }
}

/** The figure keys an event adds one to: overall (`all`) and for its department (`dept`). */
export function contributions(e: Pick<NewEvent, 'kind' | 'facts'>): { all: string[]; dept: string[] } {
  const f = e.facts;
  if (!f) return { all: [], dept: [] };
  const both = (...keys: string[]) => ({ all: keys, dept: keys });
  switch (e.kind) {
    case 'submitted':
      // A department receives a case when it is assigned to it; the agency when the citizen submits it.
      return { all: ['received'], dept: [] };
    case 'assigned':
    case 'reassigned':
      return { all: [], dept: ['received'] };
    case 'accepted':
    case 'rejected':
      return both('acceptDecided', ...(f.onTime ? ['acceptOnTime'] : []));
    case 'replied':
      return both(
        'answered',
        ...(f.onTime ? ['answeredOnTime'] : []),
        `wd${f.workDays ?? 0}`,
        ...(f.fromTemplate ? ['templated'] : []),
        ...(f.templateOnly ? ['templateOnly'] : []),
      );
    case 'rated':
      return f.score ? both(`score${f.score}`, ...(f.solved ? ['solved'] : [])) : { all: [], dept: [] };
    case 'reopened':
      return both('reopened');
    case 'overdue':
      return both('overdue');
    case 'extension_approved':
      return both('extensions');
    case 'publishable_set':
      return both('published');
    default:
      return { all: [], dept: [] };
  }
}

/**
 * One Shanghai day's figures, as stored in case_daily (id = day "20261125"); the same shape sums a week in
 * case_weekly (id and `day` = its Monday), so long periods read a document a week.
 */
export interface DailyDoc {
  _id: string;
  day: string;
  all: DayFigures;
  depts: Record<string, DayFigures>;
}

/** Adds `from` (a day, a week) into `into`, department by department. */
export function addDaily(into: DailyDoc, from: Pick<DailyDoc, 'all' | 'depts'>): DailyDoc {
  addFigures(into.all, from.all);
  for (const [dept, f] of Object.entries(from.depts ?? {})) into.depts[dept] = addFigures({ ...(into.depts[dept] ?? {}) }, f);
  return into;
}

export const dailyId = (instant: string): string => shanghaiDay(instant).replace(/-/g, '');

/** Adds the events' contributions into `docs` (by day id), creating days as needed. */
export function foldEvents(docs: Map<string, DailyDoc>, events: ReadonlyArray<Pick<NewEvent, 'kind' | 'facts' | 'at'>>): void {
  for (const e of events) {
    const c = contributions(e);
    if (c.all.length === 0 && c.dept.length === 0) continue;
    const id = dailyId(e.at);
    const doc = docs.get(id) ?? { _id: id, day: id, all: {}, depts: {} };
    for (const k of c.all) doc.all[k] = (doc.all[k] ?? 0) + 1;
    const dept = e.facts?.departmentId;
    if (dept && c.dept.length > 0) {
      const d = (doc.depts[dept] ??= {});
      for (const k of c.dept) d[k] = (d[k] ?? 0) + 1;
    }
    docs.set(id, doc);
  }
}

/** Sums figures (days into a period). */
export function addFigures(into: DayFigures, from: DayFigures | undefined): DayFigures {
  if (from) for (const [k, n] of Object.entries(from)) into[k] = (into[k] ?? 0) + n;
  return into;
}

/** The q-quantile (0..1) of working days to answer, from the `wd<N>` histogram; null when nothing was answered. */
export function workDaysQuantile(f: DayFigures, q: number): number | null {
  const hist: Array<[number, number]> = [];
  let total = 0;
  for (const [k, n] of Object.entries(f)) {
    if (!k.startsWith('wd') || n <= 0) continue;
    hist.push([Number(k.slice(2)), n]);
    total += n;
  }
  if (total === 0) return null;
  hist.sort((a, b) => a[0] - b[0]);
  // Nearest rank: the smallest value with at least q of the answers at or below it.
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const [days, n] of hist) {
    seen += n;
    if (seen >= rank) return days;
  }
  return hist[hist.length - 1]![0];
}

const n = (f: DayFigures, k: FigureKey) => f[k] ?? 0;
const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

export function ratedCount(f: DayFigures): number {
  return n(f, 'score1') + n(f, 'score2') + n(f, 'score3') + n(f, 'score4') + n(f, 'score5');
}

/** The rates of docs/statistics.md; null when the denominator is zero. */
export function rates(f: DayFigures) {
  const rated = ratedCount(f);
  const scoreSum = [1, 2, 3, 4, 5].reduce((s, k) => s + k * (f[`score${k}`] ?? 0), 0);
  return {
    acceptOnTime: ratio(n(f, 'acceptOnTime'), n(f, 'acceptDecided')),
    answerOnTime: ratio(n(f, 'answeredOnTime'), n(f, 'answered')),
    satisfied: ratio(n(f, 'score4') + n(f, 'score5'), rated),
    solved: ratio(n(f, 'solved'), rated),
    reopen: ratio(n(f, 'reopened'), n(f, 'answered')),
    templateOnly: ratio(n(f, 'templateOnly'), n(f, 'answered')),
    templated: ratio(n(f, 'templated'), n(f, 'answered')),
    averageScore: ratio(scoreSum, rated),
  };
}
