// The record each detail page opens on when the accessibility sweep and the screenshots visit it: the first one the
// identity can see in the demo data, found through the API as that identity (so a page is measured as it looks with
// content, not only in its not-found state). List pages take no query.
import type { ActionName, ApiResponse, RequestOf, ResponseOf } from '../../typings/api';
import { localCloud } from '../local-cloud';
import { demoIdentity } from '../seed/identities';

type Main = (event: unknown, context: unknown) => Promise<unknown>;
type Query = Record<string, string>;

/** One detail page: how to find the id it opens on, as the visiting identity. */
type Finder = (ask: <N extends ActionName>(action: N, payload: RequestOf<N>) => Promise<ResponseOf<N> | null>) => Promise<Query | null>;

const firstId = (page: { items: Array<{ id: string }> } | null): Query | null => (page?.items[0] ? { id: page.items[0].id } : null);

const FINDERS: Record<string, Finder> = {
  'pages/policy/index': async (ask) => firstId(await ask('policy.list', { limit: 1 })),
  'pages/draft/index': async (ask) => firstId(await ask('draft.list', { limit: 1, status: 'open' })),
  'pages/letter/index': async (ask) => firstId(await ask('case.listPublic', { limit: 1 })),
  'pages/case/index': async (ask) => firstId(await ask('case.listMine', { limit: 1 })),
  'staff/case/index': async (ask) => firstId(await ask('case.queue', { limit: 1 })),
  'staff/policy-edit/index': async (ask) => firstId(await ask('policy.list', { limit: 1, status: 'all' })),
  'staff/draft-edit/index': async (ask) => firstId(await ask('draft.list', { limit: 1, status: 'open' })),
  'pages/guide-item/index': async (ask) => firstId(await ask('guide.list', { limit: 1 })),
  'pages/survey/index': async (ask) => firstId(await ask('survey.list', { limit: 1, status: 'open' })),
  'pages/survey-results/index': async (ask) => firstId(await ask('survey.list', { limit: 1, status: 'results' })),
  'pages/announcement/index': async (ask) => firstId(await ask('announcement.list', { limit: 1 })),
  'staff/guide-edit/index': async (ask) => firstId(await ask('guide.list', { limit: 1, status: 'all' })),
  'staff/survey-edit/index': async (ask) => firstId(await ask('survey.list', { limit: 1, status: 'all' })),
  'staff/survey-results/index': async (ask) => firstId(await ask('survey.list', { limit: 1, status: 'results' })),
  'staff/announcement-edit/index': async (ask) => firstId(await ask('announcement.list', { limit: 1, status: 'all' })),
  'staff/draft-report/index': async (ask) =>
    firstId(await ask('draft.list', { limit: 1, status: 'closed' })) ?? firstId(await ask('draft.list', { limit: 1, status: 'reported' })),
};

/** Routes that open on a record. */
export const DETAIL_ROUTES: readonly string[] = Object.keys(FINDERS);

/**
 * Looks up, once per (route, identity), the query that opens `route` on a record `identity` may see; an empty query
 * for list pages and when the identity sees none (the page then shows its empty state, which is measured too).
 */
export function sampleQueries(): (route: string, identity: string) => Promise<Query> {
  const cache = new Map<string, Promise<Query>>();
  let main: Promise<Main> | null = null;
  const ask = (identity: string) => async <N extends ActionName>(action: N, payload: RequestOf<N>): Promise<ResponseOf<N> | null> => {
    main ??= import('../../cloudfunctions/api/src').then((m) => (m as { main: Main }).main);
    const res = (await localCloud.invoke(await main, { action, payload }, { OPENID: demoIdentity(identity).openid })) as ApiResponse<ResponseOf<N>>;
    return res.ok ? res.data : null;
  };
  return (route, identity) => {
    const finder = FINDERS[route];
    if (!finder) return Promise.resolve({});
    const key = `${route} ${identity}`;
    let found = cache.get(key);
    if (!found) {
      found = finder(ask(identity)).then((q) => q ?? {});
      cache.set(key, found);
    }
    return found;
  };
}

/** `/route?query` for wx.reLaunch. */
export function urlOf(route: string, query: Query): string {
  const qs = new URLSearchParams(query).toString();
  return qs ? `/${route}?${qs}` : `/${route}`;
}
