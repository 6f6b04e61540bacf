// Documents in SQLite, one table per collection (_id, v, doc JSON), with the declared indexes as expression indexes
// and a side table for multikey paths. Every read goes through the planner; mingo decides what matches.
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'crypto';
import { Aggregator, Query } from './mingo';
import { geoIndexPaths, orderedIndexes, type CollectionSpec, type DatabaseSpec, type IndexSpec } from '../database-spec';
import { fromStoredText, toStoredText, type Doc } from '../ejson';
import { projectInclusion } from './inclusion';
import { conjunctsOf, type Filter } from './conditions';
import { collectionAlreadyExists, collectionNotExist, DbError, duplicateKey, requestFailed } from './errors';
import { applyOperators, assertFieldNames, replacement } from './modify';
import { T_ARRAY, classOf, inspectPath, isPushablePath, valueExpr, type SqlKey } from './paths';
import { byDistance, geoIndexPath, nearClauseOf, parseGeoNearStage, setPath, type NearClause } from './geo';
import { planQuery, type PathState, type Plan, type PlannerContext, type Posting, type PostingUnion, type SortSpec } from './planner';
import { BOUNDED_COLLECTION_LIMIT, isServed, unindexedQueryMessage } from './strict';

type Statement = Database.Statement<unknown[], unknown>;
type Row = { _id: string | number; v: number; doc: string };
/** The sizes of posting lists for one query, each counted no further than `cap`. */
type PostingSizes = (postings: Posting[], cap: number) => number[];

export interface StoreOptions {
  filename: string;
  database: DatabaseSpec;
  strict: false | { threshold: number };
  aggregateDefaultLimit: number;
  /** the database name in E11000 messages (the cloud uses the environment id) */
  dbName: string;
  /** SQLite's page cache in MB (SQLite's default: 2) */
  cacheSizeMb?: number;
  planLimits?: PlanLimits;
}

export interface FindQuery {
  filter?: Filter;
  sort?: SortSpec;
  skip?: number;
  limit?: number;
  projection?: Record<string, unknown>;
}

export interface QueryStats {
  queries: number;
  indexedQueries: number;
  scans: number;
}

interface TrackedPath {
  path: string;
  segments: string[];
  state: PathState;
}

interface CollectionRuntime {
  name: string;
  table: string;
  mkTable: string;
  spec: CollectionSpec;
  declared: boolean;
  tracked: TrackedPath[];
  planner: PlannerContext;
  /** SQL index name -> declared index (for E11000 messages) */
  uniqueBySqlName: Map<string, IndexSpec>;
}

const STATEMENT_CACHE_LIMIT = 500;
/** What may not survive a trip through SQLite's JSON text unchanged (NUL, surrogate halves): bound as it is instead. */
// eslint-disable-next-line no-control-regex -- NUL is the point
const PLAIN_TEXT_UNSAFE = /[\u0000\uD800-\uDFFF]/;
/** Where the planner's choices turn (choosePlan); tests make them small to reach every plan with a few hundred rows. */
export interface PlanLimits {
  /** A multikey posting list (or an $or's id set) at most this long drives the query instead of an index-ordered scan. */
  rarePosting: number;
  /** The index steps an $or's id set is computed in without first sampling the ordered scan (choosePlan). */
  unionQuickWalk: number;
  /** The most index steps an $or's id set may take (branchIds); beyond, the ordered scan checks its rows. */
  unionWalk: number;
  /** The rows of the ordered scan sampled to see whether an $or's matches are common (sampleHits). */
  unionSample: number;
}

export const PLAN_LIMITS: PlanLimits = { rarePosting: 300, unionQuickWalk: 2000, unionWalk: 12_000, unionSample: 256 };
/** SQLite's default cap on the terms of a compound SELECT is 500: far beyond any search's branches. */
const MAX_UNION_BRANCHES = 100;

function hashOf(text: string, length: number): string {
  return createHash('sha1').update(text).digest('hex').slice(0, length);
}

const ID_POOL_BYTES = 16 * 1024;
let idPool = Buffer.alloc(0);
let idPoolOffset = 0;

/** 32 lowercase hex characters, the shape of the cloud's generated ids (random bytes drawn in batches: seeding is fast). */
export function generateId(): string {
  if (idPoolOffset + 16 > idPool.length) {
    idPool = randomBytes(ID_POOL_BYTES);
    idPoolOffset = 0;
  }
  idPoolOffset += 16;
  return idPool.toString('hex', idPoolOffset - 16, idPoolOffset);
}

/** The document with its _id first (generated when absent), as MongoDB stores it. */
export function withId(d: Doc): Doc {
  const { _id, ...rest } = d;
  return { _id: _id ?? generateId(), ...rest };
}

function valueAt(doc: Doc, path: string): unknown {
  let v: unknown = doc;
  for (const seg of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[seg];
  }
  return v;
}

/**
 * Duck-typed on purpose: the native addon keeps the SqliteError class of the first realm that loaded it, so under
 * jest (one realm per test file, one addon per worker) `instanceof Error` fails from the second file on.
 */
function isSqliteError(e: unknown): e is { code: string; message: string } {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' && typeof (e as { message?: unknown }).message === 'string';
}

function checkId(id: unknown): string | number {
  if (typeof id === 'string' && id.length > 0) return id;
  if (typeof id === 'number' && Number.isFinite(id)) return id;
  throw requestFailed(`_id must be a non-empty string or a number, got ${JSON.stringify(id) ?? String(id)}`);
}

export class Store {
  readonly db: Database.Database;
  private readonly collections = new Map<string, CollectionRuntime>();
  private readonly statements = new Map<string, Statement>();
  private lastVersion = 0;
  private counters: QueryStats = { queries: 0, indexedQueries: 0, scans: 0 };
  private readonly limits: PlanLimits;

  constructor(private readonly opts: StoreOptions) {
    this.db = new Database(opts.filename);
    this.limits = opts.planLimits ?? PLAN_LIMITS;
    if (opts.filename !== ':memory:' && opts.filename !== '') {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
    }
    if (opts.cacheSizeMb) this.db.pragma(`cache_size = -${Math.round(opts.cacheSizeMb * 1024)}`);
    try {
      this.db.exec(`
        CREATE TABLE IF NOT EXISTS __collections (name TEXT PRIMARY KEY, tbl TEXT NOT NULL, created_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS __paths (collection TEXT NOT NULL, path TEXT NOT NULL, classes INTEGER NOT NULL,
          multikey INTEGER NOT NULL, PRIMARY KEY (collection, path));
      `);
      this.db.transaction(() => {
        for (const name of Object.keys(opts.database.collections)) this.ensureTables(name);
        const rows = this.db.prepare('SELECT name FROM __collections ORDER BY rowid').all() as Array<{ name: string }>;
        for (const { name } of rows) this.openCollection(name);
      })();
    } catch (e) {
      this.db.close();
      throw e;
    }
  }

  close(): void {
    this.statements.clear();
    if (this.db.open) this.db.close();
  }

  // ---- collections -------------------------------------------------------------------------------------------

  private tableOf(name: string): string {
    return `c_${hashOf(name, 20)}`;
  }

  private ensureTables(name: string): void {
    const table = this.tableOf(name);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS "${table}" (_id TEXT PRIMARY KEY, v INTEGER NOT NULL, doc TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS "${table}_mk" (path TEXT NOT NULL, k, id TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS "${table}_mk_key" ON "${table}_mk" (path, k, id);
      CREATE INDEX IF NOT EXISTS "${table}_mk_id" ON "${table}_mk" (id);
    `);
    this.db.prepare('INSERT OR IGNORE INTO __collections (name, tbl, created_at) VALUES (?, ?, ?)').run(name, table, Date.now());
  }

  private openCollection(name: string): void {
    const table = this.tableOf(name);
    const declaredSpec = this.opts.database.collections[name];
    const spec: CollectionSpec = declaredSpec ?? { indexes: [] };
    const uniqueBySqlName = this.syncIndexes(table, spec);
    const trackedPaths = ['_id', ...new Set(orderedIndexes(spec).flatMap((ix) => ix.fields.map(([p]) => p)))].filter(
      (p, i, all) => isPushablePath(p) && all.indexOf(p) === i,
    );
    const stored = new Map(
      (this.db.prepare('SELECT path, classes, multikey FROM __paths WHERE collection = ?').all(name) as Array<{ path: string; classes: number; multikey: number }>).map(
        (r) => [r.path, { classes: r.classes, multikey: r.multikey === 1 }],
      ),
    );
    for (const path of stored.keys()) {
      if (!trackedPaths.includes(path)) {
        this.db.prepare('DELETE FROM __paths WHERE collection = ? AND path = ?').run(name, path);
        this.db.prepare(`DELETE FROM "${table}_mk" WHERE path = ?`).run(path);
      }
    }
    const tracked: TrackedPath[] = trackedPaths.map((path) => ({
      path,
      segments: path.split('.'),
      state: stored.get(path) ?? { classes: 0, multikey: false },
    }));
    const paths = new Map(tracked.map((t) => [t.path, t.state]));
    const leading = new Set(['_id', ...orderedIndexes(spec).map((ix) => ix.fields[0]![0])]);
    const c: CollectionRuntime = {
      name,
      table,
      mkTable: `${table}_mk`,
      spec,
      declared: declaredSpec !== undefined,
      tracked,
      planner: { mkTable: `${table}_mk`, paths, leading },
      uniqueBySqlName,
    };
    this.collections.set(name, c);
    // A path declared since the data was written: learn what it holds (and build its side table) once.
    const fresh = tracked.filter((t) => !stored.has(t.path));
    if (fresh.length > 0 && this.rowCount(c) > 0) {
      for (const row of this.db.prepare(`SELECT _id, doc FROM "${table}"`).all() as Row[]) {
        const doc = fromStoredText(row.doc);
        for (const t of fresh) t.state.classes |= t.path === '_id' ? classOf(doc._id) : inspectPath(doc, t.segments).classes;
      }
      for (const t of fresh) if (t.state.classes & T_ARRAY) this.becomeMultikey(c, t);
    }
    for (const t of fresh) this.persistPath(c, t);
  }

  /** Creates the declared indexes (and drops the ones no longer declared). */
  private syncIndexes(table: string, spec: CollectionSpec): Map<string, IndexSpec> {
    const wanted = new Map<string, { ix: IndexSpec; sql: string }>();
    for (const ix of orderedIndexes(spec)) {
      const usable = ix.fields.filter(([p]) => isPushablePath(p));
      if (usable.length !== ix.fields.length) continue;
      const lastDir = ix.fields[ix.fields.length - 1]![1];
      const columns = ix.fields.map(([p, d]) => `${valueExpr(p)} ${d === 1 ? 'ASC' : 'DESC'}`);
      // Non-unique indexes end with _id (in the last field's direction) so they also serve the _id tie-break.
      if (!ix.unique) columns.push(`"_id" ${lastDir === 1 ? 'ASC' : 'DESC'}`);
      const name = `${table}_ix_${hashOf(JSON.stringify([ix.fields, ix.unique === true]), 12)}`;
      wanted.set(name, { ix, sql: `CREATE ${ix.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS "${name}" ON "${table}" (${columns.join(', ')})` });
    }
    const existing = this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name LIKE ?").all(table, `${table}_ix_%`) as Array<{
      name: string;
    }>;
    for (const { name } of existing) if (!wanted.has(name)) this.db.exec(`DROP INDEX "${name}"`);
    const unique = new Map<string, IndexSpec>();
    for (const [name, { ix, sql }] of wanted) {
      try {
        this.db.exec(sql);
      } catch (e) {
        throw new Error(`local cloud: cannot create index "${ix.name}" (existing documents violate it?): ${(e as Error).message}`);
      }
      if (ix.unique) unique.set(name, ix);
    }
    return unique;
  }

  hasCollection(name: string): boolean {
    return this.collections.has(name);
  }

  createCollection(name: string): void {
    if (typeof name !== 'string' || !name) throw new DbError('INVALID_PARAM', 'collection name must be a non-empty string');
    if (this.collections.has(name)) throw collectionAlreadyExists(name);
    this.db.transaction(() => {
      this.ensureTables(name);
      this.openCollection(name);
    })();
  }

  /** Removes a collection that was not declared (used by the self-test to clean up after itself). */
  dropCollection(name: string): void {
    const c = this.collections.get(name);
    if (!c) return;
    this.statements.clear();
    this.db.transaction(() => {
      this.db.exec(`DROP TABLE IF EXISTS "${c.table}"; DROP TABLE IF EXISTS "${c.mkTable}";`);
      this.db.prepare('DELETE FROM __collections WHERE name = ?').run(name);
      this.db.prepare('DELETE FROM __paths WHERE collection = ?').run(name);
    })();
    this.collections.delete(name);
  }

  collectionNames(): string[] {
    return [...this.collections.keys()];
  }

  collectionSize(name: string): number {
    const c = this.collections.get(name);
    return c ? this.rowCount(c) : 0;
  }

  /**
   * Every document of the collection as stored (its JSON text), in _id order, not decoded: a fingerprint of what is
   * stored (tests/helpers/digest.ts) needs the bytes, and decoding every document only to encode it again was most of
   * its cost.
   */
  storedTexts(name: string): string[] {
    const c = this.collections.get(name);
    return c ? (this.column(`SELECT doc FROM "${c.table}" ORDER BY "_id"`).all() as string[]) : [];
  }

  private collection(name: string): CollectionRuntime {
    const c = this.collections.get(name);
    if (!c) throw collectionNotExist(name);
    return c;
  }

  private rowCount(c: CollectionRuntime): number {
    return (this.stmt(`SELECT COUNT(*) AS n FROM "${c.table}"`).get() as { n: number }).n;
  }

  /** Empties every collection, forgets what paths held, drops collections that were created at run time. */
  resetData(): void {
    this.statements.clear();
    this.db.transaction(() => {
      for (const c of [...this.collections.values()]) {
        if (!c.declared) {
          this.db.exec(`DROP TABLE IF EXISTS "${c.table}"; DROP TABLE IF EXISTS "${c.mkTable}";`);
          this.db.prepare('DELETE FROM __collections WHERE name = ?').run(c.name);
          this.collections.delete(c.name);
        } else {
          this.db.exec(`DELETE FROM "${c.table}"; DELETE FROM "${c.mkTable}";`);
          for (const t of c.tracked) {
            t.state.classes = 0;
            t.state.multikey = false;
          }
        }
      }
      this.db.exec('DELETE FROM __paths');
      for (const c of this.collections.values()) for (const t of c.tracked) this.persistPath(c, t);
    })();
    this.resetStats();
  }

  // ---- statements, stats ----------------------------------------------------------------------------------------

  private stmt(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) {
      if (this.statements.size >= STATEMENT_CACHE_LIMIT) this.statements.clear();
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /** A statement answering its first column only: several times faster than row objects for document scans. */
  private column(sql: string): Statement {
    const key = `pluck:${sql}`;
    let s = this.statements.get(key);
    if (!s) {
      if (this.statements.size >= STATEMENT_CACHE_LIMIT) this.statements.clear();
      s = this.db.prepare(sql).pluck(true);
      this.statements.set(key, s);
    }
    return s;
  }

  stats(): QueryStats {
    return { ...this.counters };
  }

  restoreStats(stats: QueryStats): void {
    this.counters = { ...stats };
  }

  resetStats(): void {
    this.counters = { queries: 0, indexedQueries: 0, scans: 0 };
  }

  private recordQuery(indexed: boolean): void {
    this.counters.queries++;
    if (indexed) this.counters.indexedQueries++;
    else this.counters.scans++;
  }

  /** A version unique across the process (and increasing across restarts), so a re-created document never looks unchanged. */
  private nextVersion(): number {
    this.lastVersion = Math.max(this.lastVersion + 1, Date.now() * 1000);
    return this.lastVersion;
  }

  // ---- path tracking, multikey side table ------------------------------------------------------------------

  private persistPath(c: CollectionRuntime, t: TrackedPath): void {
    this.stmt(
      'INSERT INTO __paths (collection, path, classes, multikey) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT (collection, path) DO UPDATE SET classes = excluded.classes, multikey = excluded.multikey',
    ).run(c.name, t.path, t.state.classes, t.state.multikey ? 1 : 0);
  }

  /** Like MongoDB turning an index multikey: from now on the path is answered from (path, value, _id) rows. */
  private becomeMultikey(c: CollectionRuntime, t: TrackedPath): void {
    t.state.multikey = true;
    const insert = this.stmt(`INSERT INTO "${c.mkTable}" (path, k, id) VALUES (?, ?, ?)`);
    for (const row of this.db.prepare(`SELECT _id, doc FROM "${c.table}"`).all() as Row[]) {
      for (const k of new Set(inspectPath(fromStoredText(row.doc), t.segments).keys)) insert.run(t.path, k, row._id);
    }
  }

  /**
   * The side table's rows of one document's path. A search token array is hundreds of strings: one statement reads
   * them from a JSON array (text stays text), instead of one call into SQLite per row. Numbers are bound one by one,
   * as JSON would store an integral double as an INTEGER.
   */
  private insertKeys(c: CollectionRuntime, path: string, keys: SqlKey[], id: string | number): void {
    if (keys.length > 1 && keys.every((k) => typeof k === 'string' && !PLAIN_TEXT_UNSAFE.test(k))) {
      this.stmt(`INSERT INTO "${c.mkTable}" (path, k, id) SELECT ?, value, ? FROM json_each(?)`).run(path, id, JSON.stringify(keys));
      return;
    }
    const insert = this.stmt(`INSERT INTO "${c.mkTable}" (path, k, id) VALUES (?, ?, ?)`);
    for (const k of keys) insert.run(path, k, id);
  }

  private hasMultikey(c: CollectionRuntime): boolean {
    return c.tracked.some((t) => t.state.multikey);
  }

  private track(c: CollectionRuntime, id: string | number, doc: Doc, replacing: boolean): void {
    if (replacing && this.hasMultikey(c)) this.stmt(`DELETE FROM "${c.mkTable}" WHERE id = ?`).run(id);
    for (const t of c.tracked) {
      if (t.path === '_id') {
        const classes = t.state.classes | classOf(doc._id);
        if (classes !== t.state.classes) {
          t.state.classes = classes;
          this.persistPath(c, t);
        }
        continue;
      }
      const seen = inspectPath(doc, t.segments);
      const classes = t.state.classes | seen.classes;
      const changed = classes !== t.state.classes;
      t.state.classes = classes;
      if (!t.state.multikey && seen.classes & T_ARRAY) {
        this.becomeMultikey(c, t); // includes this document, already written
      } else if (t.state.multikey) {
        this.insertKeys(c, t.path, [...new Set(seen.keys)], id);
      }
      if (changed) this.persistPath(c, t);
    }
  }

  /** Path states live in memory and in __paths; after a rolled-back write, take them back from the database. */
  private reloadPathStates(): void {
    for (const c of this.collections.values()) {
      const rows = this.db.prepare('SELECT path, classes, multikey FROM __paths WHERE collection = ?').all(c.name) as Array<{
        path: string;
        classes: number;
        multikey: number;
      }>;
      const byPath = new Map(rows.map((r) => [r.path, r]));
      for (const t of c.tracked) {
        const r = byPath.get(t.path);
        t.state.classes = r?.classes ?? 0;
        t.state.multikey = r?.multikey === 1;
      }
    }
  }

  /** Runs `fn` in one SQLite transaction; on failure the in-memory path states are restored with the data. */
  write<R>(fn: () => R): R {
    if (this.db.inTransaction) return fn();
    try {
      return this.db.transaction(fn)();
    } catch (e) {
      this.reloadPathStates();
      throw e;
    }
  }

  // ---- row writes -------------------------------------------------------------------------------------------

  private constraintError(c: CollectionRuntime, e: unknown, doc: Doc): unknown {
    if (!isSqliteError(e)) return e;
    if (e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return duplicateKey(this.opts.dbName, c.name, '_id_', [['_id', doc._id]]);
    if (e.code === 'SQLITE_CONSTRAINT_UNIQUE') {
      for (const [sqlName, ix] of c.uniqueBySqlName) {
        if (e.message.includes(sqlName)) return duplicateKey(this.opts.dbName, c.name, ix.name, ix.fields.map(([p]) => [p, valueAt(doc, p)]));
      }
      return duplicateKey(this.opts.dbName, c.name, '_id_', [['_id', doc._id]]);
    }
    return e;
  }

  private insertRow(c: CollectionRuntime, doc: Doc): void {
    const id = checkId(doc._id);
    const text = toStoredText(doc);
    try {
      this.stmt(`INSERT INTO "${c.table}" (_id, v, doc) VALUES (?, ?, ?)`).run(id, this.nextVersion(), text);
    } catch (e) {
      throw this.constraintError(c, e, doc);
    }
    // Track what was stored (NaN became null, undefined vanished), not what was passed.
    this.track(c, id, fromStoredText(text), false);
  }

  private replaceRow(c: CollectionRuntime, id: string | number, doc: Doc): void {
    const text = toStoredText(doc);
    try {
      this.stmt(`UPDATE "${c.table}" SET v = ?, doc = ? WHERE _id = ?`).run(this.nextVersion(), text, id);
    } catch (e) {
      throw this.constraintError(c, e, doc);
    }
    this.track(c, id, fromStoredText(text), true);
  }

  private deleteRow(c: CollectionRuntime, id: string | number): number {
    const { changes } = this.stmt(`DELETE FROM "${c.table}" WHERE _id = ?`).run(id);
    if (changes > 0 && this.hasMultikey(c)) this.stmt(`DELETE FROM "${c.mkTable}" WHERE id = ?`).run(id);
    return changes;
  }

  /** The committed row, matched exactly (a numeric _id never matches its string form). */
  readRow(name: string, id: string | number): { doc: Doc; v: number } | null {
    const c = this.collection(name);
    const row = this.stmt(`SELECT _id, v, doc FROM "${c.table}" WHERE _id = ?`).get(id) as Row | undefined;
    if (!row) return null;
    const doc = fromStoredText(row.doc);
    return doc._id === id ? { doc, v: row.v } : null;
  }

  versionOf(name: string, id: string | number): number {
    const c = this.collection(name);
    return (this.stmt(`SELECT v FROM "${c.table}" WHERE _id = ?`).get(id) as { v: number } | undefined)?.v ?? 0;
  }

  /** Applies a transaction's writes (already checked for conflicts by the caller, inside write()). */
  applyCommitted(name: string, id: string | number, existed: boolean, doc: Doc | null): void {
    const c = this.collection(name);
    if (doc === null) this.deleteRow(c, id);
    else if (existed) this.replaceRow(c, id, doc);
    else this.insertRow(c, doc);
  }

  // ---- strict mode ------------------------------------------------------------------------------------------

  private assertServed(c: CollectionRuntime, operation: string, filter: Filter | undefined, sort: SortSpec | undefined): void {
    const strict = this.opts.strict;
    if (!strict) return;
    if (isServed(c.spec, filter, sort)) return;
    const limit = c.spec.bounded ? Math.max(strict.threshold, BOUNDED_COLLECTION_LIMIT) : strict.threshold;
    const size = this.rowCount(c);
    if (size <= limit) return;
    throw requestFailed(unindexedQueryMessage({ collection: c.name, size, filter, sort, operation, spec: c.spec, limit }));
  }

  // ---- reads ------------------------------------------------------------------------------------------------

  /** The stored text of the candidate documents, in the plan's order. */
  private candidates(c: CollectionRuntime, plan: Plan, mode: 'stream' | 'all', sqlPage?: { skip: number; limit: number }): Iterable<string> {
    const where = plan.where.length > 0 ? `WHERE ${plan.where.join(' AND ')}` : '';
    // CROSS JOIN makes SQLite loop over the driver's ids first, whatever index could serve the ORDER BY.
    const driver = plan.driverIds
      ? { sql: 'SELECT value AS id FROM json_each(?)', params: [JSON.stringify(plan.driverIds)] }
      : plan.driver && { sql: `SELECT id FROM "${c.mkTable}" WHERE path = ? AND k = ?`, params: [plan.driver.path, plan.driver.key] };
    const from = driver ? `(${driver.sql}) AS driver CROSS JOIN "${c.table}" ON "${c.table}"."_id" = driver.id` : `"${c.table}"`;
    let sql = `SELECT doc FROM ${from} ${where} ${plan.order}`;
    const params: unknown[] = [...(driver ? driver.params : []), ...plan.params];
    if (sqlPage) {
      sql += ' LIMIT ? OFFSET ?';
      params.push(Number.isFinite(sqlPage.limit) ? sqlPage.limit : -1, sqlPage.skip);
    }
    const s = this.column(sql);
    return (mode === 'stream' ? s.iterate(...params) : s.all(...params)) as Iterable<string>;
  }

  /**
   * How many ids each posting list holds, counted no further than `cap` (a list's `cap`-th entry found, it is not read
   * on): all of them in one statement, since a search asks for a dozen lists at a time.
   */
  private postingSizesUpTo(c: CollectionRuntime, postings: Posting[], cap: number): number[] {
    const list = (alias: string) => `SELECT 1 FROM "${c.mkTable}" ${alias} WHERE ${alias}.path = j.value ->> 0 AND ${alias}.k = j.value ->> 1`;
    const sql = `SELECT CASE WHEN EXISTS (${list('a')} LIMIT 1 OFFSET ?) THEN ? ELSE (SELECT count(*) FROM (${list('b')})) END FROM json_each(?) AS j ORDER BY j.key`;
    return this.column(sql).all(cap - 1, cap, JSON.stringify(postings.map((p) => [p.path, p.key]))) as number[];
  }

  /** Posting sizes for one query, each list counted once and no further than the largest cap asked. */
  private postingSizes(c: CollectionRuntime): PostingSizes {
    const counted = new Map<string, { n: number; cap: number }>();
    const keyOf = (p: Posting) => `${p.path}\u0000${typeof p.key}\u0000${String(p.key)}`;
    return (postings, cap) => {
      const ask = postings.filter((p, i) => {
        const known = counted.get(keyOf(p));
        return !(known && (known.n < known.cap || known.cap >= cap)) && postings.findIndex((q) => keyOf(q) === keyOf(p)) === i;
      });
      if (ask.length > 0) this.postingSizesUpTo(c, ask, cap).forEach((n, i) => counted.set(keyOf(ask[i]!), { n, cap }));
      return postings.map((p) => Math.min(counted.get(keyOf(p))!.n, cap));
    };
  }

  /**
   * The branches of an `$or` of posting intersections (planner.ts, PostingUnion) that can match, each with the postings
   * every match requires: a branch holding an empty list matches nothing (a synonym branch often holds a pair no
   * document has, found at one index step).
   */
  private liveBranches(union: PostingUnion, required: Posting[], sizeUpTo: PostingSizes): Posting[][] {
    const branches = union.branches.map((branch) => [...branch, ...required].filter((p, i, all) => all.findIndex((q) => q.path === p.path && q.key === p.key) === i));
    sizeUpTo(branches.flat(), 1);
    return branches.filter((postings) => sizeUpTo(postings, 1).every((n) => n > 0));
  }

  /** `EXISTS` of one posting for the row whose id is `id`: one step of the side table's index. */
  private holds(c: CollectionRuntime, id: string): string {
    return `EXISTS (SELECT 1 FROM "${c.mkTable}" o WHERE o.path = ? AND o.k = ? AND o.id = ${id})`;
  }

  /** The branches as a check of one row at a time, each branch's postings in the order given. */
  private branchCheck(c: CollectionRuntime, branches: Posting[][], id: string): { sql: string; params: SqlKey[] } {
    return {
      sql: `(${branches.map((ps) => `(${ps.map(() => this.holds(c, id)).join(' AND ')})`).join(' OR ')})`,
      params: branches.flatMap((ps) => ps.flatMap((p) => [p.path, p.key])),
    };
  }

  /**
   * The ids the branches allow, each branch walked from its shortest list and checked against its others one id at a
   * time; null when that walk would take more than `budget` steps. The lists are counted in growing steps until one
   * ends: the shortest is then known, the others no further than needed.
   */
  private branchIds(c: CollectionRuntime, branches: Posting[][], sizeUpTo: PostingSizes, budget: number): string[] | null {
    let walk = 0;
    const ordered: Posting[][] = [];
    for (const postings of branches) {
      const share = Math.floor((budget - walk) / postings.length) + 1;
      let sized: Array<{ p: Posting; n: number }> = [];
      for (let cap = 64; ; cap *= 4) {
        const upTo = Math.min(cap, share);
        sized = sizeUpTo(postings, upTo).map((n, i) => ({ p: postings[i]!, n }));
        if (sized.some(({ n }) => n < upTo) || upTo === share) break;
      }
      sized.sort((x, y) => x.n - y.n);
      walk += sized[0]!.n * postings.length;
      if (walk > budget) return null;
      ordered.push(sized.map(({ p }) => p));
    }
    if (ordered.length > MAX_UNION_BRANCHES) return null;
    const walks = ordered.map((ps) => `SELECT d.id FROM "${c.mkTable}" d WHERE d.path = ? AND d.k = ?${ps.slice(1).map(() => ` AND ${this.holds(c, 'd.id')}`).join('')}`);
    return this.column(walks.join(' UNION ')).all(...ordered.flatMap((ps) => ps.flatMap((p) => [p.path, p.key]))) as string[];
  }

  /**
   * How many of the first `unionSample` rows of the ordered scan (the plan without the `$or` at `clause`) the
   * branches accept: when they are enough for the page, matches are common and the scan finds them sooner than any walk
   * of the posting lists.
   */
  private sampleHits(c: CollectionRuntime, plan: Plan, union: PostingUnion, check: (id: string) => { sql: string; params: SqlKey[] }): number {
    const where = plan.where.map((w, i) => (i === union.clause ? '1' : w));
    const params = [...plan.params.slice(0, union.paramStart), ...plan.params.slice(union.paramStart + union.paramCount)];
    const row = check('s."_id"');
    const sql = `SELECT count(*) FROM (SELECT "_id" FROM "${c.table}" WHERE ${where.join(' AND ')} ${plan.order} LIMIT ?) AS s WHERE ${row.sql}`;
    return this.column(sql).get(...params, this.limits.unionSample, ...row.params) as number;
  }

  /**
   * An index-ordered scan re-checks rows until the page is full: fine when matches are common, a walk of the whole
   * index when they are rare. Like MongoDB's plan choice, a short posting list on a multikey equality then drives the
   * query instead: SQLite sorts its few rows and the page streams as before. An `$or` of posting intersections (a
   * search's synonym branches) is first answered from the side table as an id set, which replaces its SQL (ADR 0152):
   * a short set drives the query like a short posting list, a longer one is what the ordered scan checks rows against.
   */
  private choosePlan(c: CollectionRuntime, plan: Plan, wanted: number): Plan {
    const sizeUpTo = this.postingSizes(c);
    let where = plan.where;
    let params = plan.params;
    let driverIds: string[] | null = null;
    const ordered = plan.sortPushed && plan.sort !== null && Number.isFinite(wanted);
    // From the last $or back, so the positions of the earlier ones stay true as clauses are replaced.
    for (const union of [...plan.unions].sort((a, b) => b.clause - a.clause)) {
      const branches = this.liveBranches(union, plan.postings, sizeUpTo);
      const check = (id: string) => this.branchCheck(c, branches, id);
      // A short walk is taken at once; a longer one only when a sample of the ordered scan shows matches are rare.
      const ids =
        branches.length === 0
          ? []
          : (this.branchIds(c, branches, sizeUpTo, this.limits.unionQuickWalk) ??
            (ordered && this.sampleHits(c, plan, union, check) >= wanted ? null : this.branchIds(c, branches, sizeUpTo, this.limits.unionWalk)));
      // Without an order to stop early in, checking every row would cost more than the $or's own SQL.
      if (!ids && !ordered) continue;
      // Unary + keeps SQLite from reading the rows by _id and sorting them: the set is checked as the scan goes.
      const clause = ids ? { sql: '+"_id" IN (SELECT value FROM json_each(?))', params: [JSON.stringify(ids)] } : check(`"${c.table}"."_id"`);
      where = [...where.slice(0, union.clause), clause.sql, ...where.slice(union.clause + 1)];
      params = [...params.slice(0, union.paramStart), ...clause.params, ...params.slice(union.paramStart + union.paramCount)];
      if (ids && (!driverIds || ids.length < driverIds.length)) driverIds = ids;
    }
    const chosen: Plan = where === plan.where ? plan : { ...plan, where, params, usedIndex: true };
    if (!plan.sortPushed || !plan.sort) return chosen;
    if (driverIds && driverIds.length <= this.limits.rarePosting) return { ...chosen, driverIds };
    if (plan.postings.length === 0) return chosen;
    const cap = this.limits.rarePosting + 1;
    let driver: Posting | null = null;
    let smallest = cap;
    const sizes = sizeUpTo(plan.postings, cap);
    for (const [i, p] of plan.postings.entries()) {
      const n = sizes[i]!;
      if (n < smallest) {
        smallest = n;
        driver = p;
      }
    }
    return driver ? { ...chosen, driver } : chosen;
  }

  private matching(c: CollectionRuntime, filter: Filter | undefined, sort: SortSpec | undefined, skip: number, limit: number): Doc[] {
    const plan = this.choosePlan(c, planQuery(c.planner, filter, sort), skip + limit);
    this.recordQuery(plan.usedIndex);
    // Compiled at the first candidate: most of a search's queries find none (a kind without the words), and a filter of
    // many synonym branches takes longer to compile than the SQL that answers it.
    let compiled: Query | undefined;
    const query = plan.exact ? null : { test: (doc: Doc) => (compiled ??= new Query(filter ?? {})).test(doc) };
    const out: Doc[] = [];
    if (plan.sortPushed) {
      // SQL order is the answer's order: stream, re-check, stop as soon as the page is full.
      if (limit <= 0) return out;
      let toSkip = skip;
      const page = plan.exact ? { skip, limit } : undefined;
      if (page) toSkip = 0;
      // A page already cut by SQL is small: fetching it at once beats stepping an iterator.
      for (const text of this.candidates(c, plan, page ? 'all' : 'stream', page)) {
        const doc = fromStoredText(text);
        if (query && !query.test(doc)) continue;
        if (toSkip > 0) {
          toSkip--;
          continue;
        }
        out.push(doc);
        if (out.length >= limit) break;
      }
      return out;
    }
    for (const text of this.candidates(c, plan, 'all')) {
      const doc = fromStoredText(text);
      if (!query || query.test(doc)) out.push(doc);
    }
    const sortSpec = Object.fromEntries(plan.sort ?? []);
    let cursor = new Query({}).find<Doc>(out).sort(sortSpec);
    if (skip > 0) cursor = cursor.skip(skip);
    if (Number.isFinite(limit)) cursor = cursor.limit(limit);
    return cursor.all();
  }

  find(name: string, q: FindQuery): Doc[] {
    const c = this.collection(name);
    const near = nearClauseOf(q.filter);
    if (near) return this.findNear(c, near, q);
    this.assertServed(c, 'get', q.filter, q.sort);
    const docs = this.matching(c, q.filter, q.sort, q.skip ?? 0, q.limit ?? Infinity);
    return q.projection && Object.keys(q.projection).length > 0 ? project(docs, q.projection) : docs;
  }

  /** `$near`/`$nearSphere`: needs a geo index on the path; every match of the rest of the filter, nearest first. */
  private findNear(c: CollectionRuntime, near: NearClause, q: FindQuery): Doc[] {
    geoIndexPath(geoIndexPaths(c.spec), near.path, c.name);
    let docs = byDistance(this.matching(c, near.rest, undefined, 0, Infinity), (d) => valueAt(d, near.path), near).map((r) => r.doc);
    // An explicit sort overrides the distance order (MongoDB's documented behaviour).
    if (q.sort) docs = new Query({}).find<Doc>(docs).sort(Object.fromEntries(q.sort)).all();
    const skip = q.skip ?? 0;
    docs = docs.slice(skip, skip + (q.limit ?? Infinity));
    return q.projection && Object.keys(q.projection).length > 0 ? project(docs, q.projection) : docs;
  }

  /** A leading `$geoNear` stage: the documents its query selects, nearest first, with their distance set. */
  private geoNearStage(c: CollectionRuntime, arg: unknown): Doc[] {
    const g = parseGeoNearStage(arg);
    const path = geoIndexPath(geoIndexPaths(c.spec), g.key, c.name);
    return byDistance(this.matching(c, g.query, undefined, 0, Infinity), (d) => valueAt(d, path), g.near).map(({ doc, distance }) => {
      setPath(doc, g.distanceField, distance * g.distanceMultiplier);
      if (g.includeLocs) setPath(doc, g.includeLocs, valueAt(doc, path));
      return doc;
    });
  }

  findById(name: string, id: string | number, projection?: Record<string, unknown>): Doc | null {
    const row = this.readRow(name, id);
    this.recordQuery(true);
    if (!row) return null;
    return projection && Object.keys(projection).length > 0 ? project([row.doc], projection)[0]! : row.doc;
  }

  count(name: string, filter: Filter | undefined): number {
    const c = this.collection(name);
    if (conjunctsOf(filter).length === 0) {
      this.recordQuery(true); // metadata count
      return this.rowCount(c);
    }
    this.assertServed(c, 'count', filter, undefined);
    const plan = planQuery(c.planner, filter, undefined);
    this.recordQuery(plan.usedIndex);
    const where = plan.where.length > 0 ? `WHERE ${plan.where.join(' AND ')}` : '';
    if (plan.exact) return (this.stmt(`SELECT COUNT(*) AS n FROM "${c.table}" ${where}`).get(...plan.params) as { n: number }).n;
    const query = new Query(filter ?? {});
    let n = 0;
    for (const text of this.column(`SELECT doc FROM "${c.table}" ${where}`).all(...plan.params) as string[]) {
      if (query.test(fromStoredText(text))) n++;
    }
    return n;
  }

  aggregate(name: string, pipeline: Array<Record<string, unknown>>): Doc[] {
    const c = this.collection(name);
    const stages = [...pipeline];
    if (!stages.some((s) => '$limit' in s)) stages.push({ $limit: this.opts.aggregateDefaultLimit });
    if (stages.slice(1).some((s) => '$geoNear' in s)) throw requestFailed('$geoNear is only valid as the first stage in a pipeline');
    if (stages[0] && '$geoNear' in stages[0]) return this.runStages(this.geoNearStage(c, stages[0].$geoNear), stages.slice(1));
    // A leading $match [$sort] [$skip] [$limit] runs as a find: same planner, same strict check.
    let i = 0;
    let filter: Filter | undefined;
    let sort: SortSpec | undefined;
    let skip = 0;
    let limit = Infinity;
    if (stages[i] && '$match' in stages[i]!) filter = stages[i++]!.$match as Filter;
    if (stages[i] && '$sort' in stages[i]!) sort = Object.entries(stages[i++]!.$sort as Record<string, 1 | -1>);
    if (stages[i] && '$skip' in stages[i]! && typeof stages[i]!.$skip === 'number') skip = stages[i++]!.$skip as number;
    if (stages[i] && '$limit' in stages[i]! && typeof stages[i]!.$limit === 'number') limit = stages[i++]!.$limit as number;
    this.assertServed(c, 'aggregate', filter, sort);
    const docs = this.matching(c, filter, sort, skip, limit);
    return this.runStages(docs, stages.slice(i));
  }

  private runStages(docs: Doc[], rest: Array<Record<string, unknown>>): Doc[] {
    if (rest.length === 0) return docs;
    try {
      const aggregator = new Aggregator(rest, { collectionResolver: (from: string) => this.allDocs(from) });
      return aggregator.run(docs) as Doc[];
    } catch (e) {
      if (e instanceof DbError) throw e;
      throw requestFailed((e as Error).message);
    }
  }

  private allDocs(name: string): Doc[] {
    const c = this.collections.get(name);
    if (!c) return [];
    return (this.column(`SELECT doc FROM "${c.table}" ORDER BY rowid`).all() as string[]).map((text) => fromStoredText(text));
  }

  // ---- writes -----------------------------------------------------------------------------------------------

  /** Inserts documents (all or none); absent _ids are generated. */
  insertMany(name: string, docs: Doc[]): Array<string | number> {
    const c = this.collection(name);
    return this.write(() =>
      docs.map((d) => {
        const doc = withId(d);
        assertFieldNames(doc);
        this.insertRow(c, doc);
        return doc._id as string | number;
      }),
    );
  }

  updateById(name: string, id: string | number, modifier: Record<string, unknown>): number {
    const c = this.collection(name);
    this.recordQuery(true);
    return this.write(() => {
      const row = this.stmt(`SELECT _id, v, doc FROM "${c.table}" WHERE _id = ?`).get(id) as Row | undefined;
      if (!row) return 0;
      const doc = fromStoredText(row.doc);
      if (doc._id !== id) return 0;
      applyOperators(doc, modifier);
      const text = toStoredText(doc);
      if (text === row.doc) return 0;
      this.replaceRow(c, id, doc);
      return 1;
    });
  }

  /** doc().set(): replaces the document, or creates it (upsert). */
  replaceById(name: string, id: string | number, data: Record<string, unknown>): { updated: number; upsertedId?: string | number } {
    const c = this.collection(name);
    this.recordQuery(true);
    return this.write(() => {
      const row = this.stmt(`SELECT _id, v, doc FROM "${c.table}" WHERE _id = ?`).get(id) as Row | undefined;
      const doc = replacement(id, data);
      assertFieldNames(doc);
      if (!row) {
        this.insertRow(c, doc);
        return { updated: 0, upsertedId: id };
      }
      // The cloud counts a set() that matched as updated even when nothing changed (no write needed then).
      if (toStoredText(doc) !== row.doc) this.replaceRow(c, id, doc);
      return { updated: 1 };
    });
  }

  updateWhere(name: string, filter: Filter | undefined, modifier: Record<string, unknown>, multi: boolean): number {
    const c = this.collection(name);
    this.assertServed(c, 'update', filter, undefined);
    return this.write(() => {
      const targets = this.matching(c, filter, undefined, 0, multi ? Infinity : 1);
      let updated = 0;
      for (const doc of targets) {
        const before = toStoredText(doc);
        applyOperators(doc, modifier);
        if (toStoredText(doc) === before) continue;
        this.replaceRow(c, doc._id as string | number, doc);
        updated++;
      }
      return updated;
    });
  }

  removeById(name: string, id: string | number): number {
    const c = this.collection(name);
    this.recordQuery(true);
    return this.write(() => (this.readRow(name, id) ? this.deleteRow(c, id) : 0));
  }

  removeWhere(name: string, filter: Filter | undefined, multi: boolean): number {
    const c = this.collection(name);
    this.assertServed(c, 'remove', filter, undefined);
    return this.write(() => {
      const targets = this.matching(c, filter, undefined, 0, multi ? Infinity : 1);
      let removed = 0;
      for (const doc of targets) removed += this.deleteRow(c, doc._id as string | number);
      return removed;
    });
  }

  /** Seeding fast path: one SQLite transaction, same storage and index maintenance as add(). */
  bulkInsert(name: string, docs: Doc[]): void {
    this.insertMany(name, docs);
  }
}

/** Removes a dot path in place; through an array it removes the rest of the path from each element, as MongoDB does. */
function removePath(target: unknown, segments: readonly string[]): void {
  if (target === null || typeof target !== 'object') return;
  if (Array.isArray(target)) {
    for (const item of target) removePath(item, segments);
    return;
  }
  const obj = target as Record<string, unknown>;
  const [head, ...rest] = segments;
  if (head === undefined) return;
  if (rest.length === 0) delete obj[head];
  else removePath(obj[head], rest);
}

export function project(docs: Doc[], projection: Record<string, unknown>): Doc[] {
  // An exclusion-only projection (list pages leaving out long texts) edits the freshly parsed documents in place:
  // mingo's general projection copies every document, which costs more than the fields it saves.
  const entries = Object.entries(projection);
  if (entries.every(([key, value]) => !value && key !== '_id')) {
    const paths = entries.map(([key]) => key.split('.'));
    for (const doc of docs) for (const segments of paths) removePath(doc, segments);
    return docs;
  }
  const cut = projectInclusion(docs, projection);
  if (cut) return cut;
  try {
    return new Query({}).find<Doc>(docs, projection).all();
  } catch (e) {
    throw requestFailed((e as Error).message);
  }
}
