import type { SurveyTextItem } from '../../../../../typings/api';
import { moveTextCount, SURVEY_TEXT_STATUS_LABEL, toQuestions, type SurveyDoc, type SurveyTextDoc } from '../../domain/surveys';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { runTransaction } from '../../lib/transaction';
import { findSurvey, findSurveys, pendingTextPage, putTallyInTx, putTextInTx, tallyInTx, textInTx } from '../../repositories/surveys';
import { auditActor, recordEvent } from '../../repositories/audit';
import { surveyModerateText, surveyTextQueue } from './schemas';

function toTextItem(t: SurveyTextDoc, survey: SurveyDoc | undefined): SurveyTextItem {
  const question = survey ? toQuestions(survey.questions).find((q) => q.id === t.questionId) : undefined;
  return {
    id: t._id,
    surveyId: t.surveyId,
    questionId: t.questionId,
    questionTitle: question?.title ?? '',
    content: t.content,
    status: t.status,
    statusLabel: SURVEY_TEXT_STATUS_LABEL[t.status],
    flagged: t.flagged,
    at: t.at,
  };
}

/** Text answers waiting for an editor, oldest first. They carry no trace of who wrote them. */
export const listSurveyTextQueue = defineAction<'survey.textQueue'>({
  schema: surveyTextQueue,
  async run(input) {
    const page = await pendingTextPage(input.surveyId, input.limit ?? 20, input.cursor);
    const surveys = new Map((await findSurveys(page.docs.map((t) => t.surveyId))).map((s) => [s._id, s]));
    return { items: page.docs.map((t) => toTextItem(t, surveys.get(t.surveyId))), nextCursor: page.nextCursor };
  },
});

/** Approve (shown in the results) or hide a text answer. Asking for the state it is in changes nothing: a retry is harmless. */
export const moderateSurveyText = defineAction<'survey.moderateText'>({
  schema: surveyModerateText,
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
