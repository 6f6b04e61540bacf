// search.query: the citizens' one search box. Without `kind`, the first hits of every source (groups in registry
// order, empty ones left out); with `kind`, one group's next page by its cursor. docs/adr/0096.
import type { SearchGroup } from '../../../../../typings/api';
import { parseQuery, suggestionsFor } from '../../domain/search/query';
import { normalizeText } from '../../domain/search-tokens';
import { defineAction } from '../../lib/action';
import { SEARCH_LIMITS, searchQuerySchema } from './schemas';
import { SEARCH_SOURCES } from './sources';

export const searchQuery = defineAction<'search.query'>({
  schema: searchQuerySchema,
  async run(input, ctx) {
    const parsed = parseQuery(input.q);
    const typed = new Set(parsed.concepts.map((c) => c.typed));
    const alsoSearched = [...new Set(parsed.concepts.flatMap((c) => c.words))].filter((w) => !typed.has(w) && !normalizeText(input.q).includes(w));
    const sources = input.kind ? SEARCH_SOURCES.filter((s) => s.kind === input.kind) : SEARCH_SOURCES;
    const limit = input.limit ?? (input.kind ? SEARCH_LIMITS.page : SEARCH_LIMITS.firstPage);
    const groups: SearchGroup[] = [];
    if (parsed.branches.length > 0) {
      const pages = await Promise.all(
        sources.map((s) => s.search(parsed, input.cursor ? { limit, cursor: input.cursor } : { limit }, ctx)),
      );
      pages.forEach((p, i) => {
        const s = sources[i]!;
        if (p.items.length > 0 || input.kind) groups.push({ kind: s.kind, label: s.label, items: p.items, nextCursor: p.nextCursor });
      });
    }
    const found = groups.some((g) => g.items.length > 0);
    return { groups, alsoSearched, suggestions: found && !input.kind ? [] : suggestionsFor(parsed, input.q) };
  },
});
