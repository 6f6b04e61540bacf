// Turns a filter and a sort into SQL over one collection table. The WHERE part is only ever a superset pre-filter
// (mingo re-tests every candidate) unless the plan is `exact`; ORDER BY is pushed only where SQLite's order equals
// BSON order for every value the path has held.
import { conjunctsOf, type Filter } from './conditions';
import { SCALAR_CLASSES, T_ARRAY, T_MISSING, T_NULL, T_STRING, sqlScalar, valueExpr, type SqlKey } from './paths';

export type SortSpec = Array<[path: string, direction: 1 | -1]>;

export interface PathState {
  /** bit set of the type classes (paths.ts) ever stored at this path */
  classes: number;
  /** an array has appeared on the path: predicates go through the side table */
  multikey: boolean;
}

export interface PlannerContext {
  /** the collection's multikey side table */
  mkTable: string;
  /** every tracked path (declared index fields and _id) with what it has held */
  paths: ReadonlyMap<string, PathState>;
  /** leading fields of the declared indexes, plus _id */
  leading: ReadonlySet<string>;
}

export interface Plan {
  where: string[];
  params: SqlKey[];
  /** the SQL WHERE is equivalent to the filter: no mingo re-check needed */
  exact: boolean;
  /** an index (or the primary key, or the multikey side table) narrows or orders the rows */
  usedIndex: boolean;
  /** ORDER BY clause; empty when the sort is left to mingo */
  order: string;
  sortPushed: boolean;
  /** the sort mingo must apply (user sort + _id tie-break), null for natural (insertion) order */
  sort: SortSpec | null;
  /** multikey equalities every match must satisfy: a short posting list among them is a cheaper driver than the sort */
  postings: Posting[];
  /** the posting list chosen to drive the query (store.choosePlan) */
  driver?: Posting;
  /** top-level `$or`s whose every branch requires postings: each can be answered as an id set (store.choosePlan) */
  unions: PostingUnion[];
  /** the ids, from a union's id set, chosen to drive the query (store.choosePlan) */
  driverIds?: string[];
}

/**
 * An `$or` whose every branch requires multikey equalities (a search's `_.all(tokens)` per synonym branch): every match
 * is in the union over the branches of the intersection of their posting lists. Like MongoDB's index union for `$or`,
 * that id set can be computed from the side table alone and replace the `$or`'s SQL, which otherwise reads every
 * posting list in full for each row it tests.
 */
export interface PostingUnion {
  branches: Posting[][];
  /** the position of the `$or`'s SQL in `Plan.where`, and of its parameters in `Plan.params` */
  clause: number;
  paramStart: number;
  paramCount: number;
}

export interface Posting {
  path: string;
  key: SqlKey;
}

interface Part {
  sql: string[];
  params: SqlKey[];
  exact: boolean;
  indexed: boolean;
  postings?: Posting[];
  unions?: PostingUnion[];
}

const RANGE_SQL: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

function placeholders(n: number): string {
  return new Array(n).fill('?').join(',');
}

/** The SQL is exact when the path has only held values of the query's class (plus null/missing, which SQL never matches). */
function exactFor(state: PathState, cls: number): boolean {
  return (state.classes & ~(T_MISSING | T_NULL | cls)) === 0;
}

function scalarsOf(arg: unknown): Array<{ key: SqlKey; cls: number }> | null {
  if (!Array.isArray(arg)) return null;
  const out: Array<{ key: SqlKey; cls: number }> = [];
  for (const v of arg) {
    const s = sqlScalar(v);
    if (!s) return null;
    out.push(s);
  }
  return out;
}

function singleClass(values: Array<{ cls: number }>): number {
  const classes = values.reduce((acc, v) => acc | v.cls, 0);
  return classes & (classes - 1) ? 0 : classes;
}

function planId(state: PathState, op: string, arg: unknown): Part | null {
  const onlyStrings = (state.classes & ~T_STRING) === 0;
  const idScalar = (v: unknown): string | number | null => (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) ? v : null);
  if (op === '$eq' || op === '$all') {
    const values = op === '$all' ? (Array.isArray(arg) && arg.length > 0 ? arg : null) : [arg];
    if (!values) return null;
    const keys = values.map(idScalar);
    if (keys.some((k) => k === null)) return null;
    return {
      sql: keys.map(() => '"_id" = ?'),
      params: keys as SqlKey[],
      exact: op === '$eq' && onlyStrings && typeof keys[0] === 'string',
      indexed: true,
    };
  }
  if (op === '$in') {
    if (!Array.isArray(arg)) return null;
    const keys = arg.map(idScalar);
    if (keys.some((k) => k === null)) return null;
    if (keys.length === 0) return { sql: ['0'], params: [], exact: true, indexed: true };
    return {
      sql: [`"_id" IN (${placeholders(keys.length)})`],
      params: keys as SqlKey[],
      exact: onlyStrings && keys.every((k) => typeof k === 'string'),
      indexed: true,
    };
  }
  const cmp = RANGE_SQL[op];
  if (cmp && typeof arg === 'string') return { sql: [`"_id" ${cmp} ?`], params: [arg], exact: onlyStrings, indexed: true };
  return null;
}

function planMultikey(ctx: PlannerContext, path: string, op: string, arg: unknown): Part | null {
  const sub = (cond: string): string => `"_id" IN (SELECT id FROM "${ctx.mkTable}" WHERE path = ? AND k ${cond})`;
  if (op === '$eq') {
    const s = sqlScalar(arg);
    return s ? { sql: [sub('= ?')], params: [path, s.key], exact: false, indexed: true, postings: [{ path, key: s.key }] } : null;
  }
  if (op === '$in') {
    const values = scalarsOf(arg);
    if (!values) return null;
    if (values.length === 0) return { sql: ['0'], params: [], exact: true, indexed: true };
    return { sql: [sub(`IN (${placeholders(values.length)})`)], params: [path, ...values.map((v) => v.key)], exact: false, indexed: true };
  }
  if (op === '$all') {
    const values = scalarsOf(arg);
    if (!values || values.length === 0) return null;
    return {
      sql: values.map(() => sub('= ?')),
      params: values.flatMap((v) => [path, v.key]),
      exact: false,
      indexed: true,
      postings: values.map((v) => ({ path, key: v.key })),
    };
  }
  const cmp = RANGE_SQL[op];
  const s = cmp ? sqlScalar(arg) : null;
  return cmp && s ? { sql: [sub(`${cmp} ?`)], params: [path, s.key], exact: false, indexed: true } : null;
}

function planScalarPath(ctx: PlannerContext, state: PathState, path: string, op: string, arg: unknown): Part | null {
  const expr = valueExpr(path);
  const indexed = ctx.leading.has(path);
  if (op === '$eq') {
    const s = sqlScalar(arg);
    return s ? { sql: [`${expr} = ?`], params: [s.key], exact: exactFor(state, s.cls), indexed } : null;
  }
  if (op === '$in') {
    const values = scalarsOf(arg);
    if (!values) return null;
    if (values.length === 0) return { sql: ['0'], params: [], exact: true, indexed };
    const cls = singleClass(values);
    return {
      sql: [`${expr} IN (${placeholders(values.length)})`],
      params: values.map((v) => v.key),
      exact: cls !== 0 && exactFor(state, cls),
      indexed,
    };
  }
  if (op === '$all') {
    // MongoDB matches `$all: [x]` against a scalar x, mingo does not: never exact, mingo decides.
    const values = scalarsOf(arg);
    if (!values || values.length === 0) return null;
    return { sql: values.map(() => `${expr} = ?`), params: values.map((v) => v.key), exact: false, indexed };
  }
  const cmp = RANGE_SQL[op];
  const s = cmp ? sqlScalar(arg) : null;
  return cmp && s ? { sql: [`${expr} ${cmp} ?`], params: [s.key], exact: exactFor(state, s.cls), indexed } : null;
}

function planField(ctx: PlannerContext, path: string, op: string, arg: unknown): Part | null {
  const state = ctx.paths.get(path);
  if (!state) return null;
  if (path === '_id') return planId(state, op, arg);
  if (state.multikey) return planMultikey(ctx, path, op, arg);
  return planScalarPath(ctx, state, path, op, arg);
}

function planConjunction(ctx: PlannerContext, filter: Filter): Part {
  const part: Part = { sql: [], params: [], exact: true, indexed: false, postings: [], unions: [] };
  const add = (p: Part): void => {
    part.sql.push(...p.sql);
    part.params.push(...p.params);
    part.exact &&= p.exact;
    part.indexed ||= p.indexed;
    if (p.postings) part.postings!.push(...p.postings);
  };
  for (const c of conjunctsOf(filter)) {
    if (c.kind === 'field') {
      const p = planField(ctx, c.path, c.op, c.arg);
      if (p) add(p);
      else part.exact = false;
    } else if (c.kind === 'or') {
      const branches = c.branches.map((b) => planConjunction(ctx, b));
      if (branches.length > 0 && branches.every((b) => b.sql.length > 0)) {
        // A branch's postings are not required of every match: they do not propagate out of an $or, but together
        // they bound it.
        if (branches.every((b) => (b.postings?.length ?? 0) > 0)) {
          const paramCount = branches.reduce((n, b) => n + b.params.length, 0);
          part.unions!.push({ branches: branches.map((b) => b.postings!), clause: part.sql.length, paramStart: part.params.length, paramCount });
        }
        add({
          sql: [`(${branches.map((b) => `(${b.sql.join(' AND ')})`).join(' OR ')})`],
          params: branches.flatMap((b) => b.params),
          exact: branches.every((b) => b.exact),
          indexed: branches.every((b) => b.indexed),
        });
      } else {
        part.exact = false;
      }
    } else {
      part.exact = false;
    }
  }
  return part;
}

/** SQLite orders like BSON on this path: at most one scalar class, and not both null and missing (mingo puts missing first). */
function sortableClasses(path: string, classes: number): boolean {
  if (path === '_id') return (classes & ~T_STRING) === 0;
  if ((classes & (T_MISSING | T_NULL)) === (T_MISSING | T_NULL)) return false;
  const values = classes & ~(T_MISSING | T_NULL);
  return (values & ~SCALAR_CLASSES) === 0 && (values & (values - 1)) === 0;
}

/** Ties are broken by _id in the direction of the last sort key, so the SQL and mingo paths agree on every page. */
export function effectiveSort(sort: SortSpec | undefined): SortSpec | null {
  if (!sort || sort.length === 0) return null;
  if (sort.some(([p]) => p === '_id')) return sort;
  return [...sort, ['_id', sort[sort.length - 1]![1]]];
}

export function planQuery(ctx: PlannerContext, filter: Filter | undefined, sort?: SortSpec): Plan {
  const where = planConjunction(ctx, filter ?? {});
  const effective = effectiveSort(sort);
  const base = { where: where.sql, params: where.params, exact: where.exact, postings: where.postings ?? [], unions: where.unions ?? [] };
  if (!effective) return { ...base, usedIndex: where.indexed, order: 'ORDER BY rowid', sortPushed: true, sort: null };
  const terms: string[] = [];
  for (const [path, dir] of effective) {
    const state = ctx.paths.get(path);
    if (!state || state.multikey || (state.classes & T_ARRAY) || !sortableClasses(path, state.classes)) {
      return { ...base, usedIndex: where.indexed, order: '', sortPushed: false, sort: effective };
    }
    terms.push(`${valueExpr(path)} ${dir === 1 ? 'ASC' : 'DESC'}`);
  }
  const sortIndexed = ctx.leading.has(effective[0]![0]);
  return { ...base, usedIndex: where.indexed || sortIndexed, order: `ORDER BY ${terms.join(', ')}`, sortPushed: true, sort: effective };
}
