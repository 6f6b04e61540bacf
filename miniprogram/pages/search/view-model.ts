// What the search page shows, from search.query's answer: groups of hits (each fact once, for a small setData), the
// line of synonyms searched too, and the way on when nothing was found. No wx here: unit-tested in Node.
import type { SearchGroup, SearchHit, SearchKind, SearchQueryResponse } from '../../../typings/api';
import { normalizeRuns, type Run } from '../../utils/policy-view';

export interface HitView {
  id: string;
  titleParts: Run[];
  snippet: Run[];
  meta: string;
  badge: string;
  path: string;
}

export interface GroupView {
  kind: SearchKind;
  label: string;
  items: HitView[];
  /** More of this kind on the server (the cursor itself stays off `data`). */
  more: boolean;
  loadingMore: boolean;
  moreError: string;
}

/** Pages only open pages of the mini program: a path from elsewhere is not followed. */
export const isPagePath = (path: string): boolean => /^\/pages\/[a-z-]+\/index(\?|$)/.test(path);

export function hitView(h: SearchHit): HitView {
  return {
    id: h.id,
    titleParts: normalizeRuns(h.titleParts, ''),
    snippet: h.snippet ? normalizeRuns(h.snippet, '') : [],
    meta: h.meta,
    badge: h.badge ?? '',
    path: isPagePath(h.path) ? h.path : '',
  };
}

export function groupView(g: SearchGroup): GroupView {
  return { kind: g.kind, label: g.label, items: g.items.map(hitView), more: g.nextCursor !== null, loadingMore: false, moreError: '' };
}

/** "同时查找了：养老金、退休工资" or '' when the words were searched as typed. */
export function alsoText(res: Pick<SearchQueryResponse, 'alsoSearched'>): string {
  return res.alsoSearched.length ? `同时查找了：${res.alsoSearched.slice(0, 6).join('、')}` : '';
}

/** 我要反映问题 with the words as the title of an inquiry (the submit form keeps titles within its limit). */
export function askUrl(q: string): string {
  return `/pages/submit/index?type=inquiry&title=${encodeURIComponent(q)}`;
}

export interface SearchView {
  groups: GroupView[];
  also: string;
  suggestions: string[];
  empty: boolean;
}

export function searchView(res: SearchQueryResponse): SearchView {
  const groups = res.groups.filter((g) => g.items.length > 0).map(groupView);
  return { groups, also: alsoText(res), suggestions: res.suggestions, empty: groups.length === 0 };
}
