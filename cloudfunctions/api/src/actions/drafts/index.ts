import { commentOnDraft } from './comment';
import { decideComments } from './decide';
import { getDraft, listDraftComments } from './get';
import { listDrafts } from './list';
import { listModerationQueue, moderateComment } from './moderate';
import { publishReport } from './report';
import { saveDraft } from './save';

export const DRAFT_ACTIONS = {
  'draft.list': listDrafts,
  'draft.get': getDraft,
  'draft.comments': listDraftComments,
  'draft.save': saveDraft,
  'draft.comment': commentOnDraft,
  'draft.moderationQueue': listModerationQueue,
  'draft.moderate': moderateComment,
  'draft.decide': decideComments,
  'draft.publishReport': publishReport,
} as const;
