// The shape of database/indexes.json: every collection the functions use and the indexes their queries need.
import fs from 'fs';
import path from 'path';

export interface IndexSpec {
  name: string;
  fields: Array<[path: string, direction: 1 | -1]>;
  unique?: boolean;
}

export interface CollectionSpec {
  indexes: IndexSpec[];
  bounded?: boolean;
  /** fields with a geospatial (2dsphere) index: `{"name": …, "fields": [["location", "2dsphere"]]}` */
  geo?: string[];
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

/** A geospatial index names one field with "2dsphere" (CloudBase's 地理位置索引); its field, or null for any other index. */
function geoField(raw: unknown, where: string): string | null {
  const fields = (raw as { fields?: unknown } | null)?.fields;
  if (!Array.isArray(fields) || !fields.some((f) => Array.isArray(f) && f[1] === '2dsphere')) return null;
  if (fields.length !== 1 || typeof fields[0][0] !== 'string' || !fields[0][0]) fail(where, 'a 2dsphere index has exactly one field: [[path, "2dsphere"]]');
  return fields[0][0] as string;
}

function normalizeIndex(raw: unknown, where: string): IndexSpec {
  if (!raw || typeof raw !== 'object') fail(where, 'an index must be an object');
  const r = raw as Record<string, unknown>;
  if (typeof r.name !== 'string' || !r.name) fail(where, '"name" must be a non-empty string');
  if (!Array.isArray(r.fields) || r.fields.length === 0) fail(where, '"fields" must be a non-empty array of [path, 1 | -1 | "2dsphere"]');
  const fields = r.fields.map((f, i): [string, 1 | -1] => {
    if (!Array.isArray(f) || typeof f[0] !== 'string' || !f[0] || (f[1] !== 1 && f[1] !== -1)) {
      fail(`${where}.fields[${i}]`, 'expected [path, 1 | -1]');
    }
    return [f[0], f[1]];
  });
  return { name: r.name, fields, ...(r.unique === true ? { unique: true } : {}) };
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
    // An already normalized spec keeps its geo list (its geo indexes are no longer among `indexes`).
    const given = Array.isArray(v.geo) ? v.geo.filter((g): g is string => typeof g === 'string') : [];
    const geo = [...new Set([...given, ...indexesRaw.flatMap((ix, i) => geoField(ix, `collections.${name}.indexes[${i}]`) ?? [])])];
    const indexes = indexesRaw.flatMap((ix, i) => (geoField(ix, '') === null ? [normalizeIndex(ix, `collections.${name}.indexes[${i}]`)] : []));
    const names = new Set<string>();
    for (const ix of indexesRaw as Array<{ name?: unknown }>) {
      if (typeof ix.name !== 'string' || !ix.name) fail(`collections.${name}`, 'every index needs a "name"');
      if (names.has(ix.name)) fail(`collections.${name}`, `duplicate index name "${ix.name}"`);
      names.add(ix.name);
    }
    collections[name] = { indexes, ...(v.bounded === true ? { bounded: true } : {}), ...(geo.length > 0 ? { geo } : {}) };
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
