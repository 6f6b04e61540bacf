// Transactions as the cloud offers them: single-document operations only (doc get/set/update/remove, add),
// buffered until commit. A write conflicts at once (DATABASE_TRANSACTION_CONFLICT) when another open transaction
// has written the document or it changed since this transaction first read it, as in MongoDB; the commit re-checks
// (a non-transactional write may land in between). See docs/adr/0076 for what the SDK does with each.
import { randomBytes } from 'crypto';
import { copyDoc, toStoredText, type Doc } from '../ejson';
import { duplicateKey, transactionConflict, transactionFailed } from './errors';
import { applyOperators, assertFieldNames, replacement } from './modify';
import { Aggregator, Query } from './mingo';
import type { SortSpec } from './planner';
import { project, withId, type FindQuery, type Store } from './store';

interface Entry {
  collection: string;
  id: string | number;
  /** version when first read (0: absent) */
  baseVersion: number;
  existed: boolean;
  current: Doc | null;
  written: boolean;
}

interface Transaction {
  entries: Map<string, Entry>;
  startedAt: number;
}

/** MongoDB aborts a transaction open longer than this (transactionLifetimeLimitSeconds): its write locks lapse. */
const TRANSACTION_LIFETIME_MS = 60_000;

const keyOf = (collection: string, id: string | number): string => `${collection}\u0000${typeof id}\u0000${id}`;

// Not structuredClone: under jest it belongs to the outer realm and its Dates fail the test realm's checks.
const clone = (doc: Doc | null): Doc | null => (doc ? copyDoc(doc) : null);

/** The store's order: the sort keys, ties broken by _id in the direction of the last key. */
function sortDocs(docs: Doc[], sort: SortSpec | undefined): Doc[] {
  if (!sort || sort.length === 0) return docs;
  const spec: Record<string, 1 | -1> = {};
  for (const [path, dir] of sort) spec[path] = dir;
  spec._id ??= sort[sort.length - 1]![1];
  return new Aggregator([{ $sort: spec }]).run(docs) as Doc[];
}

export class Transactions {
  private readonly open = new Map<string, Transaction>();
  /** document key -> the open transaction holding an uncommitted write on it (MongoDB's write lock) */
  private readonly writers = new Map<string, string>();

  constructor(
    private readonly store: Store,
    private readonly dbName: string,
  ) {}

  begin(): string {
    const id = randomBytes(12).toString('hex');
    this.open.set(id, { entries: new Map(), startedAt: Date.now() });
    return id;
  }

  abort(id: string): void {
    this.release(id);
    this.open.delete(id);
  }

  clear(): void {
    this.open.clear();
    this.writers.clear();
  }

  private release(txId: string): void {
    const tx = this.open.get(txId);
    if (!tx) return;
    for (const key of tx.entries.keys()) if (this.writers.get(key) === txId) this.writers.delete(key);
  }

  /**
   * A write conflicts at once, as in MongoDB, when another open transaction holds an uncommitted write on the
   * document or the document changed since this transaction first read it. A holder past its lifetime is aborted.
   */
  private claim(txId: string, key: string, e: Entry): void {
    const holder = this.writers.get(key);
    if (holder !== undefined && holder !== txId) {
      const other = this.open.get(holder);
      if (other && Date.now() - other.startedAt < TRANSACTION_LIFETIME_MS) throw transactionConflict();
      this.abort(holder);
    }
    if (this.store.versionOf(e.collection, e.id) !== e.baseVersion) throw transactionConflict();
    this.writers.set(key, txId);
  }

  private tx(id: string): Transaction {
    const tx = this.open.get(id);
    if (!tx) throw transactionFailed(id);
    return tx;
  }

  private entry(tx: Transaction, collection: string, id: string | number): Entry {
    const key = keyOf(collection, id);
    let e = tx.entries.get(key);
    if (!e) {
      const row = this.store.readRow(collection, id);
      e = { collection, id, baseVersion: row?.v ?? 0, existed: row !== null, current: row?.doc ?? null, written: false };
      tx.entries.set(key, e);
    }
    return e;
  }

  get(txId: string, collection: string, id: string | number): Doc | null {
    return clone(this.entry(this.tx(txId), collection, id).current);
  }

  /**
   * where().get() in a transaction: the committed documents, with this transaction's own writes in that collection
   * laid over them (its inserts and updates that match, without what it removed).
   */
  find(txId: string, collection: string, q: FindQuery): Doc[] {
    const tx = this.tx(txId);
    const writes = [...tx.entries.values()].filter((e) => e.written && e.collection === collection);
    if (writes.length === 0) return this.store.find(collection, q);
    const skip = q.skip ?? 0;
    const limit = q.limit ?? Infinity;
    const written = new Set(writes.map((e) => `${typeof e.id}\u0000${e.id}`));
    const query = new Query(q.filter ?? {});
    const merged = this.store
      .find(collection, { ...(q.filter ? { filter: q.filter } : {}), ...(q.sort ? { sort: q.sort } : {}), limit: skip + limit + writes.length })
      .filter((d) => !written.has(`${typeof d._id}\u0000${String(d._id)}`))
      .concat(writes.flatMap((e) => (e.current && query.test(e.current) ? [clone(e.current)!] : [])));
    const page = sortDocs(merged, q.sort).slice(skip, skip + limit);
    return q.projection && Object.keys(q.projection).length > 0 ? project(page, q.projection) : page;
  }

  insert(txId: string, collection: string, docs: Doc[]): Array<string | number> {
    const tx = this.tx(txId);
    return docs.map((d) => {
      const doc = withId(d);
      const id = doc._id as string | number;
      const e = this.entry(tx, collection, id);
      if (e.current) throw duplicateKey(this.dbName, collection, '_id_', [['_id', id]]);
      assertFieldNames(doc);
      this.claim(txId, keyOf(collection, id), e);
      e.current = doc;
      e.written = true;
      return id;
    });
  }

  update(txId: string, collection: string, id: string | number, modifier: Record<string, unknown>): number {
    const e = this.entry(this.tx(txId), collection, id);
    if (!e.current) return 0;
    const next = clone(e.current)!;
    applyOperators(next, modifier);
    if (toStoredText(next) === toStoredText(e.current)) return 0;
    this.claim(txId, keyOf(collection, id), e);
    e.current = next;
    e.written = true;
    return 1;
  }

  set(txId: string, collection: string, id: string | number, data: Record<string, unknown>): { updated: number; upsertedId?: string | number } {
    const e = this.entry(this.tx(txId), collection, id);
    const created = e.current === null;
    const doc = replacement(id, data);
    assertFieldNames(doc);
    this.claim(txId, keyOf(collection, id), e);
    e.current = doc;
    e.written = true;
    return created ? { updated: 0, upsertedId: id } : { updated: 1 };
  }

  remove(txId: string, collection: string, id: string | number): number {
    const e = this.entry(this.tx(txId), collection, id);
    if (!e.current) return 0;
    this.claim(txId, keyOf(collection, id), e);
    e.current = null;
    e.written = true;
    return 1;
  }

  /** Validates and applies every write in one SQLite transaction; the transaction is gone afterwards either way. */
  commit(txId: string): void {
    const tx = this.tx(txId);
    this.release(txId);
    this.open.delete(txId);
    const writes = [...tx.entries.values()].filter((e) => e.written);
    this.store.write(() => {
      for (const e of writes) if (this.store.versionOf(e.collection, e.id) !== e.baseVersion) throw transactionConflict();
      for (const e of writes) {
        if (!e.existed && e.current === null) continue;
        this.store.applyCommitted(e.collection, e.id, e.existed, e.current);
      }
    });
  }
}
