// The top-level conjunction of a Mongo filter, flattened: what the planner may push into SQL and what strict mode
// checks against the declared indexes. Everything else stays with mingo.
import { isDate, isRegExp } from '../ejson';

export type Filter = Record<string, unknown>;

export type Conjunct =
  /** `op` is a query operator; a literal `{f: v}` is `$eq` (a RegExp literal is `$regex`). */
  | { kind: 'field'; path: string; op: string; arg: unknown }
  | { kind: 'or'; branches: Filter[] }
  | { kind: 'other'; key: string };

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !isDate(v) && !isRegExp(v);
}

function isOperatorObject(v: unknown): v is Record<string, unknown> {
  if (!isPlainObject(v)) return false;
  const keys = Object.keys(v);
  return keys.length > 0 && keys[0]!.startsWith('$');
}

export function conjunctsOf(filter: Filter | undefined): Conjunct[] {
  const out: Conjunct[] = [];
  collect(filter ?? {}, out);
  return out;
}

function collect(filter: Filter, out: Conjunct[]): void {
  for (const key of Object.keys(filter)) {
    const value = filter[key];
    if (key === '$and' && Array.isArray(value)) {
      for (const item of value) {
        if (isPlainObject(item)) collect(item, out);
        else out.push({ kind: 'other', key });
      }
    } else if (key === '$or' && Array.isArray(value) && value.every(isPlainObject)) {
      out.push({ kind: 'or', branches: value as Filter[] });
    } else if (key.startsWith('$')) {
      out.push({ kind: 'other', key });
    } else if (isOperatorObject(value)) {
      for (const op of Object.keys(value)) {
        out.push({ kind: 'field', path: key, op, arg: value[op] });
        if (op === '$elemMatch' && isPlainObject(value[op])) impliedByElemMatch(key, value[op], out);
      }
    } else if (isRegExp(value)) {
      out.push({ kind: 'field', path: key, op: '$regex', arg: value });
    } else {
      out.push({ kind: 'field', path: key, op: '$eq', arg: value });
    }
  }
}

/**
 * What an $elemMatch implies for single paths, so an index on `items.sku` can serve
 * `{items: {$elemMatch: {sku: 'B', n: 1}}}` as it does in MongoDB. A superset only: the element must satisfy every
 * condition at once, which mingo still checks.
 */
function impliedByElemMatch(path: string, cond: Record<string, unknown>, out: Conjunct[]): void {
  if (isOperatorObject(cond)) {
    for (const op of Object.keys(cond)) if (op !== '$elemMatch') out.push({ kind: 'field', path, op, arg: cond[op] });
    return;
  }
  for (const key of Object.keys(cond)) {
    if (key.startsWith('$')) continue;
    const v = cond[key];
    if (isOperatorObject(v)) for (const op of Object.keys(v)) out.push({ kind: 'field', path: `${path}.${key}`, op, arg: v[op] });
    else if (!isRegExp(v)) out.push({ kind: 'field', path: `${path}.${key}`, op: '$eq', arg: v });
  }
}

/** Operators an index on the field can answer (Mongo: equality, ranges, membership, element match). */
export const INDEX_EQUALITY_OPS = new Set(['$eq', '$in', '$all', '$elemMatch']);
export const INDEX_RANGE_OPS = new Set(['$gt', '$gte', '$lt', '$lte']);

export function isIndexConstraining(op: string): boolean {
  return INDEX_EQUALITY_OPS.has(op) || INDEX_RANGE_OPS.has(op);
}
