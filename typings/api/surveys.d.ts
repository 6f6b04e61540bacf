// Surveys (民意调查 / 问卷): an editor builds one (single choice, multiple choice with a maximum, a 1-5 scale, short
// text), sets its window, audience and anonymity, and publishes it; a citizen answers once and may change the answer
// until the window closes; the editor moderates the text answers and publishes the results, which citizens then read.
import type { Page, PageRequest } from '../api';
import type { Instant } from '../domain';

export type SurveyQuestionKind = 'single' | 'multiple' | 'scale' | 'text';

/** draft: being built (editors only); scheduled/open/closed: by the window; published: the results are public. */
export type SurveyStatus = 'draft' | 'scheduled' | 'open' | 'closed' | 'published';

export type SurveyAudience = { kind: 'everyone' } | { kind: 'department'; departmentId: string };

export interface SurveyQuestionInput {
  kind: SurveyQuestionKind;
  title: string;
  /** single / multiple: 2 to 10 options. */
  options?: string[];
  /** multiple: at most this many options may be chosen (default: all). */
  maxChoices?: number;
  /** Default true. */
  required?: boolean;
}

export interface SurveyQuestion extends SurveyQuestionInput {
  /** Stable within a survey: q1, q2, ... in order (questions cannot change once answered). */
  id: string;
  required: boolean;
  /** "单选" / "多选（最多选 2 项）" / "1-5 分" / "简答". */
  kindLabel: string;
}

export interface SurveyInput {
  title: string;
  intro?: string;
  questions: SurveyQuestionInput[];
  opensAt: Instant;
  closesAt: Instant;
  audience: SurveyAudience;
  anonymous: boolean;
  /** A survey may belong to a policy or to a draft consultation (not both); their pages show it while it is open. */
  policyId?: string;
  draftId?: string;
}

/** One answer to one question; which field is set depends on the question's kind. */
export interface SurveyAnswerItem {
  questionId: string;
  /** single: the chosen option's index. */
  choice?: number;
  /** multiple: the chosen options' indexes. */
  choices?: number[];
  /** scale: 1 to 5. */
  score?: number;
  /** text: the short answer (checked as comments are; public only after moderation). */
  text?: string;
}

export interface MySurveyAnswer {
  answers: SurveyAnswerItem[];
  firstAt: Instant;
  at: Instant;
  /** 1 for the first answer; each change adds one. */
  revision: number;
}

export interface Survey {
  id: string;
  title: string;
  intro?: string;
  questions: SurveyQuestion[];
  opensAt: Instant;
  closesAt: Instant;
  status: SurveyStatus;
  statusLabel: string;
  /** "还剩 3 天" / "已截止" / "将于2026年12月1日 09:00开始". */
  windowText: string;
  audience: SurveyAudience;
  /** "所有市民" / "向住房和城乡建设局反映过问题的市民". */
  audienceLabel: string;
  anonymous: boolean;
  version: number;
  policyId?: string;
  draftId?: string;
  /** Whether the caller may answer now; when not, `answerNote` says why in words. */
  canAnswer: boolean;
  answerNote?: string;
  /** The caller's own answer, if any. */
  mine?: MySurveyAnswer;
  /** Editors: whether anyone has answered (the questions are then fixed). */
  answered?: boolean;
  resultsPublishedAt?: Instant;
}

export interface SurveyListItem {
  id: string;
  title: string;
  status: SurveyStatus;
  statusLabel: string;
  windowText: string;
  opensAt: Instant;
  closesAt: Instant;
  anonymous: boolean;
}

export interface SurveyLink {
  id: string;
  title: string;
  windowText: string;
}

export interface SurveyOptionResult {
  label: string;
  count: number;
  /** Of those who answered the question, 0-100 with one decimal. */
  percent: number;
}

export interface SurveyQuestionResult {
  id: string;
  kind: SurveyQuestionKind;
  kindLabel: string;
  title: string;
  /** How many respondents answered this question. */
  answered: number;
  options?: SurveyOptionResult[];
  scale?: { mean: number; distribution: Array<{ score: number; count: number; percent: number }> };
  /** text: approved answers only (the newest first, at most 20); editors also see how many wait for moderation. */
  texts?: { approved: number; items: Array<{ id: string; content: string }>; pending?: number };
}

export interface SurveyResults {
  id: string;
  title: string;
  status: SurveyStatus;
  statusLabel: string;
  anonymous: boolean;
  respondents: number;
  closesAt: Instant;
  resultsPublishedAt?: Instant;
  summary?: string;
  questions: SurveyQuestionResult[];
  version: number;
}

export type SurveyTextStatus = 'pending' | 'approved' | 'hidden';

/** A text answer as the editor moderates it: never who wrote it. */
export interface SurveyTextItem {
  id: string;
  surveyId: string;
  questionId: string;
  questionTitle: string;
  content: string;
  status: SurveyTextStatus;
  statusLabel: string;
  flagged: boolean;
  at: Instant;
}

export interface SurveyActions {
  /** Citizens: open surveys (closing soonest first), then those with published results; editors: every survey. */
  'survey.list': { req: PageRequest & { status?: 'open' | 'results' | 'all' }; res: Page<SurveyListItem> };
  'survey.get': { req: { id: string }; res: Survey };
  /** Creates (with `clientRequestId`, a retry answers the first) or edits (with `version`; a stale one gets CONFLICT). */
  'survey.save': { req: SurveyInput & { id?: string; version?: number; clientRequestId?: string }; res: Survey };
  /** Makes a draft survey public; it opens with its window. */
  'survey.publish': { req: { id: string; version: number }; res: Survey };
  /** The caller's answer: the first, or a change while the window is open. A retry (same `clientRequestId`) answers the first. */
  'survey.answer': { req: { id: string; answers: SurveyAnswerItem[]; clientRequestId?: string }; res: MySurveyAnswer };
  /** Citizens: after publication; editors: any time after the survey was published. */
  'survey.results': { req: { id: string }; res: SurveyResults };
  'survey.textQueue': { req: PageRequest & { surveyId?: string }; res: Page<SurveyTextItem> };
  'survey.moderateText': { req: { id: string; decision: 'approve' | 'hide' }; res: SurveyTextItem };
  'survey.publishResults': { req: { id: string; version: number; summary?: string }; res: SurveyResults };
  /** The results as CSV in cloud storage, for the editor to download. */
  'survey.exportCsv': { req: { id: string }; res: { fileID: string; fileName: string; url?: string } };
}
