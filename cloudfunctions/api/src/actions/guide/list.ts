// guide.list: service-guide items 办事指南, by category and keyword; every state for editors.
import type { GuideListItem } from '../../../../../typings/api';
import { toGuideListItem } from '../../domain/guide/item';
import { searchTokensFor, titleParts } from '../../domain/policies/search';
import { defineAction } from '../../lib/action';
import { assertMayListGuideStatus, seesUnpublished } from '../../permissions';
import { guidePage, searchPhases } from '../../repositories/guide';
import type { Phase } from '../../repositories/phased-page';
import { guideListSchema } from './schemas';

const DEFAULT_LIMIT = 20;

/** Citizens read published items; editors every item, or the status they filter by. */
export const guideList = defineAction<'guide.list'>({
  schema: guideListSchema,
  async run(input, { caller }) {
    const staff = seesUnpublished(caller);
    assertMayListGuideStatus(caller, input.status);
    const where: Record<string, unknown> = {};
    if (input.categoryId) where.categoryId = input.categoryId;
    // 'all' is every item to an editor, the published guide to anyone else.
    const status = input.status === undefined || input.status === 'all' ? (staff ? 'all' : 'published') : input.status;
    if (status !== 'all') where.status = status;
    const keyword = input.keyword;
    let phases: Phase[] = [{ where, key: 'listKey', dir: 1 }];
    if (keyword !== undefined) {
      const tokens = searchTokensFor(keyword);
      if (!tokens) return { items: [], nextCursor: null };
      phases = searchPhases(where, tokens);
    }
    const page = await guidePage(phases, input.limit ?? DEFAULT_LIMIT, input.cursor);
    const items = page.docs.map((d): GuideListItem => {
      const item = toGuideListItem(d);
      if (keyword !== undefined) item.nameParts = titleParts(d.content.name, keyword);
      return item;
    });
    return { items, nextCursor: page.nextCursor };
  },
});
