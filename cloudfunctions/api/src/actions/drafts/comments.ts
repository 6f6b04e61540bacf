// draft.comments: the next page of a draft's comments the caller may see.
import { draftStatus, toDraftComment } from '../../domain/policies/drafts';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { assertDraftVisible, commentVisible, seesUnpublished } from '../../permissions';
import { findDraft } from '../../repositories/drafts';
import { draftCommentsSchema } from '../policies/schemas';
import { COMMENTS_PAGE, commentStream } from './view';

export const draftComments = defineAction<'draft.comments'>({
  schema: draftCommentsSchema,
  async run(input, { caller, now }) {
    const doc = await findDraft(input.id);
    if (!doc) throw errors.notFound('意见征集');
    assertDraftVisible(caller, draftStatus(doc, now));
    const page = await commentStream(doc._id, caller, input.limit ?? COMMENTS_PAGE, input.cursor);
    const viewer = { openid: caller.openid, staff: seesUnpublished(caller) };
    const items = page.docs.filter((c) => commentVisible(caller, c)).map((c) => toDraftComment(c, viewer, doc.reported));
    return { items, nextCursor: page.nextCursor };
  },
});
