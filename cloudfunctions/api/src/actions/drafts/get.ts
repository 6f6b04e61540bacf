// draft.get: one consultation draft with the first page of its comments the caller may see.
import { draftStatus } from '../../domain/policies/drafts';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { assertDraftVisible } from '../../permissions';
import { findDraft } from '../../repositories/drafts';
import { draftGetSchema } from '../policies/schemas';
import { draftView } from './view';

export const draftGet = defineAction<'draft.get'>({
  schema: draftGetSchema,
  async run(input, { caller, now }) {
    const doc = await findDraft(input.id);
    if (!doc) throw errors.notFound('意见征集');
    assertDraftVisible(caller, draftStatus(doc, now));
    return draftView(doc, caller, now);
  },
});
