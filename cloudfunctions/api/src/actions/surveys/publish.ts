import { SURVEY_STATUS_LABEL, surveyStatus, type SurveyDoc } from '../../domain/surveys';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { runTransaction } from '../../lib/transaction';
import { putSurveyInTx, surveyInTx } from '../../repositories/surveys';
import { auditActor, recordEvent } from '../../repositories/audit';
import { surveyResults } from './results';
import { surveyPublishResults, surveyVersioned } from './schemas';
import { surveyView } from './view';

/** Makes a survey public; it opens for answers with its window. Publishing a published survey again is a retry. */
export const publishSurvey = defineAction<'survey.publish'>({
  schema: surveyVersioned,
  async run(input, { caller, now }) {
    const nowIso = now.toISOString();
    const doc = await runTransaction(async (tx): Promise<SurveyDoc> => {
      const prev = await surveyInTx(tx, input.id);
      if (!prev) throw errors.notFound('调查');
      if (prev.published) return prev;
      if (prev.version !== input.version) throw errors.conflict();
      if (prev.closesAt <= nowIso) throw errors.precondition('截止时间已过，请先修改截止时间再发布');
      const next: SurveyDoc = { ...prev, published: true, publishedAt: nowIso, version: prev.version + 1, updatedAt: nowIso };
      await putSurveyInTx(tx, next);
      await recordEvent(tx, { subject: 'survey', subjectId: prev._id, kind: 'published', at: nowIso, actor: auditActor(caller), data: { version: next.version } });
      return next;
    });
    return surveyView(doc, caller, now);
  },
});

/** After the window closes, the editor makes the results public (with an optional summary). A retry answers them again. */
export const publishSurveyResults = defineAction<'survey.publishResults'>({
  schema: surveyPublishResults,
  async run(input, { caller, now }) {
    const nowIso = now.toISOString();
    const doc = await runTransaction(async (tx): Promise<SurveyDoc> => {
      const prev = await surveyInTx(tx, input.id);
      if (!prev) throw errors.notFound('调查');
      if (prev.resultsPublished) return prev;
      if (prev.version !== input.version) throw errors.conflict();
      const status = surveyStatus(prev, now);
      if (status !== 'closed') throw errors.precondition(`调查${SURVEY_STATUS_LABEL[status]}，截止后才能公布结果`);
      const next: SurveyDoc = { ...prev, resultsPublished: true, resultsPublishedAt: nowIso, resultsKey: `${nowIso}|${prev._id}`, version: prev.version + 1, updatedAt: nowIso };
      if (input.summary) next.summary = input.summary;
      await putSurveyInTx(tx, next);
      await recordEvent(tx, { subject: 'survey', subjectId: prev._id, kind: 'results_published', at: nowIso, actor: auditActor(caller), ...(input.summary ? { note: input.summary } : {}), data: { version: next.version } });
      return next;
    });
    return surveyResults(doc, caller, now);
  },
});
