import type { SurveyResults } from '../../../../../typings/api';
import { questionResult, SURVEY_STATUS_LABEL, sumTallies, surveyStatus, TEXTS_SHOWN, toQuestions, type SurveyDoc } from '../../domain/surveys';
import { defineAction } from '../../lib/action';
import type { Caller } from '../../lib/caller';
import { errors } from '../../lib/errors';
import { seesUnpublished } from '../../permissions';
import { approvedTexts, findSurvey, surveyTallies } from '../../repositories/surveys';
import { surveyId } from './schemas';

/**
 * The results from the survey's tally shards (kept in each answer's transaction) and, per text question, the newest
 * approved answers: a constant number of indexed reads, whatever the number of answers.
 */
export async function surveyResults(doc: SurveyDoc, caller: Caller, now: Date): Promise<SurveyResults> {
  const staff = seesUnpublished(caller);
  const questions = toQuestions(doc.questions);
  const [shards, ...texts] = await Promise.all([
    surveyTallies(doc._id),
    ...questions.map(async (q) => {
      if (q.kind !== 'text') return null;
      const items = await approvedTexts(doc._id, q.id, TEXTS_SHOWN);
      return items.map((t) => ({ id: t._id, content: t.content }));
    }),
  ]);
  const total = sumTallies(doc._id, shards);
  const status = surveyStatus(doc, now);
  const out: SurveyResults = {
    id: doc._id,
    title: doc.title,
    status,
    statusLabel: SURVEY_STATUS_LABEL[status],
    anonymous: doc.anonymous,
    respondents: total.respondents,
    closesAt: doc.closesAt,
    version: doc.version,
    questions: questions.map((q, i) => {
      const r = questionResult(q, total.q[q.id]);
      const items = texts[i];
      if (items) {
        const t = total.q[q.id];
        r.texts = { approved: t?.approved ?? 0, items };
        if (staff) r.texts.pending = t?.pending ?? 0;
      }
      return r;
    }),
  };
  if (doc.resultsPublishedAt) out.resultsPublishedAt = doc.resultsPublishedAt;
  if (doc.summary) out.summary = doc.summary;
  return out;
}

/** Citizens read the results once the editor has published them; editors follow them from the survey's publication. */
export async function requireResults(id: string, caller: Caller, now: Date): Promise<SurveyDoc> {
  const doc = await findSurvey(id);
  const staff = seesUnpublished(caller);
  if (!doc || (!doc.published && !staff)) throw errors.notFound('调查');
  if (!doc.resultsPublished && !staff) throw errors.precondition(`调查结果尚未公布${surveyStatus(doc, now) === 'open' ? '，调查截止后将公布结果' : '，请稍后再来查看'}`);
  return doc;
}

export const getSurveyResults = defineAction<'survey.results'>({
  schema: surveyId,
  async run(input, { caller, now }) {
    return surveyResults(await requireResults(input.id, caller, now), caller, now);
  },
});
