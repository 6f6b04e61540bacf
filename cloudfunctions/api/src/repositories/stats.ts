// The daily figures (case_daily, one document per Shanghai day: overall and per department) and their weekly and
// monthly sums (case_weekly, one per Monday; case_monthly, one per month), moved in the same transaction as the case
// events they count
// (docs/adr/0080-daily-figures-from-events.md), read by range for a period, and rebuilt from the events of a day when
// they must be checked or repaired.
import { addDays, endOfDay } from '../domain/calendar';
import type { CaseEventDoc } from '../domain/case-doc';
import { addDaily, foldEvents, type DailyDoc } from '../domain/case-figures';
import { compactDay, isoDay, monthDays, monthIdOf, weekIdOf, type Cover } from '../domain/stats-period';
import { _, COLLECTIONS, db } from '../lib/db';
import { txGet, withoutId, type Transaction } from '../lib/transaction';
import { forget, recall, remember } from './closed-figures';

const emptyDoc = (id: string): DailyDoc => ({ _id: id, day: id, all: {}, depts: {} });
const copy = (d: DailyDoc): DailyDoc => ({ ...d, all: { ...d.all }, depts: { ...d.depts } });

export { monthIdOf, weekIdOf };

async function addInto(tx: Transaction, collection: string, id: string, add: DailyDoc): Promise<void> {
  const stored = await txGet<DailyDoc>(tx, collection, id);
  const doc = addDaily(stored ? copy(stored) : emptyDoc(id), add);
  await tx.collection(collection).doc(id).set({ data: withoutId(doc) });
  forget(collection, id);
}

/** Adds the events' contributions to their day's, week's and month's documents (events of one change share a day). */
export async function moveDailyFigures(tx: Transaction, events: readonly CaseEventDoc[]): Promise<void> {
  const delta = new Map<string, DailyDoc>();
  foldEvents(delta, events);
  for (const [id, add] of delta) {
    await addInto(tx, COLLECTIONS.caseDaily, id, add);
    await addInto(tx, COLLECTIONS.caseWeekly, weekIdOf(id), add);
    await addInto(tx, COLLECTIONS.caseMonthly, monthIdOf(id), add);
  }
}

/**
 * What a read keeps of each document: everything, or the day and one scope's figures (`all`, or one department's),
 * which is all a chart's points need and a tenth of a document.
 */
export type Fields = 'whole' | { departmentId?: string };

/** How a read goes: cut to `fields`; with `today` ("20261125"), documents of closed periods kept by the instance are used (closed-figures.ts). */
export interface ReadOptions {
  fields?: Fields;
  today?: string;
}

const cutOf = (fields: Fields): string => (fields === 'whole' ? '*' : (fields.departmentId ?? ''));

function projection(fields: Fields): Record<string, true> | null {
  if (fields === 'whole') return null;
  return fields.departmentId ? { day: true, [`depts.${fields.departmentId}`]: true } : { day: true, all: true };
}

async function read(collection: string, where: Record<string, unknown>, fields: Fields): Promise<DailyDoc[]> {
  const fieldSpec = projection(fields);
  const query = db.collection(collection).where(where);
  const { data } = await (fieldSpec ? query.field(fieldSpec) : query).orderBy('day', 'asc').limit(400).get();
  return data as DailyDoc[];
}

function range(collection: string, from: string, to: string, fields: Fields): Promise<DailyDoc[]> {
  if (from > to) return Promise.resolve([]);
  return read(collection, { day: _.gte(from).and(_.lte(to)) }, fields);
}

/** The ids from `from` to `to` inclusive, `step` days apart. */
function idsBetween(from: string, to: string, step: number): string[] {
  const ids: string[] = [];
  for (let d = isoDay(from); compactDay(d) <= to; d = addDays(d, step)) ids.push(compactDay(d));
  return ids;
}

/** The stored days from `from` to `to` inclusive ("20261101"), in order. A period is at most 366 days. */
export function loadDays(from: string, to: string, fields: Fields = 'whole', options: Pick<ReadOptions, 'today'> = {}): Promise<DailyDoc[]> {
  if (options.today) return some(COLLECTIONS.caseDaily, idsBetween(from, to, 1), { fields, today: options.today });
  return range(COLLECTIONS.caseDaily, from, to, fields);
}

/** The stored weeks whose Mondays are `from` to `to` inclusive. */
export function loadWeeks(fromMonday: string, toMonday: string, fields: Fields = 'whole', options: Pick<ReadOptions, 'today'> = {}): Promise<DailyDoc[]> {
  if (options.today) return some(COLLECTIONS.caseWeekly, idsBetween(fromMonday, toMonday, 7), { fields, today: options.today });
  return range(COLLECTIONS.caseWeekly, fromMonday, toMonday, fields);
}

/** The stored months whose first days are `from` to `to` inclusive ("20261101"). */
export function loadMonths(fromFirst: string, toFirst: string, fields: Fields = 'whole'): Promise<DailyDoc[]> {
  return range(COLLECTIONS.caseMonthly, fromFirst, toFirst, fields);
}

const byDayAsc = (a: DailyDoc, b: DailyDoc) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0);

async function some(collection: string, ids: readonly string[], { fields = 'whole', today }: ReadOptions): Promise<DailyDoc[]> {
  if (!today) return ids.length === 0 ? [] : read(collection, { day: _.in([...ids]) }, fields);
  const { known, unknown } = recall(collection, ids, cutOf(fields), today);
  const fresh = unknown.length === 0 ? [] : await read(collection, { day: _.in(unknown) }, fields);
  remember(collection, unknown, fresh, cutOf(fields), today);
  return known.length === 0 ? fresh : [...known, ...fresh].sort(byDayAsc);
}

/** The documents of a cover (stats-period.ts `cover`), by kind: their sum is the period's figures. */
export async function loadCoverDocs(c: Cover, options: ReadOptions = {}): Promise<{ months: DailyDoc[]; weeks: DailyDoc[]; days: DailyDoc[] }> {
  const [months, weeks, days] = await Promise.all([some(COLLECTIONS.caseMonthly, c.months, options), some(COLLECTIONS.caseWeekly, c.weeks, options), some(COLLECTIONS.caseDaily, c.days, options)]);
  return { months, weeks, days };
}

/** The documents of a cover in one list. */
export async function loadCover(c: Cover, options: ReadOptions = {}): Promise<DailyDoc[]> {
  const { months, weeks, days } = await loadCoverDocs(c, options);
  return [...months, ...weeks, ...days];
}

const PAGE = 500;

/**
 * A day's figures recomputed from the case events written that day (Shanghai time), without touching the stored
 * ones: what the maintained document must equal. Events are read by instant in pages; ties at one instant are
 * read together, so a page boundary cannot drop or repeat one.
 */
export async function rebuildDay(id: string): Promise<DailyDoc> {
  const start = new Date(endOfDay(addDays(isoDay(id), -1)).getTime() + 1).toISOString();
  const end = endOfDay(isoDay(id)).toISOString();
  const docs = new Map<string, DailyDoc>();
  const seen = new Set<string>();
  let from = start;
  for (;;) {
    const { data } = await db
      .collection(COLLECTIONS.caseEvents)
      .where({ at: _.gte(from).and(_.lte(end)) })
      .orderBy('at', 'asc')
      .limit(PAGE)
      .get();
    const events = (data as CaseEventDoc[]).filter((e) => !seen.has(e._id));
    for (const e of events) seen.add(e._id);
    foldEvents(docs, events);
    if (data.length < PAGE) break;
    const last = (data[data.length - 1] as CaseEventDoc).at;
    if (last === from && events.length === 0) throw new Error(`more than ${PAGE} case events at ${from}`);
    from = last;
  }
  return docs.get(id) ?? emptyDoc(id);
}

/** A week's figures as the sum of its seven rebuilt days. */
export async function rebuildWeek(mondayId: string): Promise<DailyDoc> {
  const week = emptyDoc(mondayId);
  for (let i = 0; i < 7; i++) addDaily(week, await rebuildDay(compactDay(addDays(isoDay(mondayId), i))));
  return week;
}

/** A month's figures as the sum of its rebuilt days. */
export async function rebuildMonth(firstId: string): Promise<DailyDoc> {
  const month = emptyDoc(firstId);
  const { from, to } = monthDays(isoDay(firstId).slice(0, 7));
  for (let d = from; d <= to; d = addDays(d, 1)) addDaily(month, await rebuildDay(compactDay(d)));
  return month;
}

/** Replaces a day's stored figures, and its week's and month's, by the ones rebuilt from the events (the repair for a drift). */
export async function recomputeDay(id: string): Promise<DailyDoc> {
  const doc = await rebuildDay(id);
  await db.collection(COLLECTIONS.caseDaily).doc(id).set({ data: withoutId(doc) });
  forget(COLLECTIONS.caseDaily, id);
  const weekId = weekIdOf(id);
  await db.collection(COLLECTIONS.caseWeekly).doc(weekId).set({ data: withoutId(await rebuildWeek(weekId)) });
  forget(COLLECTIONS.caseWeekly, weekId);
  const monthId = monthIdOf(id);
  await db.collection(COLLECTIONS.caseMonthly).doc(monthId).set({ data: withoutId(await rebuildMonth(monthId)) });
  forget(COLLECTIONS.caseMonthly, monthId);
  return doc;
}
