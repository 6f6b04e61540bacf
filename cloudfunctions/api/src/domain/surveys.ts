// Surveys (民意调查), the pure rules: the status a survey is in at an instant, what a save may change, whether an
// answer fits the questions, how one answer moves the tallies, and the results computed from the tallies.
import type {
  SurveyAnswerItem,
  SurveyAudience,
  SurveyListItem,
  SurveyQuestion,
  SurveyQuestionInput,
  SurveyQuestionKind,
  SurveyQuestionResult,
  SurveyStatus,
  SurveyTextStatus,
} from '../../../../typings/api';
import type { Instant } from '../../../../typings/domain';
import { dateTimeText } from './policies/drafts';

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

export const SURVEY_LIMITS = {
  titleMax: 100,
  introMax: 1000,
  questionsMax: 30,
  questionTitleMax: 200,
  optionsMin: 2,
  optionsMax: 10,
  optionMax: 50,
  textAnswerMax: 500,
  summaryMax: 2000,
  scaleMin: 1,
  scaleMax: 5,
} as const;

/** Tallies are spread over this many documents so that answers arriving together rarely write the same one. */
export const TALLY_SHARDS = 8;
/** Approved text answers shown per question on the results page. */
export const TEXTS_SHOWN = 20;

export const SURVEY_STATUS_LABEL: Record<SurveyStatus, string> = {
  draft: '未发布',
  scheduled: '未开始',
  open: '进行中',
  closed: '已截止',
  published: '已公布结果',
};

/** The question kinds as the editor chooses them (meta.get vocabulary.surveyKinds). */
export const SURVEY_KIND_LABELS: Record<SurveyQuestionKind, string> = { single: '单选', multiple: '多选', scale: '1-5 分', text: '简答' };

export const SURVEY_TEXT_STATUS_LABEL: Record<SurveyTextStatus, string> = { pending: '待审核', approved: '已公开', hidden: '未公开' };

export interface SurveyContent {
  title: string;
  intro?: string;
  questions: SurveyQuestionInput[];
  opensAt: Instant;
  closesAt: Instant;
  audience: SurveyAudience;
  anonymous: boolean;
  policyId?: string;
  draftId?: string;
}

export interface SurveyDoc extends SurveyContent {
  _id: string;
  published: boolean;
  publishedAt?: Instant;
  /** Set by the first answer, in its transaction: from then on the questions are fixed. */
  answered: boolean;
  resultsPublished: boolean;
  resultsPublishedAt?: Instant;
  summary?: string;
  version: number;
  createdAt: Instant;
  updatedAt: Instant;
  /** `${createdAt}|${_id}`: the editors' list, newest first. */
  createdKey: string;
  /** `${closesAt}|${_id}`: open surveys, closing soonest first. */
  closeKey: string;
  /** `${resultsPublishedAt}|${_id}` once the results are public: the citizens' results list, newest first. */
  resultsKey?: string;
}

/** One respondent's answer. Its id is the respondent key (answer-key.ts), never the openid itself. */
export interface AnswerDoc {
  _id: string;
  surveyId: string;
  /** Only for a survey that is not anonymous. */
  openid?: string;
  answers: SurveyAnswerItem[];
  firstAt: Instant;
  at: Instant;
  revision: number;
  /** The request that made the current revision: its retry answers this revision instead of making another. */
  requestId?: string;
  shard: number;
}

export interface QuestionTally {
  /** Respondents who answered the question. */
  n: number;
  /** single / multiple: per option. */
  o?: number[];
  /** scale: per score 1..5. */
  s?: number[];
  /** text: answers approved / waiting for moderation (moved by survey.answer and survey.moderateText). */
  approved?: number;
  pending?: number;
}

export interface TallyDoc {
  _id: string;
  surveyId: string;
  shard: number;
  respondents: number;
  q: Record<string, QuestionTally>;
}

export interface SurveyTextDoc {
  _id: string;
  surveyId: string;
  questionId: string;
  content: string;
  status: SurveyTextStatus;
  flagged: boolean;
  at: Instant;
  /** The tally shard of its answer, which counts it by status. */
  shard: number;
  /** `${at}|${_id}`: oldest first in the moderation queue, newest first on the results page. */
  key: string;
}

export const questionId = (index: number): string => `q${index + 1}`;

export function kindLabel(q: Pick<SurveyQuestionInput, 'kind' | 'maxChoices' | 'options'>): string {
  switch (q.kind) {
    case 'multiple':
      return q.maxChoices && q.maxChoices < (q.options?.length ?? 0) ? `多选（最多选 ${q.maxChoices} 项）` : SURVEY_KIND_LABELS.multiple;
    default:
      return SURVEY_KIND_LABELS[q.kind];
  }
}

export function toQuestions(inputs: readonly SurveyQuestionInput[]): SurveyQuestion[] {
  return inputs.map((q, i) => ({ ...q, id: questionId(i), required: q.required !== false, kindLabel: kindLabel(q) }));
}

export function surveyStatus(doc: Pick<SurveyDoc, 'published' | 'resultsPublished' | 'opensAt' | 'closesAt'>, now: Date): SurveyStatus {
  if (!doc.published) return 'draft';
  if (doc.resultsPublished) return 'published';
  const t = now.toISOString();
  if (t < doc.opensAt) return 'scheduled';
  return t < doc.closesAt ? 'open' : 'closed';
}

export function surveyWindowText(doc: Pick<SurveyDoc, 'published' | 'resultsPublished' | 'opensAt' | 'closesAt'>, now: Date): string {
  const status = surveyStatus(doc, now);
  if (status === 'draft' || status === 'scheduled') return `将于${dateTimeText(doc.opensAt)}开始`;
  if (status === 'published') return '已公布结果';
  if (status === 'closed') return '已截止';
  const left = Date.parse(doc.closesAt) - now.getTime();
  return left < DAY_MS ? `还剩 ${Math.max(1, Math.ceil(left / HOUR_MS))} 小时` : `还剩 ${Math.ceil(left / DAY_MS)} 天`;
}

/** Why an answer is refused at this instant, in words; null while the window is open. */
export function windowRefusal(doc: SurveyDoc, now: Date): string | null {
  const status = surveyStatus(doc, now);
  if (status === 'scheduled') return `调查尚未开始，将于${dateTimeText(doc.opensAt)}开始`;
  if (status === 'closed' || status === 'published') return `调查已于${dateTimeText(doc.closesAt)}截止，不能再提交或修改答卷`;
  if (status === 'draft') return '调查尚未发布';
  return null;
}

export function toSurveyListItem(doc: SurveyDoc, now: Date): SurveyListItem {
  const status = surveyStatus(doc, now);
  return {
    id: doc._id,
    title: doc.title,
    status,
    statusLabel: SURVEY_STATUS_LABEL[status],
    windowText: surveyWindowText(doc, now),
    opensAt: doc.opensAt,
    closesAt: doc.closesAt,
    anonymous: doc.anonymous,
  };
}

export type Verdict = { ok: true } | { ok: false; kind: 'invalid' | 'precondition'; message: string; fields?: Record<string, string> };

const invalid = (message: string, field: string, fieldMessage = message): Verdict => ({ ok: false, kind: 'invalid', message, fields: { [field]: fieldMessage } });

function checkQuestion(q: SurveyQuestionInput, i: number): Verdict {
  const at = `questions.${i}`;
  const n = i + 1;
  const choice = q.kind === 'single' || q.kind === 'multiple';
  if (choice) {
    const options = q.options ?? [];
    if (options.length < SURVEY_LIMITS.optionsMin) return invalid(`第 ${n} 题至少需要 ${SURVEY_LIMITS.optionsMin} 个选项`, `${at}.options`);
    if (new Set(options).size !== options.length) return invalid(`第 ${n} 题有重复的选项`, `${at}.options`);
  } else if (q.options !== undefined) {
    return invalid(`第 ${n} 题（${kindLabel(q)}）不需要选项`, `${at}.options`);
  }
  if (q.maxChoices !== undefined) {
    if (q.kind !== 'multiple') return invalid(`只有多选题可以设置最多可选项数（第 ${n} 题）`, `${at}.maxChoices`);
    if (q.maxChoices > (q.options?.length ?? 0)) return invalid(`第 ${n} 题最多可选项数不能多于选项数`, `${at}.maxChoices`);
  }
  return { ok: true };
}

/** What a save may be: a valid survey, and once answered, the same questions, audience and anonymity. */
export function checkSurveySave(prev: SurveyDoc | null, next: SurveyContent, now: Date): Verdict {
  for (const [i, q] of next.questions.entries()) {
    const v = checkQuestion(q, i);
    if (!v.ok) return v;
  }
  if (next.closesAt <= next.opensAt) return invalid('截止时间应晚于开始时间', 'closesAt');
  if (next.policyId && next.draftId) return invalid('调查只能关联一项政策或一个意见征集', 'draftId');
  if (!prev) return { ok: true };
  const status = surveyStatus(prev, now);
  if (status === 'closed' || status === 'published') return { ok: false, kind: 'precondition', message: '调查已截止，不能再修改' };
  if (prev.answered) {
    if (JSON.stringify(prev.questions) !== JSON.stringify(next.questions)) {
      return { ok: false, kind: 'precondition', message: '已有市民作答，题目不能再修改' };
    }
    if (prev.anonymous !== next.anonymous || JSON.stringify(prev.audience) !== JSON.stringify(next.audience)) {
      return { ok: false, kind: 'precondition', message: '已有市民作答，调查对象和匿名方式不能再修改' };
    }
    if (next.opensAt !== prev.opensAt) return { ok: false, kind: 'precondition', message: '已有市民作答，开始时间不能再修改' };
  }
  if (prev.published && next.closesAt <= now.toISOString()) return invalid('截止时间应晚于当前时间', 'closesAt');
  return { ok: true };
}

/**
 * The answer, checked against the questions and put in question order with one item per answered question. Text
 * answers are already normalized by the schema; whether they pass the content check is the action's business.
 */
export function checkAnswers(questions: readonly SurveyQuestionInput[], items: readonly SurveyAnswerItem[]): { ok: true; answers: SurveyAnswerItem[] } | Extract<Verdict, { ok: false }> {
  const byId = new Map<string, SurveyAnswerItem>();
  for (const [i, item] of items.entries()) {
    if (byId.has(item.questionId)) return invalid('同一题不能回答两次', `answers.${i}.questionId`) as Extract<Verdict, { ok: false }>;
    byId.set(item.questionId, item);
  }
  const known = new Set(questions.map((_, i) => questionId(i)));
  const stray = items.findIndex((a) => !known.has(a.questionId));
  if (stray >= 0) return invalid('答卷中有不存在的题目，请刷新后重新作答', `answers.${stray}.questionId`) as Extract<Verdict, { ok: false }>;
  const out: SurveyAnswerItem[] = [];
  for (const [i, q] of questions.entries()) {
    const id = questionId(i);
    const a = byId.get(id);
    const n = i + 1;
    const field = `answers.${items.findIndex((x) => x.questionId === id)}`;
    const empty = !a || (a.choice === undefined && (a.choices?.length ?? 0) === 0 && a.score === undefined && (a.text ?? '').trim() === '');
    if (empty) {
      if (q.required !== false) return { ok: false, kind: 'invalid', message: `请回答第 ${n} 题`, fields: { [`answers.${id}`]: '此题必答' } };
      continue;
    }
    const wrong = (message: string) => invalid(message, field) as Extract<Verdict, { ok: false }>;
    const fieldsFor: Record<SurveyQuestionKind, keyof SurveyAnswerItem> = { single: 'choice', multiple: 'choices', scale: 'score', text: 'text' };
    const set = (['choice', 'choices', 'score', 'text'] as const).filter((k) => a[k] !== undefined);
    if (set.length !== 1 || set[0] !== fieldsFor[q.kind]) return wrong(`第 ${n} 题的回答方式不对（${kindLabel(q)}）`);
    const optionCount = q.options?.length ?? 0;
    if (q.kind === 'single') {
      if (a.choice! >= optionCount) return wrong(`第 ${n} 题所选的选项不存在`);
      out.push({ questionId: id, choice: a.choice! });
    } else if (q.kind === 'multiple') {
      const chosen = [...new Set(a.choices!)].sort((x, y) => x - y);
      if (chosen.length !== a.choices!.length) return wrong(`第 ${n} 题有重复的选项`);
      if (chosen.some((c) => c >= optionCount)) return wrong(`第 ${n} 题所选的选项不存在`);
      const max = q.maxChoices ?? optionCount;
      if (chosen.length > max) return wrong(`第 ${n} 题最多选 ${max} 项`);
      out.push({ questionId: id, choices: chosen });
    } else if (q.kind === 'scale') {
      out.push({ questionId: id, score: a.score! });
    } else {
      out.push({ questionId: id, text: a.text! });
    }
  }
  return { ok: true, answers: out };
}

/** Adds (sign 1) or removes (sign -1) one respondent's answer to a tally document. */
export function applyToTally(tally: TallyDoc, questions: readonly SurveyQuestionInput[], answers: readonly SurveyAnswerItem[], sign: 1 | -1): TallyDoc {
  const q: Record<string, QuestionTally> = JSON.parse(JSON.stringify(tally.q)) as Record<string, QuestionTally>;
  for (const a of answers) {
    const index = Number(a.questionId.slice(1)) - 1;
    const question = questions[index];
    if (!question) continue;
    const t = (q[a.questionId] ??= { n: 0 });
    t.n += sign;
    if (a.choice !== undefined || a.choices) {
      const o = (t.o ??= new Array<number>(question.options?.length ?? 0).fill(0));
      for (const c of a.choices ?? [a.choice!]) o[c] = (o[c] ?? 0) + sign;
    }
    if (a.score !== undefined) {
      const s = (t.s ??= [0, 0, 0, 0, 0]);
      s[a.score - 1] = (s[a.score - 1] ?? 0) + sign;
    }
  }
  return { ...tally, respondents: tally.respondents + sign, q };
}

/** Moves one text answer of `questionId` between statuses in a tally (from null: new; to null: removed). */
export function moveTextCount(tally: TallyDoc, questionId: string, from: SurveyTextStatus | null, to: SurveyTextStatus | null): TallyDoc {
  const t: QuestionTally = { ...(tally.q[questionId] ?? { n: 0 }) };
  const bump = (status: SurveyTextStatus | null, by: number) => {
    if (status === 'approved') t.approved = (t.approved ?? 0) + by;
    if (status === 'pending') t.pending = (t.pending ?? 0) + by;
  };
  bump(from, -1);
  bump(to, 1);
  return { ...tally, q: { ...tally.q, [questionId]: t } };
}

/** The shards added up. */
export function sumTallies(surveyId: string, shards: readonly TallyDoc[]): TallyDoc {
  const total: TallyDoc = { _id: surveyId, surveyId, shard: -1, respondents: 0, q: {} };
  for (const s of shards) {
    total.respondents += s.respondents;
    for (const [id, t] of Object.entries(s.q)) {
      const into = (total.q[id] ??= { n: 0 });
      into.n += t.n;
      if (t.o) into.o = t.o.map((v, i) => v + (into.o?.[i] ?? 0));
      if (t.s) into.s = t.s.map((v, i) => v + (into.s?.[i] ?? 0));
      if (t.approved !== undefined) into.approved = (into.approved ?? 0) + t.approved;
      if (t.pending !== undefined) into.pending = (into.pending ?? 0) + t.pending;
    }
  }
  return total;
}

/** 0-100 with one decimal; 0 when nobody answered. */
export const percent = (count: number, of: number): number => (of > 0 ? Math.round((count * 1000) / of) / 10 : 0);

export function questionResult(q: SurveyQuestion, t: QuestionTally | undefined): SurveyQuestionResult {
  const answered = t?.n ?? 0;
  const out: SurveyQuestionResult = { id: q.id, kind: q.kind, kindLabel: q.kindLabel, title: q.title, answered };
  if (q.kind === 'single' || q.kind === 'multiple') {
    out.options = (q.options ?? []).map((label, i) => {
      const count = t?.o?.[i] ?? 0;
      return { label, count, percent: percent(count, answered) };
    });
  } else if (q.kind === 'scale') {
    const s = t?.s ?? [0, 0, 0, 0, 0];
    const sum = s.reduce((acc, c, i) => acc + c * (i + 1), 0);
    out.scale = {
      mean: answered > 0 ? Math.round((sum * 100) / answered) / 100 : 0,
      distribution: s.map((count, i) => ({ score: i + 1, count, percent: percent(count, answered) })),
    };
  }
  return out;
}

/** The shard an answer's counts live in: fixed per respondent, so a change moves counts within one document. */
export function shardOf(answerKey: string): number {
  let h = 0;
  for (const ch of answerKey) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % TALLY_SHARDS;
}

export const tallyId = (surveyId: string, shard: number): string => `${surveyId}_${shard}`;
