import { buildReport, dateTimeText, draftStatus, type CommentDoc, type DraftDoc } from '../../domain/policies/drafts';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { COLLECTIONS } from '../../lib/db';
import { runTransaction } from '../../lib/transaction';
import { countComments, draftInTx, eachComment, findDraft, putDraftInTx } from '../../repositories/drafts';
import { auditActor, recordEvent } from '../../repositories/audit';
import { fanoutId, newFanoutDoc } from '../../repositories/notifications';
import { reportNoticeFields } from '../../services/draft-report-notice';
import { deliverNow } from '../../services/notifier';
import { draftPublishReportSchema } from '../policies/schemas';
import { draftView } from './view';

/**
 * Publishes the adoption report (采纳情况) once the window has closed and every comment is moderated and every approved
 * one decided; the draft becomes 'reported' and everyone who commented is told, once each (one outbox entry in the
 * report's transaction, expanded into a message each by the sender: now, or by the timer if this function stops).
 */
export const draftPublishReport = defineAction<'draft.publishReport'>({
  schema: draftPublishReportSchema,
  async run(input, { caller, now }) {
    const draft = await findDraft(input.id);
    if (!draft) throw errors.notFound('意见征集');
    const messages = fanoutId('draft_report', draft._id);
    if (draft.reported) {
      // A retry: the report stands, its messages are in the outbox.
      await deliverNow([messages], now);
      return draftView(draft, caller, now);
    }
    if (draft.version !== input.version) throw errors.conflict();
    if (draftStatus(draft, now) !== 'closed') {
      throw errors.precondition(`意见征集将于${dateTimeText(draft.closesAt)}截止，截止后才能公布采纳情况`);
    }
    const [pending, undecided] = await Promise.all([
      countComments({ draftId: draft._id, status: 'pending' }),
      countComments({ draftId: draft._id, status: 'approved', decided: false }),
    ]);
    if (pending > 0) throw errors.precondition(`还有 ${pending} 条意见待审核，审核后才能公布采纳情况`);
    if (undecided > 0) throw errors.precondition(`还有 ${undecided} 条公开意见未作出采纳决定`);
    const approved: CommentDoc[] = [];
    await eachComment({ draftId: draft._id, status: 'approved' }, (c) => approved.push(c));
    const report = buildReport(approved, input.summary, now);
    const nowIso = now.toISOString();
    const reported = await runTransaction(async (tx): Promise<DraftDoc> => {
      const current = await draftInTx(tx, draft._id);
      if (!current) throw errors.notFound('意见征集');
      if (current.version !== input.version) throw errors.conflict();
      // The comments were read outside this transaction: a moderation or decision since then means a stale report.
      if (current.approvedTotal !== approved.length || current.decisionsRev !== draft.decisionsRev) {
        throw errors.conflict('意见或采纳决定刚刚有变动，请刷新后重新公布');
      }
      const next: DraftDoc = { ...current, reported: true, report, version: current.version + 1, updatedAt: nowIso };
      await putDraftInTx(tx, next);
      await recordEvent(tx, {
        subject: 'draft',
        subjectId: draft._id,
        kind: 'reported',
        at: nowIso,
        actor: auditActor(caller),
        note: input.summary,
        data: { version: next.version, counts: report.counts },
      });
      await tx.collection(COLLECTIONS.notifications).add({ data: newFanoutDoc('draft_report', draft._id, reportNoticeFields(next.title, report.publishedAt), nowIso) });
      return next;
    });
    await deliverNow([messages], now);
    return draftView(reported, caller, now);
  },
});
