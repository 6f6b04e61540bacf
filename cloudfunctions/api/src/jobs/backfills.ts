// The data back-fills of domain/backfills.ts, run by the `tick` trigger after a deploy: each walks its collection in
// _id order, a batch at a time, and patches only the documents that lack what it supplies. Progress (the last _id,
// done) is kept per back-fill in `backfills`, so a run stopped by the time limit resumes on the next tick, and a
// finished one is skipped. A patch is written only if the document's version is still the one read: an editor's save
// in between already wrote the derived fields itself (docs/adr/0151-data-backfills-by-timer.md).
import { BACKFILLS, type Backfill } from '../domain/backfills';
import { _, COLLECTIONS, db } from '../lib/db';

const BATCH = 100;
/** Well within the function's 20 s timeout, beside the tick's other jobs. */
const BUDGET_MS = 5_000;

interface Progress {
  _id: string;
  after: string;
  done: boolean;
  changed: number;
}

async function patchOne(b: Backfill, doc: Record<string, unknown>, nowIso: string): Promise<boolean> {
  const data = b.patch(doc, nowIso);
  if (!data) return false;
  const id = String(doc._id);
  const where = typeof doc.version === 'number' ? { _id: id, version: doc.version } : { _id: id };
  const { stats } = await db.collection(b.collection).where(where).update({ data });
  return stats.updated > 0;
}

/** One back-fill until done or the deadline; returns how many documents it changed in this run. */
async function runOne(b: Backfill, saved: Progress | undefined, now: Date, deadline: number): Promise<number> {
  if (saved?.done) return 0;
  const progress: Progress = saved ?? { _id: b.name, after: '', done: false, changed: 0 };
  let changed = 0;
  while (!progress.done && Date.now() < deadline) {
    const { data } = await db
      .collection(b.collection)
      .where(progress.after ? { _id: _.gt(progress.after) } : {})
      .orderBy('_id', 'asc')
      .limit(BATCH)
      .get();
    const docs = data as Array<Record<string, unknown>>;
    for (const doc of docs) if (await patchOne(b, doc, now.toISOString())) changed++;
    if (docs.length) progress.after = String(docs[docs.length - 1]!._id);
    progress.done = docs.length < BATCH;
    await db.collection(COLLECTIONS.backfills).doc(b.name).set({ data: { after: progress.after, done: progress.done, changed: progress.changed + changed } });
  }
  return changed;
}

/** Every back-fill's progress in one read: once all are done (most ticks after a deploy), that read is the job's only cost. */
async function progressOf(): Promise<Map<string, Progress>> {
  const names = BACKFILLS.map((b) => b.name);
  const { data } = await db.collection(COLLECTIONS.backfills).where({ _id: _.in(names) }).limit(names.length).get();
  return new Map((data as Progress[]).map((p) => [p._id, p]));
}

/** Timer job: every unfinished back-fill, in the order listed. Counts per back-fill of the documents changed. */
export async function runBackfills(now: Date, budgetMs = BUDGET_MS): Promise<Record<string, number>> {
  const deadline = Date.now() + budgetMs;
  const saved = await progressOf();
  const out: Record<string, number> = {};
  for (const b of BACKFILLS) out[b.name] = await runOne(b, saved.get(b.name), now, deadline);
  return out;
}
