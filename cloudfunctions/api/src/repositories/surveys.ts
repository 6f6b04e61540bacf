// Surveys, their answers (one document per respondent key), their tallies (TALLY_SHARDS documents per survey, written
// in each answer's transaction) and their text answers (moderated one by one, without who wrote them).
import type { AnswerDoc, SurveyDoc, SurveyTextDoc, TallyDoc } from '../domain/surveys';
import { TALLY_SHARDS, tallyId } from '../domain/surveys';
import { _, COLLECTIONS, db, findById } from '../lib/db';
import { txGet, withoutId, type Transaction } from '../lib/transaction';
import { phasedPage, type Phase, type PhasedPage } from './phased-page';

export const findSurvey = (id: string) => findById<SurveyDoc>(COLLECTIONS.surveys, id);
export const surveyInTx = (tx: Transaction, id: string) => txGet<SurveyDoc>(tx, COLLECTIONS.surveys, id);

export async function putSurveyInTx(tx: Transaction, doc: SurveyDoc): Promise<void> {
  await tx.collection(COLLECTIONS.surveys).doc(doc._id).set({ data: withoutId(doc) });
}

export function surveyPage(phases: Phase[], limit: number, cursor: string | undefined): Promise<PhasedPage<SurveyDoc & Record<string, unknown>>> {
  return phasedPage<SurveyDoc & Record<string, unknown>>({ collection: COLLECTIONS.surveys, phases, limit, cursor, omit: ['questions', 'intro', 'summary'] });
}

/** The open survey linked to a policy or a draft (the one closing soonest), for their pages. */
export async function openSurveyLinkedTo(field: 'policyId' | 'draftId', id: string, nowIso: string): Promise<SurveyDoc | null> {
  const { data } = await db
    .collection(COLLECTIONS.surveys)
    .where({ [field]: id, published: true, resultsPublished: false, closeKey: _.gt(`${nowIso}|~`), opensAt: _.lte(nowIso) })
    .orderBy('closeKey', 'asc')
    .field({ questions: false, intro: false, summary: false })
    .limit(1)
    .get();
  return (data[0] as SurveyDoc | undefined) ?? null;
}

export const findAnswer = (key: string) => findById<AnswerDoc>(COLLECTIONS.surveyAnswers, key);
export const answerInTx = (tx: Transaction, key: string) => txGet<AnswerDoc>(tx, COLLECTIONS.surveyAnswers, key);

export async function putAnswerInTx(tx: Transaction, doc: AnswerDoc): Promise<void> {
  await tx.collection(COLLECTIONS.surveyAnswers).doc(doc._id).set({ data: withoutId(doc) });
}

export const tallyInTx = (tx: Transaction, surveyId: string, shard: number) => txGet<TallyDoc>(tx, COLLECTIONS.surveyTallies, tallyId(surveyId, shard));

export async function putTallyInTx(tx: Transaction, doc: TallyDoc): Promise<void> {
  await tx.collection(COLLECTIONS.surveyTallies).doc(doc._id).set({ data: withoutId(doc) });
}

/** Every shard of a survey's tallies, in one indexed query. */
export async function surveyTallies(surveyId: string): Promise<TallyDoc[]> {
  const { data } = await db.collection(COLLECTIONS.surveyTallies).where({ surveyId }).limit(TALLY_SHARDS).get();
  return data as TallyDoc[];
}

// ---- text answers ----------------------------------------------------------------------------------------------

export const textInTx = (tx: Transaction, id: string) => txGet<SurveyTextDoc>(tx, COLLECTIONS.surveyTexts, id);

export async function putTextInTx(tx: Transaction, doc: SurveyTextDoc): Promise<void> {
  await tx.collection(COLLECTIONS.surveyTexts).doc(doc._id).set({ data: withoutId(doc) });
}

export async function removeTextInTx(tx: Transaction, id: string): Promise<void> {
  await tx.collection(COLLECTIONS.surveyTexts).doc(id).remove();
}

/** The newest approved text answers of one question. */
export async function approvedTexts(surveyId: string, questionId: string, limit: number): Promise<SurveyTextDoc[]> {
  const { data } = await db
    .collection(COLLECTIONS.surveyTexts)
    .where({ surveyId, questionId, status: 'approved' })
    .orderBy('key', 'desc')
    .limit(limit)
    .get();
  return data as SurveyTextDoc[];
}

/** Text answers waiting for moderation, oldest first; of one survey or of all. */
export function pendingTextPage(surveyId: string | undefined, limit: number, cursor: string | undefined): Promise<PhasedPage<SurveyTextDoc & Record<string, unknown>>> {
  const where: Record<string, unknown> = surveyId ? { surveyId, status: 'pending' } : { status: 'pending' };
  return phasedPage<SurveyTextDoc & Record<string, unknown>>({ collection: COLLECTIONS.surveyTexts, phases: [{ where, key: 'key', dir: 1 }], limit, cursor });
}

/** Several surveys by id (titles and questions for the moderation queue). */
export async function findSurveys(ids: readonly string[]): Promise<SurveyDoc[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const { data } = await db.collection(COLLECTIONS.surveys).where({ _id: _.in(unique) }).limit(unique.length).get();
  return data as SurveyDoc[];
}

/** Whether the citizen has submitted a case that went to this department (a survey's audience). */
export async function submittedToDepartment(openid: string, departmentId: string): Promise<boolean> {
  const { data } = await db.collection(COLLECTIONS.cases).where({ openid, departmentId }).field({ _id: true }).limit(1).get();
  return data.length > 0;
}
