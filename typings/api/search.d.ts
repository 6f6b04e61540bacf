// One search for citizens over every public kind of content (docs/adr/0096-one-search-for-citizens.md). Each kind is a
// source on the server (cloudfunctions/api/src/actions/search/sources.ts); a new kind adds its key here and one source.

/** The kinds of content the search looks through, in the order their groups are shown. */
export type SearchKind = 'policy' | 'guide' | 'draft' | 'announcement' | 'letter';

export interface SearchRun {
  text: string;
  hit: boolean;
}

/** One result, ready to show: the page opens `path`. */
export interface SearchHit {
  kind: SearchKind;
  id: string;
  /** The title with the searched words marked. */
  titleParts: SearchRun[];
  /** A short excerpt around the first place the words occur, marked; absent when the title says it all. */
  snippet?: SearchRun[];
  /** One line under the title: 文号 and issuer, the consultation's countdown, the letter's type and category. */
  meta: string;
  /** A status worth a tag (征求意见中, 已失效); absent for the ordinary case. */
  badge?: string;
  /** The page that shows it, with its query: /pages/policy/index?id=... */
  path: string;
}

export interface SearchGroup {
  kind: SearchKind;
  /** 政策文件, 意见征集, 公开信件 */
  label: string;
  items: SearchHit[];
  /** Pass back with `kind` for the group's next page; null when the group is complete. */
  nextCursor: string | null;
}

export interface SearchQueryRequest {
  q: string;
  /** One group only (its next page with `cursor`); every group's first hits when absent. */
  kind?: SearchKind;
  limit?: number;
  cursor?: string;
}

export interface SearchQueryResponse {
  /** The groups that have hits, in the order of SearchKind. */
  groups: SearchGroup[];
  /** Synonyms searched besides the words typed ("退休金" also searched as 养老金, 退休工资...). */
  alsoSearched: string[];
  /** Other searches worth trying when nothing or little was found. */
  suggestions: string[];
}

export interface SearchActions {
  'search.query': { req: SearchQueryRequest; res: SearchQueryResponse };
}
