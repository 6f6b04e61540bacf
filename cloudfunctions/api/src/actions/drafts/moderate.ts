// draft.moderate: an editor approves or hides a comment; the draft's public counts follow.
import { countKey, toDraftComment, type CommentDoc, type DraftDoc } from '../../domain/policies/drafts';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { runTransaction } from '../../lib/transaction';
import { commentInTx, draftInTx, putCommentInTx, putDraftInTx } from '../../repositories/drafts';
import { auditActor, recordEvent } from '../../repositories/audit';
import { draftModerateSchema } from '../policies/schemas';

/** The draft's public counts after a comment moves between states. */
function recount(draft: DraftDoc, before: CommentDoc, after: CommentDoc): DraftDoc {
  const delta = (after.status === 'approved' ? 1 : 0) - (before.status === 'approved' ? 1 : 0);
  if (delta === 0) return draft;
  const key = countKey(before.paragraphIndex);
  return {
    ...draft,
    approvedTotal: draft.approvedTotal + delta,
    approvedCounts: { ...draft.approvedCounts, [key]: (draft.approvedCounts[key] ?? 0) + delta },
  };
}

/**
 * Approve (public from now on) or hide with a reason (the author still sees it, marked 未公开). Asking for the state a
 * comment is already in changes nothing, so a retry is harmless; an editor may reverse a decision until the report.
 */
export const draftModerate = defineAction<'draft.moderate'>({
  schema: draftModerateSchema,
  async run(input, { caller, now }) {
    const nowIso = now.toISOString();
    const { comment, reported } = await runTransaction(async (tx) => {
      const before = await commentInTx(tx, input.commentId);
      if (!before) throw errors.notFound('意见');
      const draft = await draftInTx(tx, before.draftId);
      if (!draft) throw errors.notFound('意见征集');
      const status = input.decision === 'approve' ? 'approved' : 'hidden';
      const sameReason = status === 'approved' || before.hiddenReason === input.reason;
      if (before.status === status && sameReason) return { comment: before, reported: draft.reported };
      if (draft.reported) throw errors.precondition('采纳情况已公布，意见的公开状态不能再修改');
      const after: CommentDoc = { ...before, status, moderatedAt: nowIso };
      if (status === 'hidden') after.hiddenReason = input.reason!;
      else delete after.hiddenReason;
      // A decision belongs to a public comment; hiding one withdraws it from the report to come.
      if (status === 'hidden') {
        after.decided = false;
        delete after.decision;
        delete after.decisionReason;
        delete after.decidedAt;
      }
      await putCommentInTx(tx, after);
      const next = recount(draft, before, after);
      if (next !== draft) await putDraftInTx(tx, next);
      await recordEvent(tx, {
        subject: 'comment',
        subjectId: before._id,
        draftId: before.draftId,
        kind: status === 'approved' ? 'approved' : 'hidden',
        at: nowIso,
        actor: auditActor(caller),
        ...(status === 'hidden' ? { note: input.reason! } : {}),
        data: { from: before.status },
      });
      return { comment: after, reported: draft.reported };
    });
    return toDraftComment(comment, { openid: caller.openid, staff: true }, reported);
  },
});
