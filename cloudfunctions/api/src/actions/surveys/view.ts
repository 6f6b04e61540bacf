// survey.get's answer, shared by the actions that answer a Survey: the survey as the caller sees it, whether they may
// answer now (and why not, in words) and their own answer.
import type { Survey, SurveyAudience, SurveyResults, SurveyTextItem } from '../../../../../typings/api';
import {
  questionResult,
  SURVEY_STATUS_LABEL,
  SURVEY_TEXT_STATUS_LABEL,
  sumTallies,
  surveyStatus,
  surveyWindowText,
  TEXTS_SHOWN,
  toQuestions,
  windowRefusal,
  type AnswerDoc,
  type SurveyDoc,
  type SurveyTextDoc,
} from '../../domain/surveys';
import type { Caller } from '../../lib/caller';
import { errors } from '../../lib/errors';
import { seesUnpublished } from '../../permissions';
import { loadCatalogMaps } from '../../repositories/catalog';
import { approvedTexts, findAnswer, findSurvey, submittedToDepartment, surveyTallies } from '../../repositories/surveys';
import { answerKey } from '../../services/answer-key';

export async function audienceLabel(audience: SurveyAudience): Promise<string> {
  if (audience.kind === 'everyone') return '所有市民';
  const name = (await loadCatalogMaps()).departments.get(audience.departmentId)?.name ?? '该单位';
  return `向${name}反映过问题的市民`;
}

/** Why this citizen is outside the survey's audience, in words; null when they are in it. */
export async function audienceRefusal(doc: SurveyDoc, openid: string): Promise<string | null> {
  if (doc.audience.kind === 'everyone') return null;
  if (await submittedToDepartment(openid, doc.audience.departmentId)) return null;
  return `本调查面向${(await audienceLabel(doc.audience)).replace(/的市民$/, '')}的市民，您暂不在调查范围内`;
}

export async function myAnswerDoc(doc: SurveyDoc, caller: Caller): Promise<AnswerDoc | null> {
  if (!caller.openid || !doc.published) return null;
  return findAnswer(await answerKey(doc._id, caller.openid));
}

export function mineOf(answer: AnswerDoc): NonNullable<Survey['mine']> {
  return { answers: answer.answers, firstAt: answer.firstAt, at: answer.at, revision: answer.revision };
}

export async function surveyView(doc: SurveyDoc, caller: Caller, now: Date, mine?: AnswerDoc | null): Promise<Survey> {
  const status = surveyStatus(doc, now);
  const staff = seesUnpublished(caller);
  const answer = mine === undefined ? await myAnswerDoc(doc, caller) : mine;
  const refusal = caller.openid ? (windowRefusal(doc, now) ?? (await audienceRefusal(doc, caller.openid))) : '请在微信中打开小程序参与调查';
  const out: Survey = {
    id: doc._id,
    title: doc.title,
    questions: toQuestions(doc.questions),
    opensAt: doc.opensAt,
    closesAt: doc.closesAt,
    status,
    statusLabel: SURVEY_STATUS_LABEL[status],
    windowText: surveyWindowText(doc, now),
    audience: doc.audience,
    audienceLabel: await audienceLabel(doc.audience),
    anonymous: doc.anonymous,
    version: doc.version,
    canAnswer: refusal === null,
  };
  if (doc.intro) out.intro = doc.intro;
  if (refusal) out.answerNote = refusal;
  if (doc.policyId) out.policyId = doc.policyId;
  if (doc.draftId) out.draftId = doc.draftId;
  if (answer) out.mine = mineOf(answer);
  if (staff) out.answered = doc.answered;
  if (doc.resultsPublishedAt) out.resultsPublishedAt = doc.resultsPublishedAt;
  return out;
}

/**
 * The results from the survey's tally shards (kept in each answer's transaction) and, per text question, the newest
 * approved answers: a constant number of indexed reads, whatever the number of answers.
 */
export async function resultsView(doc: SurveyDoc, caller: Caller, now: Date): Promise<SurveyResults> {
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

/** A text answer in the moderation queue, with its survey's title and question. */
export function toTextItem(t: SurveyTextDoc, survey: SurveyDoc | undefined): SurveyTextItem {
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
