// What the SDK instantiates as `new Db.reqClass(config)`: it answers `send(action, params)` with the envelope the
// TCB HTTP API returns ({requestId, data} or {requestId, code, message}), so everything above it is the SDK's own code.
import { randomUUID } from 'crypto';
import type { ActionParams } from './executor';
import { backend } from './runtime';
import { DbError } from './store/errors';

const realSetImmediate = setImmediate;
const yieldToEventLoop = () => new Promise<void>((resolve) => realSetImmediate(resolve));
const TRANSACTION_ACTIONS = new Set(['database.startTransaction', 'database.commitTransaction', 'database.abortTransaction']);
const inTransaction = (action: string, params: ActionParams): boolean => TRANSACTION_ACTIONS.has(action) || typeof params.transactionId === 'string';

export class LocalDbRequester {
  // The SDK passes its config; we have nothing to do with it.
  constructor(readonly config?: unknown) {}

  async send(action: string, params?: ActionParams): Promise<Record<string, unknown>> {
    // Always yield first, so concurrent invocations interleave between database calls as they would against a
    // server. Outside transactions, to the event loop: invocations chained on promise ticks alone run to completion
    // before the loop reads a socket or fires a timer, so under load new requests and the transaction retries'
    // back-off waited for every call in flight (multi-second stalls, docs/adr/0055). Inside a transaction, a promise
    // tick: a transaction then spans no turn of the loop, so only transactions started together can conflict, where
    // a turn per operation let every writer of the shared counters collide for dozens of retries.
    const p = params ?? {};
    await (inTransaction(action, p) ? Promise.resolve() : yieldToEventLoop());
    const requestId = randomUUID();
    try {
      const db = backend();
      db.onRequest?.(action, p);
      const data = db.execute(action, p);
      if (action === 'database.startTransaction') return { requestId, ...data };
      return { requestId, data };
    } catch (e) {
      if (e instanceof DbError) return { requestId, code: e.code, message: e.message };
      const message = typeof (e as { message?: unknown })?.message === 'string' ? (e as { message: string }).message : String(e);
      return { requestId, code: 'DATABASE_REQUEST_FAILED', message: `LOCAL_CLOUD internal error: ${message}` };
    }
  }
}
