// The draft consultation actions, by contract name: one file per action, named after it
// (docs/adr/0143-one-naming-scheme-for-actions.md).
import type { ActionTable } from '../../lib/action';
import { draftComment } from './comment';
import { draftComments } from './comments';
import { draftDecide } from './decide';
import { draftGet } from './get';
import { draftList } from './list';
import { draftModerate } from './moderate';
import { draftModerationQueue } from './moderation-queue';
import { draftPublishReport } from './publish-report';
import { draftSave } from './save';

export const DRAFT_ACTIONS: Pick<ActionTable, `draft.${string}` & keyof ActionTable> = {
  'draft.list': draftList,
  'draft.get': draftGet,
  'draft.comments': draftComments,
  'draft.save': draftSave,
  'draft.comment': draftComment,
  'draft.moderationQueue': draftModerationQueue,
  'draft.moderate': draftModerate,
  'draft.decide': draftDecide,
  'draft.publishReport': draftPublishReport,
};
