// draft.moderationQueue: comments waiting for moderation, oldest first.
import type { ModerationItem } from '../../../../../typings/api';
import { defineAction } from '../../lib/action';
import { findDrafts, moderationPage } from '../../repositories/drafts';
import { moderationQueueSchema } from '../policies/schemas';

/** Pending comments, oldest first: the one that has waited longest is the next to look at. */
export const draftModerationQueue = defineAction<'draft.moderationQueue'>({
  schema: moderationQueueSchema,
  async run(input) {
    const page = await moderationPage(input.draftId, input.limit ?? 20, input.cursor);
    const drafts = new Map((await findDrafts(page.docs.map((c) => c.draftId))).map((d) => [d._id, d]));
    const items = page.docs.map((c): ModerationItem => {
      const item: ModerationItem = {
        commentId: c._id,
        draftId: c.draftId,
        draftTitle: drafts.get(c.draftId)?.title ?? '',
        content: c.content,
        at: c.at,
        flagged: c.flagged,
      };
      if (c.paragraphIndex >= 0) item.paragraphIndex = c.paragraphIndex;
      return item;
    });
    return { items, nextCursor: page.nextCursor };
  },
});
