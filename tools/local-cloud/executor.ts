// The database side of the cloud: every action @cloudbase/database sends through Db.reqClass, decoded from the
// wire and answered in the shape the SDK expects from the real service (see node_modules/@cloudbase/database/src).
import { decodeWire, toStoredText, type Doc } from './ejson';
import type { Filter } from './store/conditions';
import { DbError, requestFailed } from './store/errors';
import { isOperatorUpdate } from './store/modify';
import type { SortSpec } from './store/planner';
import type { Store } from './store/store';
import type { Transactions } from './store/transactions';

export type ActionParams = Record<string, unknown>;
export type ActionData = Record<string, unknown>;

function str(params: ActionParams, key: string): string {
  const v = params[key];
  if (typeof v !== 'string' || !v) throw new DbError('INVALID_PARAM', `${key} must be a non-empty string`);
  return v;
}

function optionalTx(params: ActionParams): string | undefined {
  const v = params.transactionId;
  return typeof v === 'string' && v ? v : undefined;
}

function asRecord(v: unknown, what: string): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new DbError('INVALID_PARAM', `${what} must be an object`);
  return v as Record<string, unknown>;
}

function docIdOf(query: Filter): string | number {
  const id = query._id;
  if (typeof id === 'string' || typeof id === 'number') return id;
  throw new DbError('INVALID_PARAM', 'a DOC query must name one _id');
}

function toSort(order: Record<string, unknown>): SortSpec {
  return Object.entries(order).map(([path, dir]) => [path, Number(dir) < 0 ? -1 : 1]);
}

export class Executor {
  constructor(
    private readonly store: Store,
    private readonly transactions: Transactions,
    private readonly nowMs: () => number,
  ) {}

  execute(action: string, params: ActionParams): ActionData {
    const now = this.nowMs();
    const decode = (v: unknown): unknown => (typeof v === 'string' ? decodeWire(v, now) : v);
    const queryOf = (): Filter => (params.query === undefined ? {} : asRecord(decode(params.query), 'query'));
    switch (action) {
      case 'database.insertDocument':
        return this.insert(params, decode);
      case 'database.getDocument':
        return this.get(params, queryOf(), decode);
      case 'database.calculateDocument':
        return { total: this.store.count(str(params, 'collectionName'), queryOf()) };
      case 'database.modifyDocument':
        return this.modify(params, queryOf(), asRecord(decode(params.data), 'data'));
      case 'database.modifyAndReturnDoc':
        return this.modifyAndReturn(params, queryOf(), asRecord(decode(params.data), 'data'));
      case 'database.removeDocument':
        return this.remove(params, queryOf());
      case 'database.aggregateDocuments':
        return this.aggregate(params, decode);
      case 'database.addCollection':
        this.store.createCollection(str(params, 'collectionName'));
        return {};
      case 'database.startTransaction':
        return { transactionId: this.transactions.begin() };
      case 'database.commitTransaction':
        this.transactions.commit(str(params, 'transactionId'));
        return {};
      case 'database.abortTransaction':
        this.transactions.abort(str(params, 'transactionId'));
        return {};
      default:
        throw requestFailed(`LOCAL_CLOUD: the local cloud does not implement ${action}`);
    }
  }

  private insert(params: ActionParams, decode: (v: unknown) => unknown): ActionData {
    const collection = str(params, 'collectionName');
    const raw = params.data;
    if (!Array.isArray(raw) || raw.length === 0) throw new DbError('INVALID_PARAM', 'data must be a non-empty array');
    const docs = raw.map((d) => asRecord(decode(d), 'document'));
    const tx = optionalTx(params);
    if (tx) {
      return { insertedIds: this.transactions.insert(tx, collection, docs) };
    }
    return { insertedIds: this.store.insertMany(collection, docs) };
  }

  private get(params: ActionParams, query: Filter, decode: (v: unknown) => unknown): ActionData {
    const collection = str(params, 'collectionName');
    const projection = params.projection === undefined ? undefined : asRecord(decode(params.projection), 'projection');
    const tx = optionalTx(params);
    if (params.queryType === 'DOC') {
      const id = docIdOf(query);
      if (tx) {
        const doc = this.transactions.get(tx, collection, id);
        return { list: doc ? [toStoredText(doc)] : [] };
      }
      const doc = this.store.findById(collection, id, projection);
      return { list: doc ? [toStoredText(doc)] : [] };
    }
    const order = params.order === undefined ? undefined : toSort(asRecord(decode(params.order), 'order'));
    const q = {
      filter: query,
      ...(order ? { sort: order } : {}),
      skip: typeof params.offset === 'number' ? params.offset : 0,
      limit: typeof params.limit === 'number' ? params.limit : 100,
      ...(projection ? { projection } : {}),
    };
    const docs = tx ? this.transactions.find(tx, collection, q) : this.store.find(collection, q);
    return { list: docs.map((d) => toStoredText(d)) };
  }

  private modify(params: ActionParams, query: Filter, data: Record<string, unknown>): ActionData {
    const collection = str(params, 'collectionName');
    const tx = optionalTx(params);
    const replace = params.merge === false;
    if (params.queryType === 'DOC') {
      const id = docIdOf(query);
      if (replace) {
        if (isOperatorUpdate(data)) throw requestFailed('set() data cannot contain update operators');
        const r = tx ? this.transactions.set(tx, collection, id, data) : this.store.replaceById(collection, id, data);
        return r.upsertedId !== undefined ? { updated: r.updated, upsert_id: r.upsertedId } : { updated: r.updated };
      }
      const modifier = isOperatorUpdate(data) ? data : { $set: data };
      return { updated: tx ? this.transactions.update(tx, collection, id, modifier) : this.store.updateById(collection, id, modifier) };
    }
    const modifier = isOperatorUpdate(data) ? data : { $set: data };
    return { updated: this.store.updateWhere(collection, query, modifier, params.multi !== false) };
  }

  /**
   * where().updateAndReturn() (findAndModify): the first document the query matches, updated, and returned as it is
   * after the update; `{updated: 0, doc: null}` when none matches. In a transaction the document is read and written
   * through it, so a concurrent change to it fails the commit.
   */
  private modifyAndReturn(params: ActionParams, query: Filter, data: Record<string, unknown>): ActionData {
    const collection = str(params, 'collectionName');
    const tx = optionalTx(params);
    const modifier = isOperatorUpdate(data) ? data : { $set: data };
    const [target] = tx ? this.transactions.find(tx, collection, { filter: query, limit: 1 }) : this.store.find(collection, { filter: query, limit: 1 });
    if (!target) return { updated: 0, doc: null };
    const id = target._id as string | number;
    const updated = tx ? this.transactions.update(tx, collection, id, modifier) : this.store.updateById(collection, id, modifier);
    const after = tx ? this.transactions.get(tx, collection, id) : this.store.findById(collection, id);
    return { updated, doc: after ? toStoredText(after) : null };
  }

  private remove(params: ActionParams, query: Filter): ActionData {
    const collection = str(params, 'collectionName');
    const tx = optionalTx(params);
    if (params.queryType === 'DOC') {
      const id = docIdOf(query);
      if (tx) {
        return { deleted: this.transactions.remove(tx, collection, id) };
      }
      return { deleted: this.store.removeById(collection, id) };
    }
    return { deleted: this.store.removeWhere(collection, query, params.multi !== false) };
  }

  private aggregate(params: ActionParams, decode: (v: unknown) => unknown): ActionData {
    const collection = str(params, 'collectionName');
    const stages = params.stages;
    if (!Array.isArray(stages)) throw new DbError('INVALID_PARAM', 'stages must be an array');
    const pipeline = stages.map((s) => {
      const stage = asRecord(s, 'stage');
      if (typeof stage.stageKey !== 'string') throw new DbError('INVALID_PARAM', 'stageKey must be a string');
      return { [stage.stageKey]: decode(stage.stageValue) };
    });
    const docs: Doc[] = this.store.aggregate(collection, pipeline);
    return { list: docs.map((d) => toStoredText(d)) };
  }
}
