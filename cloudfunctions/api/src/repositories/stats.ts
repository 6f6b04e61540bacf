// The daily figures (case_daily, one document per Shanghai day: overall and per department) and their weekly sums
// (case_weekly, one per Monday), moved in the same transaction as the case events they count
// (docs/adr/0080-daily-figures-from-events.md), read by range for a period, and rebuilt from the events of a day when
// they must be checked or repaired.
import { addDays, endOfDay } from '../domain/calendar';
import type { CaseEventDoc } from '../domain/case-doc';
import { addDaily, foldEvents, type DailyDoc } from '../domain/case-figures';
import { compactDay, isoDay, mondayOf } from '../domain/stats-period';
import { _, COLLECTIONS, db } from '../lib/db';
import { txGet, withoutId, type Transaction } from '../lib/transaction';

const emptyDoc = (id: string): DailyDoc => ({ _id: id, day: id, all: {}, depts: {} });
const copy = (d: DailyDoc): DailyDoc => ({ ...d, all: { ...d.all }, depts: { ...d.depts } });

/** The Monday ("20261123") of a day id's week: the case_weekly id. */
export const weekIdOf = (dayId: string): string => compactDay(mondayOf(isoDay(dayId)));

async function addInto(tx: Transaction, collection: string, id: string, add: DailyDoc): Promise<void> {
  const stored = await txGet<DailyDoc>(tx, collection, id);
  const doc = addDaily(stored ? copy(stored) : emptyDoc(id), add);
  await tx.collection(collection).doc(id).set({ data: withoutId(doc) });
}

/** Adds the events' contributions to their day's and week's documents (events of one change share a day). */
export async function moveDailyFigures(tx: Transaction, events: readonly CaseEventDoc[]): Promise<void> {
  const delta = new Map<string, DailyDoc>();
  foldEvents(delta, events);
  for (const [id, add] of delta) {
    await addInto(tx, COLLECTIONS.caseDaily, id, add);
    await addInto(tx, COLLECTIONS.caseWeekly, weekIdOf(id), add);
  }
}

async function range(collection: string, from: string, to: string): Promise<DailyDoc[]> {
  if (from > to) return [];
  const { data } = await db
    .collection(collection)
    .where({ day: _.gte(from).and(_.lte(to)) })
    .orderBy('day', 'asc')
    .limit(400)
    .get();
  return data as DailyDoc[];
}

/** The stored days from `from` to `to` inclusive ("20261101"), in order. A period is at most 366 days. */
export function loadDays(from: string, to: string): Promise<DailyDoc[]> {
  return range(COLLECTIONS.caseDaily, from, to);
}

/** The stored weeks whose Mondays are `from` to `to` inclusive. */
export function loadWeeks(fromMonday: string, toMonday: string): Promise<DailyDoc[]> {
  return range(COLLECTIONS.caseWeekly, fromMonday, toMonday);
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

/** Replaces a day's stored figures, and its week's, by the ones rebuilt from the events (the repair for a drift). */
export async function recomputeDay(id: string): Promise<DailyDoc> {
  const doc = await rebuildDay(id);
  await db.collection(COLLECTIONS.caseDaily).doc(id).set({ data: withoutId(doc) });
  const weekId = weekIdOf(id);
  await db.collection(COLLECTIONS.caseWeekly).doc(weekId).set({ data: withoutId(await rebuildWeek(weekId)) });
  return doc;
}
