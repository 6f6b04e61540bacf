// What one kind of content gives the search: its key and label, how to ask its index for a page of matches, and how a
// match is shown. A new kind (办事指南, 通知公告) is one more SearchSource in sources.ts and its key in SearchKind.
import type { SearchHit, SearchKind } from '../../../../../typings/api';
import type { ParsedQuery } from '../../domain/search/query';
import type { ActionContext } from '../../lib/action';
import { _ } from '../../lib/db';
import type { Condition, Phase, PhasedPage } from '../../repositories/phased-page';

export interface SearchPageRequest {
  limit: number;
  cursor?: string;
}

export interface SourceDef<D> {
  kind: SearchKind;
  /** The group's heading: 政策文件 */
  label: string;
  /** A page of matching records, from the token indexes only (phasedPage over `tokenPhases`). */
  find(query: ParsedQuery, page: SearchPageRequest, ctx: ActionContext): Promise<PhasedPage<D>>;
  /** The records as hits; async when names must be looked up (one read for the page, not one per hit). */
  render(docs: D[], query: ParsedQuery, ctx: ActionContext): SearchHit[] | Promise<SearchHit[]>;
}

/** A source as the registry holds it: whatever its records, it answers a page of hits. */
export interface SearchSource {
  kind: SearchKind;
  label: string;
  search(query: ParsedQuery, page: SearchPageRequest, ctx: ActionContext): Promise<{ items: SearchHit[]; nextCursor: string | null }>;
}

export function defineSource<D>(def: SourceDef<D>): SearchSource {
  return {
    kind: def.kind,
    label: def.label,
    async search(query, page, ctx) {
      const found = await def.find(query, page, ctx);
      return { items: found.docs.length ? await def.render(found.docs, query, ctx) : [], nextCursor: found.nextCursor };
    },
  };
}

/** A document holds every token of one of the query's branches, in the token array `field` (a multikey index). */
export function tokenMatch(field: string, branches: string[][]): Condition {
  const each = branches.map((tokens) => ({ [field]: _.all(tokens) }));
  return each.length === 1 ? each[0]! : _.or(...each);
}

/** A document holds no branch in `field`: the complement of tokenMatch, as one condition per branch. */
function tokenMiss(field: string, branches: string[][]): Condition[] {
  return branches.map((tokens) => ({ [field]: _.not(_.all(tokens)) }));
}

/**
 * Title hits first, then hits in the text only, each by the list's own key: the ranking the policy library has had
 * since ADR 0030, for any kind that stores both token arrays.
 */
export function tokenPhases(
  query: ParsedQuery,
  where: Record<string, unknown>,
  key: string,
  dir: 1 | -1,
  fields: { title?: string; text: string } = { title: 'titleTokens', text: 'searchTokens' },
): Phase[] {
  if (!fields.title) return [{ where, key, dir, also: [tokenMatch(fields.text, query.branches)] }];
  return [
    { where, key, dir, also: [tokenMatch(fields.title, query.branches)] },
    { where, key, dir, also: [tokenMatch(fields.text, query.branches), ...tokenMiss(fields.title, query.branches)] },
  ];
}
