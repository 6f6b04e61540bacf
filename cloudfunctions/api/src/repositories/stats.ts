// The daily figures (case_daily, one document per Shanghai day: overall and per department), moved in the same
// transaction as the case events they count (docs/adr/0080-daily-figures-from-events.md), read by range for a period,
// and rebuilt from the events of a day when they must be checked or repaired.
import { addDays, endOfDay } from '../domain/calendar';
import type { CaseEventDoc } from '../domain/case-doc';
import { addFigures, foldEvents, type DailyDoc } from '../domain/case-figures';
import { _, COLLECTIONS, db } from '../lib/db';
import { txGet, withoutId, type Transaction } from '../lib/transaction';

/** Adds the events' contributions to their days' documents (events of one change share a day, so one document). */
export async function moveDailyFigures(tx: Transaction, events: readonly CaseEventDoc[]): Promise<void> {
  const delta = new Map<string, DailyDoc>();
  foldEvents(delta, events);
  for (const [id, add] of delta) {
    const stored = await txGet<DailyDoc>(tx, COLLECTIONS.caseDaily, id);
    const doc: DailyDoc = stored ? { ...stored, all: { ...stored.all }, depts: { ...stored.depts } } : { _id: id, day: id, all: {}, depts: {} };
    addFigures(doc.all, add.all);
    for (const [dept, f] of Object.entries(add.depts)) doc.depts[dept] = addFigures({ ...(doc.depts[dept] ?? {}) }, f);
    await tx.collection(COLLECTIONS.caseDaily).doc(id).set({ data: withoutId(doc) });
  }
}

/** The stored days from `from` to `to` inclusive ("20261101"), in order. A period is at most 366 days. */
export async function loadDays(from: string, to: string): Promise<DailyDoc[]> {
  const { data } = await db
    .collection(COLLECTIONS.caseDaily)
    .where({ day: _.gte(from).and(_.lte(to)) })
    .orderBy('day', 'asc')
    .limit(400)
    .get();
  return data as DailyDoc[];
}

export async function loadDay(id: string): Promise<DailyDoc | null> {
  const [doc] = await loadDays(id, id);
  return doc ?? null;
}

const PAGE = 500;
const isoDay = (id: string) => `${id.slice(0, 4)}-${id.slice(4, 6)}-${id.slice(6, 8)}`;

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
  return docs.get(id) ?? { _id: id, day: id, all: {}, depts: {} };
}

/** Replaces a day's stored figures by the ones rebuilt from its events (the repair for a suspected drift). */
export async function recomputeDay(id: string): Promise<DailyDoc> {
  const doc = await rebuildDay(id);
  await db.collection(COLLECTIONS.caseDaily).doc(id).set({ data: withoutId(doc) });
  return doc;
}
