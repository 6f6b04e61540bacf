// What the SDK instantiates as `new Db.reqClass(config)`: it answers `send(action, params)` with the envelope the
// TCB HTTP API returns ({requestId, data} or {requestId, code, message}), so everything above it is the SDK's own code.
import { randomUUID } from 'crypto';
import type { ActionParams } from './executor';
import { backend } from './runtime';
import { DbError } from './store/errors';

export class LocalDbRequester {
  // The SDK passes its config; we have nothing to do with it.
  constructor(readonly config?: unknown) {}

  async send(action: string, params?: ActionParams): Promise<Record<string, unknown>> {
    // Always yield first, so concurrent invocations interleave between database calls as they would against a
    // server. A promise tick, not a timer: it keeps working under jest's fake timers.
    await Promise.resolve();
    const requestId = randomUUID();
    const p = params ?? {};
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
