// Surveys on the citizen's pages: the answer form's state from a Survey (with the caller's own answer filled in), the
// payload it sends, and the results as bars. Plain functions, unit-tested (tests/unit/mp/survey-view.test.ts).
import type { Survey, SurveyAnswerItem, SurveyListItem, SurveyQuestionKind, SurveyResults } from '../../typings/api';

export interface ChoiceView {
  label: string;
  checked: boolean;
}

export interface QuestionView {
  id: string;
  number: number;
  kind: SurveyQuestionKind;
  kindLabel: string;
  title: string;
  required: boolean;
  /** single / multiple: the options with their state; scale: the scores 1..5. */
  choices: ChoiceView[];
  maxChoices: number;
  text: string;
}

const SCORES = ['1', '2', '3', '4', '5'];

export function questionViews(survey: Survey): QuestionView[] {
  const mine = new Map((survey.mine?.answers ?? []).map((a) => [a.questionId, a]));
  return survey.questions.map((q, i) => {
    const a = mine.get(q.id);
    const chosen = new Set<number>(a?.choices ?? (a?.choice !== undefined ? [a.choice] : a?.score !== undefined ? [a.score - 1] : []));
    const labels = q.kind === 'scale' ? SCORES : (q.options ?? []);
    return {
      id: q.id,
      number: i + 1,
      kind: q.kind,
      kindLabel: q.kindLabel,
      title: q.title,
      required: q.required,
      choices: labels.map((label, j) => ({ label, checked: chosen.has(j) })),
      maxChoices: q.maxChoices ?? labels.length,
      text: a?.text ?? '',
    };
  });
}

/** The state after a tap on choice `j`: one for single and scale, toggled for multiple (refused above its maximum). */
export function toggleChoice(q: QuestionView, j: number): ChoiceView[] | null {
  if (q.kind !== 'multiple') return q.choices.map((c, k) => ({ ...c, checked: k === j }));
  const next = q.choices.map((c, k) => (k === j ? { ...c, checked: !c.checked } : c));
  return next.filter((c) => c.checked).length > q.maxChoices ? null : next;
}

/** What survey.answer takes: one item per answered question; unanswered ones are left out (the server says which are required). */
export function answersOf(questions: readonly QuestionView[]): SurveyAnswerItem[] {
  const out: SurveyAnswerItem[] = [];
  for (const q of questions) {
    const picked = q.choices.flatMap((c, j) => (c.checked ? [j] : []));
    if (q.kind === 'text') {
      if (q.text.trim()) out.push({ questionId: q.id, text: q.text });
    } else if (picked.length) {
      if (q.kind === 'single') out.push({ questionId: q.id, choice: picked[0]! });
      else if (q.kind === 'scale') out.push({ questionId: q.id, score: picked[0]! + 1 });
      else out.push({ questionId: q.id, choices: picked });
    }
  }
  return out;
}

/** Where a survey's card leads: its results once published, else the survey. */
export function surveyUrl(item: Pick<SurveyListItem, 'id' | 'status'>): string {
  const page = item.status === 'published' ? 'survey-results' : 'survey';
  return `/pages/${page}/index?id=${encodeURIComponent(item.id)}`;
}

export interface SurveyCardView {
  id: string;
  title: string;
  statusLabel: string;
  /** "进行中 · 还剩 3 天"; the status alone when the window text says the same ("已公布结果"). */
  statusLine: string;
  windowText: string;
  url: string;
  open: boolean;
}

export function surveyCardView(item: SurveyListItem): SurveyCardView {
  const statusLine = item.statusLabel === item.windowText ? item.statusLabel : `${item.statusLabel} · ${item.windowText}`;
  return { id: item.id, title: item.title, statusLabel: item.statusLabel, statusLine, windowText: item.windowText, url: surveyUrl(item), open: item.status === 'open' };
}

export interface BarView {
  label: string;
  count: number;
  percentText: string;
  /** "width: 42.5%" for the bar's style. */
  width: string;
}

export interface ResultView {
  id: string;
  number: number;
  title: string;
  kindLabel: string;
  answered: number;
  bars: BarView[];
  mean: string;
  texts: string[];
  textsApproved: number;
  textsPending: number;
}

const bar = (label: string, count: number, percent: number): BarView => ({ label, count, percentText: `${percent}%`, width: `width: ${Math.min(100, percent)}%` });

export function resultViews(results: SurveyResults): ResultView[] {
  return results.questions.map((q, i) => ({
    id: q.id,
    number: i + 1,
    title: q.title,
    kindLabel: q.kindLabel,
    answered: q.answered,
    bars: q.options ? q.options.map((o) => bar(o.label, o.count, o.percent)) : (q.scale?.distribution ?? []).map((d) => bar(`${d.score} 分`, d.count, d.percent)),
    mean: q.scale ? q.scale.mean.toFixed(2) : '',
    texts: (q.texts?.items ?? []).map((t) => t.content),
    textsApproved: q.texts?.approved ?? 0,
    textsPending: q.texts?.pending ?? 0,
  }));
}
