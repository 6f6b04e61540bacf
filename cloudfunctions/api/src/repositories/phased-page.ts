// A page of a list answered in phases (title hits, then body hits; open drafts, then ended ones): each phase is one
// indexed query ordered by a unique string key, and the cursor remembers the phase and the last key seen. A page that
// drains a phase continues in the next one, so pages are full whatever the phases' sizes.
import { decodeCursor, encodeCursor } from '../domain/policies/cursor';
import { _, db } from '../lib/db';

type Bound = ['gt' | 'gte' | 'lt' | 'lte', string];
/** A query condition beyond field equality: an object of field conditions, or a logic command (_.or, _.and). */
export type Condition = Record<string, unknown> | ReturnType<typeof _.or>;

export interface Phase {
  where: Record<string, unknown>;
  /** The unique sort key field, with its direction. */
  key: string;
  dir: 1 | -1;
  /** Bounds on the key that belong to the phase itself (e.g. "closes after now"). */
  bounds?: Bound[];
  /** Conditions beyond field equality (a search's $or of token sets), joined to `where` with `_.and`. */
  also?: Condition[];
}

export interface PhasedPageRequest {
  collection: string;
  phases: Phase[];
  limit: number;
  cursor?: string;
  /** Fields to leave out of the answer (token arrays), as `.field()` takes them. */
  omit?: string[];
}

export interface PhasedPage<T> {
  docs: Array<T & { phase: number }>;
  nextCursor: string | null;
}

function keyCondition(bounds: Bound[]): unknown {
  const [first, ...rest] = bounds.map(([op, value]) => _[op](value));
  return rest.length ? first!.and(...rest) : first;
}

export async function phasedPage<T extends Record<string, unknown>>(req: PhasedPageRequest): Promise<PhasedPage<T>> {
  const cursor = decodeCursor(req.cursor, req.phases.length);
  const out: Array<T & { phase: number }> = [];
  const projection = req.omit?.length ? Object.fromEntries(req.omit.map((f) => [f, false])) : null;
  for (let p = cursor.p; p < req.phases.length; p++) {
    const phase = req.phases[p]!;
    const need = req.limit - out.length;
    const bounds: Bound[] = [...(phase.bounds ?? [])];
    if (p === cursor.p && cursor.k !== undefined) bounds.push([phase.dir === 1 ? 'gt' : 'lt', cursor.k]);
    const filter = bounds.length ? { ...phase.where, [phase.key]: keyCondition(bounds) } : phase.where;
    const where = phase.also?.length ? _.and(filter, ...phase.also) : filter;
    let query = db
      .collection(req.collection)
      .where(where)
      .orderBy(phase.key, phase.dir === 1 ? 'asc' : 'desc')
      .limit(need + 1);
    if (projection) query = query.field(projection);
    const { data } = await query.get();
    const docs = (data as T[]).map((d) => ({ ...d, phase: p }));
    if (docs.length > need) {
      out.push(...docs.slice(0, need));
      const last = out[out.length - 1]!;
      return { docs: out, nextCursor: encodeCursor({ p, k: String(last[phase.key]) }) };
    }
    out.push(...docs);
    if (out.length === req.limit) {
      return { docs: out, nextCursor: p + 1 < req.phases.length ? encodeCursor({ p: p + 1 }) : null };
    }
  }
  return { docs: out, nextCursor: null };
}

/**
 * A keyword search in two phases over the token indexes (docs/adr/0030-policy-search-ranking.md): records whose title
 * tokens hold every token, by `key`; then those that hold them only in the rest of their text, by `key`.
 */
export function titleThenTextPhases(where: Record<string, unknown>, tokens: string[], key: string, dir: 1 | -1): Phase[] {
  return [
    { where: { ...where, titleTokens: _.all(tokens) }, key, dir },
    { where: { ...where, searchTokens: _.all(tokens), titleTokens: _.not(_.all(tokens)) }, key, dir },
  ];
}
