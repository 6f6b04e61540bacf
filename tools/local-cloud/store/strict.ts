// Strict mode: would the cloud answer this query from an index, or scan the collection? The rules follow how
// MongoDB picks an index: a constrained leading field, an $or whose every branch is served, or, with no filter at
// all, a sort on a leading field. A refusal names the fields and proposes the index to declare.
import type { CollectionSpec, IndexSpec } from '../database-spec';
import { conjunctsOf, INDEX_EQUALITY_OPS, INDEX_RANGE_OPS, isIndexConstraining, type Filter } from './conditions';
import { GEO_OPERATORS } from './geo';
import type { SortSpec } from './planner';

export const UNINDEXED_QUERY = 'LOCAL_CLOUD_UNINDEXED_QUERY';
export const BOUNDED_COLLECTION_LIMIT = 1000;

function leadingFields(spec: CollectionSpec): Set<string> {
  return new Set(spec.indexes.map((ix) => ix.fields[0]![0]));
}

function conjunctionServed(leading: Set<string>, geo: ReadonlySet<string>, filter: Filter): boolean {
  for (const c of conjunctsOf(filter)) {
    if (c.kind === 'field' && isIndexConstraining(c.op) && (c.path === '_id' || leading.has(c.path))) return true;
    if (c.kind === 'field' && GEO_OPERATORS.has(c.op) && geo.has(c.path)) return true;
    if (c.kind === 'or' && c.branches.length > 0 && c.branches.every((b) => conjunctionServed(leading, geo, b))) return true;
  }
  return false;
}

export function isServed(spec: CollectionSpec, filter: Filter | undefined, sort: SortSpec | undefined): boolean {
  const leading = leadingFields(spec);
  const f = filter ?? {};
  if (conjunctionServed(leading, new Set(spec.geo ?? []), f)) return true;
  const first = sort?.[0]?.[0];
  return conjunctsOf(f).length === 0 && first !== undefined && (first === '_id' || leading.has(first));
}

interface FieldUse {
  equality: string[];
  range: string[];
  other: string[];
}

function fieldUse(filter: Filter): FieldUse {
  const use: FieldUse = { equality: [], range: [], other: [] };
  const add = (list: string[], path: string): void => {
    if (!list.includes(path)) list.push(path);
  };
  for (const c of conjunctsOf(filter)) {
    if (c.kind === 'field') {
      if (INDEX_EQUALITY_OPS.has(c.op)) add(use.equality, c.path);
      else if (INDEX_RANGE_OPS.has(c.op)) add(use.range, c.path);
      else add(use.other, c.path);
    } else if (c.kind === 'or') {
      for (const b of c.branches) {
        const inner = fieldUse(b);
        for (const p of [...inner.equality, ...inner.range, ...inner.other]) add(use.other, p);
      }
    }
  }
  return use;
}

/** Equality fields first, then the sort, then ranges (MongoDB's ESR rule). */
export function suggestIndex(spec: CollectionSpec, filter: Filter | undefined, sort: SortSpec | undefined): IndexSpec | null {
  const f = filter ?? {};
  const leading = leadingFields(spec);
  // An unserved $or needs an index per branch: propose one for the first branch that has none.
  for (const c of conjunctsOf(f)) {
    if (c.kind === 'or' && !conjunctionServed(leading, new Set(spec.geo ?? []), f)) {
      const branch = c.branches.find((b) => !conjunctionServed(leading, new Set(spec.geo ?? []), b));
      const nested = branch ? suggestIndex(spec, branch, undefined) : null;
      if (nested && fieldUse(f).equality.length === 0 && fieldUse(f).range.length === 0) return nested;
    }
  }
  const use = fieldUse(f);
  const fields: Array<[string, 1 | -1]> = [];
  const has = (p: string): boolean => fields.some(([q]) => q === p);
  for (const p of use.equality) if (!has(p)) fields.push([p, 1]);
  for (const [p, d] of sort ?? []) if (!has(p) && p !== '_id') fields.push([p, d]);
  for (const p of use.range) if (!has(p)) fields.push([p, 1]);
  if (fields.length === 0) for (const p of use.other) if (!has(p)) fields.push([p, 1]);
  if (fields.length === 0) return null;
  return { name: fields.map(([p]) => p.replace(/\./g, '_')).join('_'), fields };
}

export interface UnindexedQueryReport {
  collection: string;
  size: number;
  filter: Filter | undefined;
  sort: SortSpec | undefined;
  operation: string;
  spec: CollectionSpec;
  limit: number;
}

export function unindexedQueryMessage(r: UnindexedQueryReport): string {
  const use = fieldUse(r.filter ?? {});
  const filtered = [...use.equality, ...use.range, ...use.other];
  const sorted = (r.sort ?? []).map(([p, d]) => `${p} ${d === 1 ? 'asc' : 'desc'}`);
  const suggestion = suggestIndex(r.spec, r.filter, r.sort);
  const advice = suggestion
    ? `Add to database/indexes.json under collections.${r.collection}.indexes: ${JSON.stringify(suggestion)}`
    : 'Filter on an indexed field, or orderBy the leading field of an index, or mark a small configuration collection "bounded" in database/indexes.json.';
  return (
    `${UNINDEXED_QUERY}: ${r.operation} on collection "${r.collection}" (${r.size} documents, strict limit ${r.limit}) ` +
    `is not served by any declared index and would scan the collection in the cloud. ` +
    `Filtered fields: [${filtered.join(', ')}]; sorted fields: [${sorted.join(', ')}]` +
    `${conjunctsOf(r.filter ?? {}).some((c) => c.kind === 'or') ? ' (an $or is served only when every branch is)' : ''}. ${advice}`
  );
}
