// Where a case stands, as five stages a citizen can follow (提交 -> 受理 -> 办理 -> 答复 -> 评价), each with the day it
// happened or the day it is promised by: "承诺 12月1日 前答复" rather than "受理后 3 个工作日内答复". Pure: unit-tested.
import type { CaseView, TimelineEntry } from '../../typings/api';
import { formatFullDate } from './time';

export type StageState = 'done' | 'current' | 'todo' | 'stopped';

export interface Stage {
  key: 'submit' | 'accept' | 'handle' | 'reply' | 'rate';
  label: string;
  state: StageState;
  /** "2026年11月25日", or the promise ("2026年12月1日前") for a stage still ahead. */
  date: string;
  /** What the date means ("已提交", "承诺答复", "待您评价"). */
  note: string;
  /** For screen readers: the whole row in one sentence. */
  aria: string;
}

type ProgressCase = Pick<CaseView, 'status' | 'submittedAt' | 'acceptDueAt' | 'answerDueAt' | 'answerPromisedBy' | 'reply' | 'rating' | 'timeline'>;

const STATE_WORDS: Record<StageState, string> = { done: '已完成', current: '进行中', todo: '未开始', stopped: '已终止' };

function lastOf(timeline: readonly TimelineEntry[], kind: TimelineEntry['kind']): TimelineEntry | undefined {
  const found = timeline.filter((e) => e.kind === kind);
  return found[found.length - 1];
}

function lastAt(timeline: readonly TimelineEntry[], kind: TimelineEntry['kind']): string {
  return lastOf(timeline, kind)?.at ?? '';
}

/** What the server calls the step ("已受理", "不予受理"): the vocabulary is the server's, not copied here. */
function labelOf(timeline: readonly TimelineEntry[], kind: TimelineEntry['kind']): string {
  return lastOf(timeline, kind)?.kindLabel ?? '';
}

function stage(key: Stage['key'], label: string, state: StageState, at: string, note: string, promise = false): Stage {
  const date = at ? `${formatFullDate(at)}${promise ? '前' : ''}` : '';
  return { key, label, state, date, note, aria: `${label}，${STATE_WORDS[state]}${note ? `，${note}` : ''}${date ? `，${date}` : ''}` };
}

export function caseProgress(c: ProgressCase): Stage[] {
  const s = c.status;
  const accepted = lastAt(c.timeline, 'accepted');
  const assigned = lastAt(c.timeline, 'assigned') || lastAt(c.timeline, 'reassigned');
  const answered = (s === 'replied' || s === 'closed') && c.reply ? c.reply.at : '';
  const promisedAnswer = c.answerDueAt ?? c.answerPromisedBy ?? '';
  const stages: Stage[] = [stage('submit', '提交', 'done', c.submittedAt, '已提交')];

  if (s === 'rejected') {
    stages.push(stage('accept', '受理', 'stopped', lastAt(c.timeline, 'rejected'), labelOf(c.timeline, 'rejected')));
  } else if (s === 'submitted') {
    stages.push(stage('accept', '受理', 'current', c.acceptDueAt, '承诺受理', true));
  } else if (s === 'withdrawn' && !accepted) {
    stages.push(stage('accept', '受理', 'stopped', lastAt(c.timeline, 'withdrawn'), labelOf(c.timeline, 'withdrawn')));
  } else {
    stages.push(stage('accept', '受理', 'done', accepted, labelOf(c.timeline, 'accepted')));
  }
  const ended = s === 'rejected' || (s === 'withdrawn' && !accepted);

  if (ended || s === 'submitted') stages.push(stage('handle', '办理', 'todo', '', ''));
  else if (s === 'withdrawn') stages.push(stage('handle', '办理', 'stopped', lastAt(c.timeline, 'withdrawn'), labelOf(c.timeline, 'withdrawn')));
  else if (answered) stages.push(stage('handle', '办理', 'done', assigned, '已交办理部门'));
  else stages.push(stage('handle', '办理', 'current', assigned, assigned ? (s === 'needs_info' ? '等待您补充材料' : '办理部门正在办理') : '正在确定办理部门'));

  if (answered) stages.push(stage('reply', '答复', 'done', answered, labelOf(c.timeline, 'replied')));
  else if (ended || s === 'withdrawn') stages.push(stage('reply', '答复', 'todo', '', ''));
  else stages.push(stage('reply', '答复', 'todo', promisedAnswer, promisedAnswer ? '承诺答复' : '', true));

  if (s === 'closed') stages.push(stage('rate', '评价', 'done', c.rating?.at ?? lastAt(c.timeline, 'closed'), c.rating ? '已评价' : labelOf(c.timeline, 'closed')));
  else if (s === 'replied') stages.push(stage('rate', '评价', 'current', '', '待您评价'));
  else stages.push(stage('rate', '评价', 'todo', '', ''));
  return stages;
}
