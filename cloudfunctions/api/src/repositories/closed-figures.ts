// The figure documents of days, weeks and months that ended before today (Shanghai) no longer change: an event counts
// on the day it is written (docs/adr/0080), so only a repair (recomputeDay) or a clock running behind rewrites one.
// A warm instance keeps those it read, as cut, for the configuration cache's TTL (lib/warm-cache.ts, ADR 0007;
// `CONFIG_CACHE_TTL_MS=0` turns both off), and forgets the ones it writes itself; today's, this week's and this
// month's are always read. The kept documents are shared by the requests that read them: readers sum them, never
// change them. docs/adr/0098-dashboard-reads-cut-and-closed-figures-kept.md
import { addDays } from '../domain/calendar';
import type { DailyDoc } from '../domain/case-figures';
import { compactDay, isoDay, monthDays } from '../domain/stats-period';
import { COLLECTIONS } from '../lib/db';
import { ttlMs } from '../lib/warm-cache';

interface Kept {
  until: number;
  /** null: no document is stored for that id (a day without figures) */
  doc: DailyDoc | null;
}

/** Past this many documents the instance starts afresh rather than tracking ages: a year of every cut is far less. */
const MAX_KEPT = 20_000;
/** By `collection/id`, then by cut ('*' whole, '' the agency's, or a department's id). */
const kept = new Map<string, Map<string, Kept>>();
let size = 0;

/** The last day ("20261129") a document of the collection covers. */
function lastDay(collection: string, id: string): string {
  if (collection === COLLECTIONS.caseWeekly) return compactDay(addDays(isoDay(id), 6));
  if (collection === COLLECTIONS.caseMonthly) return compactDay(monthDays(isoDay(id).slice(0, 7)).to);
  return id;
}

/** Of `ids`, the kept documents of closed periods, and the ids still to read. */
export function recall(collection: string, ids: readonly string[], cut: string, today: string): { known: DailyDoc[]; unknown: string[] } {
  if (ttlMs() <= 0) return { known: [], unknown: [...ids] };
  // Real time, as in warm-cache.ts: the local cloud's clock may stand still or jump, an entry's age may not.
  const now = Date.now();
  const known: DailyDoc[] = [];
  const unknown: string[] = [];
  for (const id of ids) {
    const hit = lastDay(collection, id) < today ? kept.get(`${collection}/${id}`)?.get(cut) : undefined;
    if (hit && hit.until > now) {
      if (hit.doc) known.push(hit.doc);
    } else {
      unknown.push(id);
    }
  }
  return { known, unknown };
}

/** Keeps what was read of `ids` (`docs`, absent ones as such) where the period is closed. */
export function remember(collection: string, ids: readonly string[], docs: readonly DailyDoc[], cut: string, today: string): void {
  const ttl = ttlMs();
  if (ttl <= 0) return;
  if (size > MAX_KEPT) {
    kept.clear();
    size = 0;
  }
  const byDay = new Map(docs.map((d) => [d.day, d]));
  const until = Date.now() + ttl;
  for (const id of ids) {
    if (lastDay(collection, id) >= today) continue;
    const key = `${collection}/${id}`;
    let cuts = kept.get(key);
    if (!cuts) kept.set(key, (cuts = new Map()));
    if (!cuts.has(cut)) size++;
    cuts.set(cut, { until, doc: byDay.get(id) ?? null });
  }
}

/** Forgets a document this instance writes, every cut of it. */
export function forget(collection: string, id: string): void {
  size -= kept.get(`${collection}/${id}`)?.size ?? 0;
  kept.delete(`${collection}/${id}`);
}
