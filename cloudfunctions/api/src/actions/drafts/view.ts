// draft.get's answer, shared by the actions that answer a Draft: the caller's own comments (any state) first, then the
// first page of the rest they may see (approved ones; every comment for editors).
import type { Draft, DraftComment } from '../../../../../typings/api';
import { toDraft, toDraftComment, type CommentDoc, type DraftDoc } from '../../domain/policies/drafts';
import type { Caller } from '../../lib/caller';
import { commentVisible, seesUnpublished } from '../../permissions';
import { commentPage, myComments } from '../../repositories/drafts';
import type { PhasedPage } from '../../repositories/phased-page';
import { linkedSurvey } from '../surveys/link';

export const COMMENTS_PAGE = 20;
/** A citizen can write at most 20 comments a day; more than this many on one draft is not a conversation to page. */
const MINE_MAX = 100;

/** The stream draft.comments pages through: approved comments of others, or every comment for editors. */
export function commentStream(draftId: string, caller: Caller, limit: number, cursor: string | undefined): Promise<PhasedPage<CommentDoc & Record<string, unknown>>> {
  const staff = seesUnpublished(caller);
  return commentPage(draftId, staff ? { approvedOnly: false } : { approvedOnly: true, exceptOpenid: caller.openid }, limit, cursor);
}

export async function draftView(doc: DraftDoc, caller: Caller, now: Date): Promise<Draft> {
  const staff = seesUnpublished(caller);
  const viewer = { openid: caller.openid, staff };
  const [mine, page, survey] = await Promise.all([
    !staff && caller.openid ? myComments(doc._id, caller.openid, MINE_MAX) : Promise.resolve([] as CommentDoc[]),
    commentStream(doc._id, caller, COMMENTS_PAGE, undefined),
    linkedSurvey('draftId', doc._id, now),
  ]);
  // The queries already ask only for what the caller may see; the rule itself is permissions.ts's.
  const comments: DraftComment[] = [...mine, ...page.docs].filter((c) => commentVisible(caller, c)).map((c) => toDraftComment(c, viewer, doc.reported));
  const draft = toDraft(doc, now, comments, page.nextCursor);
  return survey ? { ...draft, survey } : draft;
}
