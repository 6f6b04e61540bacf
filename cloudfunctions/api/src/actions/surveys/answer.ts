import { createHash } from 'crypto';
import type { SurveyAnswerItem } from '../../../../../typings/api';
import { applyToTally, checkAnswers, moveTextCount, shardOf, tallyId, windowRefusal, type AnswerDoc, type SurveyDoc, type SurveyTextDoc, type TallyDoc } from '../../domain/surveys';
import { defineAction } from '../../lib/action';
import type { Caller } from '../../lib/caller';
import { errors } from '../../lib/errors';
import { runTransaction, type Transaction } from '../../lib/transaction';
import { answerInTx, findAnswer, findSurvey, putAnswerInTx, putSurveyInTx, putTallyInTx, putTextInTx, removeTextInTx, surveyInTx, tallyInTx, textInTx } from '../../repositories/surveys';
import { recordEvent, type AuditActor } from '../../repositories/audit';
import { answerKey } from '../../services/answer-key';
import { checkText, type Verdict } from '../../services/content-security';
import { surveyAnswerSchema } from './schemas';
import { audienceRefusal, mineOf } from './view';

const sha = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 32);
const textId = (key: string, questionId: string): string => sha(`${key}\n${questionId}`);
const sameAnswers = (a: readonly SurveyAnswerItem[], b: readonly SurveyAnswerItem[]): boolean => JSON.stringify(a) === JSON.stringify(b);
const textsOf = (answers: readonly SurveyAnswerItem[]) => new Map(answers.filter((a) => a.text !== undefined).map((a) => [a.questionId, a.text!]));

/** Who answered, as the audit trail keeps it: an anonymous survey's answers are recorded without the openid. */
function answerActor(survey: SurveyDoc, caller: Caller): AuditActor {
  return { role: 'citizen', openid: survey.anonymous ? null : caller.openid };
}

/**
 * The text answers of this answer: new or changed ones wait for moderation again; dropped ones are removed. The tally
 * shard's text counts move with them; answers the shard as it then is.
 */
async function writeTexts(tx: Transaction, survey: SurveyDoc, key: string, shard: number, tally: TallyDoc, before: AnswerDoc | null, answers: SurveyAnswerItem[], verdicts: Map<string, Verdict>, nowIso: string): Promise<TallyDoc> {
  const old = textsOf(before?.answers ?? []);
  const now = textsOf(answers);
  let out = tally;
  for (const [questionId, content] of now) {
    if (old.get(questionId) === content) continue;
    const id = textId(key, questionId);
    const prev = old.has(questionId) ? await textInTx(tx, id) : null;
    const doc: SurveyTextDoc = { _id: id, surveyId: survey._id, questionId, content, status: 'pending', flagged: verdicts.get(questionId) === 'review', at: nowIso, shard, key: `${nowIso}|${id}` };
    await putTextInTx(tx, doc);
    out = moveTextCount(out, questionId, prev?.status ?? null, 'pending');
  }
  for (const questionId of old.keys()) {
    if (now.has(questionId)) continue;
    const id = textId(key, questionId);
    const prev = await textInTx(tx, id);
    if (!prev) continue;
    await removeTextInTx(tx, id);
    out = moveTextCount(out, questionId, prev.status, null);
  }
  return out;
}

/**
 * A citizen's answer. The answer document's id is the respondent key (services/answer-key.ts), so a citizen has at most
 * one, whatever races: the first transaction to write it wins and concurrent ones retry onto it. A request repeated
 * (same clientRequestId, or the same answers) returns the answer as it stands; different answers while the window is
 * open replace it, and the tallies move by the difference in the same transaction.
 */
export const surveyAnswer = defineAction<'survey.answer'>({
  schema: surveyAnswerSchema,
  async run(input, { caller, now, request }) {
    const openid = caller.openid!;
    const found = await findSurvey(input.id);
    if (!found || !found.published) throw errors.notFound('调查');
    const closed = windowRefusal(found, now);
    if (closed) throw errors.precondition(closed);
    const outside = await audienceRefusal(found, openid);
    if (outside) throw errors.denied(outside);
    const checked = checkAnswers(found.questions, input.answers);
    if (!checked.ok) throw errors.invalid(checked.message, checked.fields);
    const answers = checked.answers;
    const key = await answerKey(found._id, openid);
    const requestId = input.clientRequestId ?? request ?? '';
    const isRepeat = (a: AnswerDoc): boolean => a.requestId === requestId || sameAnswers(a.answers, answers);
    const existing = await findAnswer(key);
    if (existing && isRepeat(existing)) return mineOf(existing);
    // The content check before the transaction: it is a network call, and a risky text stores nothing.
    const before = textsOf(existing?.answers ?? []);
    const verdicts = new Map<string, Verdict>();
    for (const [questionId, content] of textsOf(answers)) if (before.get(questionId) !== content) verdicts.set(questionId, await checkText(openid, content));
    const nowIso = now.toISOString();
    const answer = await runTransaction(async (tx): Promise<AnswerDoc> => {
      const survey = await surveyInTx(tx, found._id);
      if (!survey) throw errors.notFound('调查');
      const refusal = windowRefusal(survey, now);
      if (refusal) throw errors.precondition(refusal);
      const prev = await answerInTx(tx, key);
      if (prev && isRepeat(prev)) return prev;
      const shard = shardOf(key);
      let tally = (await tallyInTx(tx, survey._id, shard)) ?? { _id: tallyId(survey._id, shard), surveyId: survey._id, shard, respondents: 0, q: {} };
      if (prev) tally = applyToTally(tally, survey.questions, prev.answers, -1);
      tally = applyToTally(tally, survey.questions, answers, 1);
      const next: AnswerDoc = { _id: key, surveyId: survey._id, answers, firstAt: prev?.firstAt ?? nowIso, at: nowIso, revision: (prev?.revision ?? 0) + 1, requestId, shard };
      if (!survey.anonymous) next.openid = openid;
      tally = await writeTexts(tx, survey, key, shard, tally, prev, answers, verdicts, nowIso);
      await putAnswerInTx(tx, next);
      await putTallyInTx(tx, tally);
      if (!survey.answered) await putSurveyInTx(tx, { ...survey, answered: true });
      await recordEvent(tx, {
        subject: 'survey',
        subjectId: survey._id,
        kind: prev ? 'answer_changed' : 'answered',
        at: nowIso,
        actor: answerActor(survey, caller),
        data: { revision: next.revision },
      });
      return next;
    });
    return mineOf(answer);
  },
});
