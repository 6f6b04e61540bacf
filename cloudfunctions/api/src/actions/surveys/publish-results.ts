// survey.publishResults: an editor publishes a survey's results, with a summary.
import { SURVEY_STATUS_LABEL, surveyStatus, type SurveyDoc } from '../../domain/surveys';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { runTransaction } from '../../lib/transaction';
import { putSurveyInTx, surveyInTx } from '../../repositories/surveys';
import { auditActor, recordEvent } from '../../repositories/audit';
import { resultsView } from './view';
import { surveyPublishResultsSchema } from './schemas';

/** After the window closes, the editor makes the results public (with an optional summary). A retry answers them again. */
export const surveyPublishResults = defineAction<'survey.publishResults'>({
  schema: surveyPublishResultsSchema,
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
    return resultsView(doc, caller, now);
  },
});
