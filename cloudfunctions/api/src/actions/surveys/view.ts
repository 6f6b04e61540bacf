// survey.get's answer, shared by the actions that answer a Survey: the survey as the caller sees it, whether they may
// answer now (and why not, in words) and their own answer.
import type { Survey, SurveyAudience } from '../../../../../typings/api';
import { SURVEY_STATUS_LABEL, surveyStatus, surveyWindowText, toQuestions, windowRefusal, type AnswerDoc, type SurveyDoc } from '../../domain/surveys';
import type { Caller } from '../../lib/caller';
import { seesUnpublished } from '../../permissions';
import { loadCatalogMaps } from '../../repositories/catalog';
import { findAnswer, submittedToDepartment } from '../../repositories/surveys';
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
