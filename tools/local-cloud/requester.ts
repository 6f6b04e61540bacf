// What the SDK instantiates as `new Db.reqClass(config)`: it answers `send(action, params)` with the envelope the
// TCB HTTP API returns ({requestId, data} or {requestId, code, message}), so everything above it is the SDK's own code.
import { randomUUID } from 'crypto';
import { performance } from 'perf_hooks';
import { setImmediate as nodeSetImmediate } from 'timers';
import type { ActionParams } from './executor';
import { backend } from './runtime';
import { DbError } from './store/errors';

/** At most this long on promise ticks alone before the loop gets a turn: sequential work keeps its speed. */
const SLICE_MS = 2;
let lastTurn = performance.now();
let servingHttp = false;

/**
 * The gateway turns this on: it serves many callers over sockets, where a starved loop stalls everyone. In-process
 * callers (tests, seeding, benches of one call at a time) keep promise ticks only, the behaviour their timing expects.
 */
export function yieldToEventLoopBetweenCalls(on: boolean): void {
  servingHttp = on;
}

const yieldToEventLoop = (): Promise<void> => {
  if (!servingHttp || performance.now() - lastTurn < SLICE_MS) return Promise.resolve();
  return new Promise<void>((resolve) =>
    nodeSetImmediate(() => {
      lastTurn = performance.now();
      resolve();
    }),
  );
};
const TRANSACTION_ACTIONS = new Set(['database.startTransaction', 'database.commitTransaction', 'database.abortTransaction']);
const inTransaction = (action: string, params: ActionParams): boolean => TRANSACTION_ACTIONS.has(action) || typeof params.transactionId === 'string';

export class LocalDbRequester {
  // The SDK passes its config; we have nothing to do with it.
  constructor(readonly config?: unknown) {}

  async send(action: string, params?: ActionParams): Promise<Record<string, unknown>> {
    // Always yield first, so concurrent invocations interleave between database calls as they would against a
    // server. Outside transactions, to the event loop once a 2 ms slice is used: invocations chained on promise ticks
    // alone ran to completion before the loop read a socket or fired a timer, so under load new requests and the
    // transaction retries' back-off waited for every call in flight (multi-second stalls, docs/adr/0055); a turn for
    // every call made sequential work slower. Inside a transaction, a promise tick: a transaction then spans no turn
    // of the loop, so only transactions started together can conflict, where a turn per operation let every writer
    // of the shared counters collide for dozens of retries.
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
