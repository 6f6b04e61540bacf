import { dateTimeText, draftStatus } from '../../domain/policies/drafts';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { runTransaction } from '../../lib/transaction';
import { commentInTx, draftInTx, findComments, findDraft, putCommentInTx, putDraftInTx } from '../../repositories/drafts';
import { auditActor, recordEvent } from '../../repositories/audit';
import { draftDecideSchema } from '../policies/schemas';

/**
 * After the window: adopted, partly adopted or not adopted, with the reason, for one approved comment or a group of
 * them (one decision and one reason for all, which the report shows as one line). Deciding again replaces the earlier
 * decision until the report is published. The decisions, the draft's mark and the event are one transaction; the same
 * decision and reason again (a retry) changes nothing.
 */
export const draftDecide = defineAction<'draft.decide'>({
  schema: draftDecideSchema,
  async run(input, { caller, now }) {
    const ids = [...new Set(input.commentIds)];
    const comments = await findComments(ids);
    const found = new Set(comments.map((c) => c._id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) throw errors.notFound(`意见（${missing.join('、')}）`);
    const draftIds = new Set(comments.map((c) => c.draftId));
    if (draftIds.size > 1) throw errors.invalid('一次只能处理同一个意见征集的意见', { commentIds: '所选意见属于不同的意见征集' });
    const notPublic = comments.filter((c) => c.status !== 'approved');
    if (notPublic.length) {
      throw errors.precondition(`只能对已公开的意见作出采纳决定，有 ${notPublic.length} 条意见尚未公开`);
    }
    const draft = await findDraft(comments[0]!.draftId);
    if (!draft) throw errors.notFound('意见征集');
    const status = draftStatus(draft, now);
    if (status === 'open' || status === 'scheduled') {
      throw errors.precondition(`意见征集将于${dateTimeText(draft.closesAt)}截止，截止后才能作出采纳决定`);
    }
    if (status === 'reported') throw errors.precondition('采纳情况已公布，不能再修改采纳决定');
    if (comments.every((c) => c.decided && c.decision === input.decision && c.decisionReason === input.reason)) return { decided: ids.length };
    const nowIso = now.toISOString();
    await runTransaction(async (tx) => {
      const current = await draftInTx(tx, draft._id);
      if (!current) throw errors.notFound('意见征集');
      if (current.reported) throw errors.precondition('采纳情况已公布，不能再修改采纳决定');
      for (const id of ids) {
        const c = await commentInTx(tx, id);
        // A comment hidden since it was read is left alone.
        if (c?.status !== 'approved') continue;
        await putCommentInTx(tx, { ...c, decision: input.decision, decisionReason: input.reason, decidedAt: nowIso, decided: true });
      }
      // Marks that decisions changed (DraftDoc.decisionsRev): a report built from older decisions is refused.
      await putDraftInTx(tx, { ...current, decisionsRev: current.decisionsRev + 1 });
      await recordEvent(tx, {
        subject: 'draft',
        subjectId: draft._id,
        kind: 'decided',
        at: nowIso,
        actor: auditActor(caller),
        note: input.reason,
        data: { decision: input.decision, commentIds: ids },
      });
    });
    return { decided: ids.length };
  },
});
