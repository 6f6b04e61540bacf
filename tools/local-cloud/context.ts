// Caller identity per invocation. The real SDK reads process-wide environment variables, which concurrent local
// invocations would overwrite; AsyncLocalStorage keeps each invocation's identity with its own async chain.
import { AsyncLocalStorage } from 'async_hooks';

export interface WxContextInput {
  OPENID?: string;
  APPID?: string;
  UNIONID?: string;
  SOURCE?: string;
}

export interface WxContext {
  OPENID: string | undefined;
  APPID: string | undefined;
  UNIONID: string | undefined;
  ENV: string;
  SOURCE: string | undefined;
}

const storage = new AsyncLocalStorage<Readonly<WxContextInput>>();

export function runWithContext<R>(ctx: WxContextInput, fn: () => R): R {
  return storage.run(Object.freeze({ ...ctx }), fn);
}

/**
 * Forgets every context until the next runWithContext; closing the local cloud calls it. Node 20 runs a hook per
 * enabled storage for every promise made anywhere in the process, and under jest each test file loads its own copy of
 * this module: storages never disabled piled up, and a worker's later files paid several times over for every promise
 * (docs/adr/0165).
 */
export function releaseContext(): void {
  storage.disable();
}

export function currentContext(): Readonly<WxContextInput> | undefined {
  return storage.getStore();
}

export function wxContextFor(envId: string, appId: string): WxContext {
  const ctx = storage.getStore() ?? {};
  return {
    OPENID: ctx.OPENID,
    APPID: ctx.APPID ?? appId,
    UNIONID: ctx.UNIONID,
    ENV: envId,
    SOURCE: ctx.SOURCE,
  };
}
