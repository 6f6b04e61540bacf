// The survey bench's data (surveys.bench.ts): a survey with a question of each kind, built and published through the
// function; its first answers go through survey.answer, the rest are generated and folded into the tally shards with
// the same domain function the answer transaction uses (domain/surveys.ts applyToTally), a third of them carrying a
// text answer (half approved). Kept in the bench cache (data-cache.ts) under this module's version (which covers the
// function the survey goes through).
import { createHash } from 'crypto';
import { applyToTally, moveTextCount, shardOf, tallyId, type AnswerDoc, type SurveyTextDoc, type TallyDoc } from '../../cloudfunctions/api/src/domain/surveys';
import type { SurveyAnswerItem, SurveyQuestionInput } from '../../typings/api';
import { localCloud } from '../local-cloud';
import { DEMO_CATEGORIES, DEMO_DEPARTMENTS } from '../seed/catalog';
import { NOW } from './case-generator';
import { call } from './cases.bench';
import { cachedDatabase, type CachedDatabase } from './data-cache';

export const EDITOR = 'o_bench_editor';
const THROUGH_FUNCTION = 200;
export const DAY = 86_400_000;

const QUESTIONS: SurveyQuestionInput[] = [
  { kind: 'single', title: '您家中是否有 60 岁以上老人？', options: ['有', '没有'] },
  { kind: 'multiple', title: '您最需要哪些养老服务？', options: ['助餐', '助浴', '日间照料', '上门医疗', '精神慰藉'], maxChoices: 2 },
  { kind: 'scale', title: '您对目前社区养老服务的满意程度' },
  { kind: 'text', title: '您还有什么建议？', required: false },
];

/** A deterministic pseudo-random answer for respondent i. */
function answerOf(i: number): SurveyAnswerItem[] {
  const r = (k: number) => (i * 2654435761 + k * 40503) >>> 0;
  const out: SurveyAnswerItem[] = [
    { questionId: 'q1', choice: r(1) % 2 },
    { questionId: 'q2', choices: [...new Set([r(2) % 5, r(3) % 5])].sort() },
    { questionId: 'q3', score: (r(4) % 5) + 1 },
  ];
  if (i % 3 === 0) out.push({ questionId: 'q4', text: `建议${i}：希望社区增加助餐点，方便老人就近用餐。` });
  return out;
}

export interface SurveyDataMeta {
  surveyId: string;
  /** the first answers, sent through survey.answer */
  throughFunction: number;
}

async function build(total: number): Promise<SurveyDataMeta> {
  localCloud.clock.set(NOW, { frozen: true });
  localCloud.db.bulkInsert('departments', DEMO_DEPARTMENTS.map((d) => ({ ...d })));
  localCloud.db.bulkInsert('categories', DEMO_CATEGORIES.map((c) => ({ ...c })));
  localCloud.db.bulkInsert('users', [{ _id: EDITOR, roles: ['editor'] }]);
  const closesAt = new Date(Date.parse(NOW) + 10 * DAY).toISOString();
  const saved = (await call(EDITOR, 'survey.save', { title: '社区养老服务需求调查', questions: QUESTIONS, opensAt: NOW, closesAt, audience: { kind: 'everyone' }, anonymous: true })).res;
  const draft = (saved as { ok: true; data: { id: string; version: number } }).data;
  await call(EDITOR, 'survey.publish', { id: draft.id, version: draft.version });
  const real = Math.min(THROUGH_FUNCTION, total);
  // The generated answers first, as if they had come earlier; the last ones then go through survey.answer, which
  // reads and moves the same shards.
  const tallies = new Map<number, TallyDoc>();
  const answers: AnswerDoc[] = [];
  const texts: SurveyTextDoc[] = [];
  for (let i = real; i < total; i++) {
    const key = createHash('sha256').update(`bench-${i}`).digest('hex').slice(0, 40);
    const shard = shardOf(key);
    const items = answerOf(i);
    tallies.set(shard, applyToTally(tallies.get(shard) ?? { _id: tallyId(draft.id, shard), surveyId: draft.id, shard, respondents: 0, q: {} }, QUESTIONS, items, 1));
    answers.push({ _id: key, surveyId: draft.id, answers: items, firstAt: NOW, at: NOW, revision: 1, shard });
    const text = items.find((a) => a.text);
    if (text) {
      const id = createHash('sha256').update(`${key}\nq4`).digest('hex').slice(0, 32);
      const status = i % 2 === 0 ? 'approved' : 'pending';
      texts.push({ _id: id, surveyId: draft.id, questionId: 'q4', content: text.text!, status, flagged: false, at: NOW, shard, key: `${NOW}|${id}` });
      tallies.set(shard, moveTextCount(tallies.get(shard)!, 'q4', null, status));
    }
  }
  localCloud.db.bulkInsert('survey_tallies', [...tallies.values()] as unknown as Record<string, unknown>[]);
  localCloud.db.bulkInsert('survey_answers', answers as unknown as Record<string, unknown>[]);
  localCloud.db.bulkInsert('survey_texts', texts as unknown as Record<string, unknown>[]);
  for (let i = 0; i < real; i += 10) {
    await Promise.all(Array.from({ length: Math.min(10, real - i) }, (_, k) => call(`o_bench_citizen_${i + k}`, 'survey.answer', { id: draft.id, answers: answerOf(i + k) })));
  }
  return { surveyId: draft.id, throughFunction: real };
}

/** A published survey with `total` answers, its window still open at NOW: from the cache or generated into it. */
export function surveyData(total: number): Promise<CachedDatabase<SurveyDataMeta>> {
  return cachedDatabase('surveys', total, __filename, () => build(total));
}
