// case.listPublic: public letters 公开信件, by keyword and category, readable without signing in.
import type { LetterDoc } from '../../domain/case-doc';
import { queryTokens } from '../../domain/search-tokens';
import { defineAction } from '../../lib/action';
import { _, COLLECTIONS } from '../../lib/db';
import { phasedPage } from '../../repositories/phased-page';
import { caseEnv } from './env';
import { listPublicSchema } from './schemas';
import { letterItem } from './view';

export const caseListPublic = defineAction<'case.listPublic'>({
  schema: listPublicSchema,
  async run(input, { now }) {
    const keyword = input.keyword?.trim() || undefined;
    const tokens = keyword ? queryTokens(keyword) : [];
    const where: Record<string, unknown> = { visible: true };
    if (input.categoryId) where.categoryId = input.categoryId;
    if (tokens.length > 0) where.searchTokens = _.all(tokens);
    const [env, page] = await Promise.all([
      caseEnv(now),
      phasedPage<LetterDoc & Record<string, unknown>>({
        collection: COLLECTIONS.letters,
        phases: [{ where, key: 'listKey', dir: -1 }],
        limit: input.limit ?? 20,
        ...(input.cursor ? { cursor: input.cursor } : {}),
        omit: ['searchTokens'],
      }),
    ]);
    return { items: page.docs.map((d) => letterItem(d, env, keyword)), nextCursor: page.nextCursor };
  },
});
