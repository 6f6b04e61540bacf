// survey.moderateText: an editor approves or hides a text answer.
import { moveTextCount, type SurveyTextDoc } from '../../domain/surveys';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { runTransaction } from '../../lib/transaction';
import { findSurvey, putTallyInTx, putTextInTx, tallyInTx, textInTx } from '../../repositories/surveys';
import { auditActor, recordEvent } from '../../repositories/audit';
import { surveyModerateTextSchema } from './schemas';
import { toTextItem } from './view';

/** Approve (shown in the results) or hide a text answer. Asking for the state it is in changes nothing: a retry is harmless. */
export const surveyModerateText = defineAction<'survey.moderateText'>({
  schema: surveyModerateTextSchema,
  async run(input, { caller, now }) {
    const nowIso = now.toISOString();
    const status = input.decision === 'approve' ? 'approved' : 'hidden';
    const text = await runTransaction(async (tx): Promise<SurveyTextDoc> => {
      const before = await textInTx(tx, input.id);
      if (!before) throw errors.notFound('简答');
      if (before.status === status) return before;
      const after: SurveyTextDoc = { ...before, status };
      const tally = await tallyInTx(tx, before.surveyId, before.shard);
      await putTextInTx(tx, after);
      if (tally) await putTallyInTx(tx, moveTextCount(tally, before.questionId, before.status, status));
      await recordEvent(tx, {
        subject: 'survey',
        subjectId: before.surveyId,
        kind: status,
        at: nowIso,
        actor: auditActor(caller),
        data: { textId: before._id, questionId: before.questionId, from: before.status },
      });
      return after;
    });
    return toTextItem(text, (await findSurvey(text.surveyId)) ?? undefined);
  },
});
