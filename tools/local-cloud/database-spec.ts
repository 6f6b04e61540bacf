// The shape of database/indexes.json: every collection the functions use and the indexes their queries need.
import fs from 'fs';
import path from 'path';

/** '2dsphere': a geo index (GeoJSON points), as WeChat's index API and MongoDB name it. */
export type IndexDirection = 1 | -1 | '2dsphere';

export interface IndexSpec {
  name: string;
  fields: Array<[path: string, direction: IndexDirection]>;
  unique?: boolean;
}

export interface CollectionSpec {
  indexes: IndexSpec[];
  bounded?: boolean;
}

export interface DatabaseSpec {
  collections: Record<string, CollectionSpec>;
}

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const DEFAULT_SPEC_FILE = path.join(REPO_ROOT, 'database', 'indexes.json');

const isComment = (key: string): boolean => key.startsWith('//');

function fail(where: string, problem: string): never {
  throw new Error(`local cloud: invalid database spec at ${where}: ${problem}`);
}

function normalizeIndex(raw: unknown, where: string): IndexSpec {
  if (!raw || typeof raw !== 'object') fail(where, 'an index must be an object');
  const r = raw as Record<string, unknown>;
  if (typeof r.name !== 'string' || !r.name) fail(where, '"name" must be a non-empty string');
  if (!Array.isArray(r.fields) || r.fields.length === 0) fail(where, '"fields" must be a non-empty array of [path, 1 | -1 | "2dsphere"]');
  const fields = r.fields.map((f, i): [string, IndexDirection] => {
    if (!Array.isArray(f) || typeof f[0] !== 'string' || !f[0] || (f[1] !== 1 && f[1] !== -1 && f[1] !== '2dsphere')) {
      fail(`${where}.fields[${i}]`, 'expected [path, 1 | -1 | "2dsphere"]');
    }
    return [f[0], f[1] as IndexDirection];
  });
  if (fields.some(([, d]) => d === '2dsphere') && (fields.length > 1 || r.unique === true)) {
    fail(where, 'a 2dsphere index has exactly one field and is not unique (the local cloud supports no compound geo index)');
  }
  return { name: r.name, fields, ...(r.unique === true ? { unique: true } : {}) };
}

/** The paths a collection has a 2dsphere index on. */
export function geoIndexPaths(spec: CollectionSpec): string[] {
  return spec.indexes.filter((ix) => ix.fields[0]![1] === '2dsphere').map((ix) => ix.fields[0]![0]);
}

/** The indexes ordered by value (everything but geo indexes). */
export function orderedIndexes(spec: CollectionSpec): IndexSpec[] {
  return spec.indexes.filter((ix) => ix.fields[0]![1] !== '2dsphere');
}

/** Validates a spec and drops comment keys ("//…"), so the rest of the local cloud can trust its shape. */
export function normalizeDatabaseSpec(raw: unknown): DatabaseSpec {
  if (!raw || typeof raw !== 'object') fail('root', 'expected an object');
  const collectionsRaw = (raw as Record<string, unknown>).collections;
  if (!collectionsRaw || typeof collectionsRaw !== 'object') fail('root', '"collections" must be an object');
  const collections: Record<string, CollectionSpec> = {};
  for (const [name, value] of Object.entries(collectionsRaw as Record<string, unknown>)) {
    if (isComment(name)) continue;
    if (!value || typeof value !== 'object') fail(`collections.${name}`, 'expected an object');
    const v = value as Record<string, unknown>;
    const indexesRaw = v.indexes ?? [];
    if (!Array.isArray(indexesRaw)) fail(`collections.${name}.indexes`, 'expected an array');
    const indexes = indexesRaw.map((ix, i) => normalizeIndex(ix, `collections.${name}.indexes[${i}]`));
    const names = new Set<string>();
    for (const ix of indexes) {
      if (names.has(ix.name)) fail(`collections.${name}`, `duplicate index name "${ix.name}"`);
      names.add(ix.name);
    }
    collections[name] = { indexes, ...(v.bounded === true ? { bounded: true } : {}) };
  }
  return { collections };
}

export function loadDatabaseSpec(file: string = DEFAULT_SPEC_FILE): DatabaseSpec {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`local cloud: cannot read the database spec ${file}: ${(e as Error).message}`);
  }
  return normalizeDatabaseSpec(JSON.parse(text));
}
