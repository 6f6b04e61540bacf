// Field paths as SQLite sees them, and the type classes we track per indexed path. SQLite orders values by storage
// class (NULL < numbers < text), BSON by type bracket; the two agree only inside one class, so pushdown decisions
// depend on which classes a path has ever held.
import { isDate, isRegExp } from '../ejson';

export const T_MISSING = 1;
export const T_NULL = 2;
export const T_NUMBER = 4;
export const T_STRING = 8;
export const T_BOOL = 16;
export const T_DATE = 32;
export const T_OBJECT = 64;
export const T_ARRAY = 128;

/** The classes whose SQLite order equals BSON order (dates as epoch ms, booleans as 0/1). */
export const SCALAR_CLASSES = T_NUMBER | T_STRING | T_BOOL | T_DATE;

export type SqlKey = number | string;

/** Paths we can address with json_extract and index: plain names, no array positions, no quoting hazards. */
export function isPushablePath(path: string): boolean {
  if (path === '_id') return true;
  return path
    .split('.')
    .every((seg) => seg.length > 0 && !/^\d+$/.test(seg) && !seg.startsWith('$') && !/["'\\]/.test(seg) && ![...seg].some((ch) => ch.charCodeAt(0) < 0x20));
}

function jsonPath(segments: string[]): string {
  return '$' + segments.map((s) => `."${s}"`).join('');
}

/** The SQL expression of a path's value: dates (stored as {"$date": ms}) read as their ms. Index and query use the same text. */
export function valueExpr(path: string): string {
  if (path === '_id') return '"_id"';
  const segments = path.split('.');
  return `coalesce(json_extract(doc,'${jsonPath([...segments, '$date'])}'),json_extract(doc,'${jsonPath(segments)}'))`;
}

export function classOf(v: unknown): number {
  if (v === undefined) return T_MISSING;
  if (v === null) return T_NULL;
  switch (typeof v) {
    case 'number':
      return T_NUMBER;
    case 'string':
      return T_STRING;
    case 'boolean':
      return T_BOOL;
    default:
      break;
  }
  if (isDate(v)) return T_DATE;
  if (Array.isArray(v)) return T_ARRAY;
  return T_OBJECT;
}

/** A query value we may bind in SQL, with the class it belongs to; null when the value is not a plain scalar. */
export function sqlScalar(v: unknown): { key: SqlKey; cls: number } | null {
  switch (typeof v) {
    case 'number':
      return Number.isFinite(v) ? { key: v, cls: T_NUMBER } : null;
    case 'string':
      return { key: v, cls: T_STRING };
    case 'boolean':
      return { key: v ? 1 : 0, cls: T_BOOL };
    default:
      break;
  }
  if (isDate(v) && Number.isFinite(v.getTime())) return { key: v.getTime(), cls: T_DATE };
  return null;
}

export interface PathInspection {
  classes: number;
  /** every scalar reachable at the path, arrays flattened at every level: a superset of what Mongo's multikey index holds */
  keys: SqlKey[];
}

/** Walks `doc` along `segments` the way a multikey index does (arrays are entered at every level). */
export function inspectPath(doc: unknown, segments: string[]): PathInspection {
  const out: PathInspection = { classes: 0, keys: [] };
  visit(doc, segments, 0, out);
  return out;
}

function emitLeaf(v: unknown, out: PathInspection): void {
  if (Array.isArray(v)) {
    out.classes |= T_ARRAY;
    for (const el of v) emitLeaf(el, out);
    return;
  }
  out.classes |= classOf(v);
  const scalar = sqlScalar(v);
  if (scalar) out.keys.push(scalar.key);
}

function visit(v: unknown, segments: string[], i: number, out: PathInspection): void {
  if (i === segments.length) {
    emitLeaf(v, out);
    return;
  }
  if (Array.isArray(v)) {
    out.classes |= T_ARRAY;
    if (v.length === 0) out.classes |= T_MISSING;
    for (const el of v) visit(el, segments, i, out);
    return;
  }
  if (v !== null && typeof v === 'object' && !isDate(v) && !isRegExp(v)) {
    const child = (v as Record<string, unknown>)[segments[i]!];
    if (child === undefined) out.classes |= T_MISSING;
    else visit(child, segments, i + 1, out);
    return;
  }
  out.classes |= T_MISSING;
}
