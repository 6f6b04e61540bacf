import { COMMENT_LIMITS, WHOLE_DRAFT, dateTimeText, draftStatus, type CommentDoc } from '../../domain/policies/drafts';
import { startOfDay } from '../../domain/policies/policy';
import { shanghaiDay } from '../../domain/calendar';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { COLLECTIONS } from '../../lib/db';
import { runTransaction, txGet } from '../../lib/transaction';
import { dailyCommentsKey } from '../../repositories/counters';
import { commentInTx, countCommentsSince, findComment, findDraft, putCommentInTx } from '../../repositories/drafts';
import { auditActor, recordEvent } from '../../repositories/audit';
import { checkText } from '../../services/content-security';
import { idForRequest, newId } from '../policies/ids';
import { draftCommentSchema } from '../policies/schemas';

/**
 * A citizen's comment on an open draft, on the whole or one paragraph. It passes WeChat's content check (risky:
 * refused, nothing stored; review: stored and flagged for the editor) and waits, pending, until an editor approves it.
 */
export const draftComment = defineAction<'draft.comment'>({
  schema: draftCommentSchema,
  async run(input, { caller, now }) {
    const openid = caller.openid!;
    const draft = await findDraft(input.id);
    if (!draft) throw errors.notFound('意见征集');
    const status = draftStatus(draft, now);
    // Before the window opens a commenter is told when it will, so they can come back; the id itself is unguessable.
    if (status === 'scheduled') throw errors.precondition(`意见征集尚未开始，将于${dateTimeText(draft.opensAt)}开始`);
    if (status !== 'open') throw errors.precondition(`意见征集已于${dateTimeText(draft.closesAt)}截止，感谢您的关注`);
    const paragraphIndex = input.paragraphIndex ?? WHOLE_DRAFT;
    if (paragraphIndex !== WHOLE_DRAFT && paragraphIndex >= draft.paragraphs.length) {
      throw errors.invalid(`草案没有第 ${paragraphIndex + 1} 段，请重新选择`, { paragraphIndex: '所选段落不存在' });
    }
    const commentId = input.clientRequestId ? idForRequest('comment', openid, input.clientRequestId) : newId();
    if (input.clientRequestId) {
      const first = await findComment(commentId);
      if (first) return { commentId: first._id, status: 'pending' as const };
    }
    const day = shanghaiDay(now);
    const capped = () => errors.rateLimited(`每人每天最多提交 ${COMMENT_LIMITS.perDay} 条意见，请明天再提交`);
    const counted = await countCommentsSince(openid, startOfDay(day));
    if (counted >= COMMENT_LIMITS.perDay) throw capped();
    const verdict = await checkText(openid, input.content);
    const nowIso = now.toISOString();
    const doc: CommentDoc = {
      _id: commentId,
      draftId: draft._id,
      openid,
      paragraphIndex,
      content: input.content,
      status: 'pending',
      flagged: verdict === 'review',
      at: nowIso,
      key: `${nowIso}|${commentId}`,
      decided: false,
    };
    await runTransaction(async (tx) => {
      // A retry racing its first attempt: the first one's comment stands.
      if (input.clientRequestId && (await commentInTx(tx, commentId))) return;
      // The cap is decided by a counter written in this transaction: two comments at the same instant both passed
      // the count above, but only one of them commits this counter's next value (issue 9 item 5). The count covers
      // comments made before the counter existed.
      const counterId = dailyCommentsKey(openid, day);
      const made = Math.max((await txGet<{ n: number }>(tx, COLLECTIONS.counters, counterId))?.n ?? 0, counted);
      if (made >= COMMENT_LIMITS.perDay) throw capped();
      await tx.collection(COLLECTIONS.counters).doc(counterId).set({ data: { n: made + 1 } });
      await putCommentInTx(tx, doc);
      await recordEvent(tx, {
        subject: 'comment',
        subjectId: commentId,
        draftId: draft._id,
        kind: 'commented',
        at: nowIso,
        actor: auditActor(caller),
        data: { paragraphIndex, flagged: doc.flagged },
      });
    });
    return { commentId, status: 'pending' as const };
  },
});
