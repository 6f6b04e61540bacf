// The respondent key of a survey answer (docs/adr/0130-anonymous-survey-answers.md): HMAC-SHA256 of the survey id and
// the openid under a server secret. An answer document is stored under this key, so "one answer per citizen" is a
// document id, and an anonymous survey's answers carry no openid. Without the secret the key cannot be computed from
// an openid, so a staff member reading answers cannot tell whose they are.
import { createHmac, randomBytes } from 'crypto';
import { COLLECTIONS } from '../lib/db';
import { runTransaction, txGet } from '../lib/transaction';

const SECRET_DOC = 'survey-answer-key';
let cached: string | null = null;

/**
 * The secret: SURVEY_ANSWER_SECRET from the function's environment (production sets it in the console), else one made
 * at random on first use and kept in the `secrets` collection, which no client rule opens.
 */
async function secret(): Promise<string> {
  const fromEnv = process.env.SURVEY_ANSWER_SECRET;
  if (fromEnv) return fromEnv;
  if (cached) return cached;
  cached = await runTransaction(async (tx) => {
    const stored = await txGet<{ value: string }>(tx, COLLECTIONS.secrets, SECRET_DOC);
    if (stored) return stored.value;
    const value = randomBytes(32).toString('hex');
    await tx.collection(COLLECTIONS.secrets).doc(SECRET_DOC).set({ data: { value } });
    return value;
  });
  return cached;
}

export async function answerKey(surveyId: string, openid: string): Promise<string> {
  return createHmac('sha256', await secret()).update(`${surveyId}\n${openid}`).digest('hex').slice(0, 40);
}
