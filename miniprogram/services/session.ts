// The session: meta.get (types, catalog, limits, the server's vocabulary) and me.get (who the caller is), read once
// per launch and shared by every page. Neither changes while the app runs, except when an admin saves settings or
// the catalog: those pages call `invalidateSession()` so the next read fetches again. A failed read is not kept.
import type { MeGetResponse, MetaGetResponse } from '../../typings/api';
import { call } from './api';

interface Cache {
  meta?: Promise<MetaGetResponse>;
  me?: Promise<MeGetResponse>;
}

/**
 * One cache per launch, kept on the App instance, which a new launch (or a test's new identity) replaces. On the App
 * rather than in this module: the page tests load each page with its own copy of the modules, and every copy must
 * see the one launch's session, as in WeChat.
 */
const SLOT = '__session';
type AppWithSession = { [SLOT]?: Cache };

function cache(): Cache {
  const app = getApp<IAppOption>() as IAppOption & AppWithSession;
  return (app[SLOT] ??= {});
}

/** The kept answer of `slot`, or a fresh read kept there; a failure is for this read only (the next page asks again). */
function remember<T>(slot: { get(): Promise<T> | undefined; set(value: Promise<T> | undefined): void }, read: () => Promise<T>): Promise<T> {
  const kept = slot.get();
  if (kept) return kept;
  const fresh = read();
  slot.set(fresh);
  fresh.catch(() => {
    if (slot.get() === fresh) slot.set(undefined);
  });
  return fresh;
}

export function getMeta(): Promise<MetaGetResponse> {
  const c = cache();
  return remember({ get: () => c.meta, set: (v) => (c.meta = v) }, () => call('meta.get', {}));
}

export function getMe(): Promise<MeGetResponse> {
  const c = cache();
  return remember({ get: () => c.me, set: (v) => (c.me = v) }, () => call('me.get', {}));
}

/** After an admin changed settings, the catalog or staff: the next read asks the server again. */
export function invalidateSession(): void {
  delete (getApp<IAppOption>() as IAppOption & AppWithSession)[SLOT];
}
