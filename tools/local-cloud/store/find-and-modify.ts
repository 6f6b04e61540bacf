// modifyAndReturnDoc (Query.updateAndReturn of @cloudbase/database): updates the first document the filter matches
// and answers it as it is after the update, like MongoDB's findAndModify with `new: true`. Composed from the store's
// and the transactions' single-document operations; a request runs synchronously, so nothing interleaves.
import type { Doc } from '../ejson';
import type { Filter } from './conditions';
import type { Store } from './store';
import type { Transactions } from './transactions';

export interface ModifiedDoc {
  updated: number;
  doc: Doc | null;
}

export function modifyAndReturn(store: Store, collection: string, filter: Filter, modifier: Record<string, unknown>): ModifiedDoc {
  return store.write(() => {
    const [target] = store.find(collection, { filter, limit: 1 });
    if (!target) return { updated: 0, doc: null };
    const id = target._id as string | number;
    const updated = store.updateById(collection, id, modifier);
    return { updated, doc: store.readRow(collection, id)?.doc ?? null };
  });
}

export function modifyAndReturnInTransaction(transactions: Transactions, txId: string, collection: string, filter: Filter, modifier: Record<string, unknown>): ModifiedDoc {
  const [target] = transactions.find(txId, collection, { filter, limit: 1 });
  if (!target) return { updated: 0, doc: null };
  const id = target._id as string | number;
  const updated = transactions.update(txId, collection, id, modifier);
  return { updated, doc: transactions.get(txId, collection, id) };
}
