import type { TimelineEntry } from '../../../typings/api';
import { EVENT_LABELS } from '../../../cloudfunctions/api/src/domain/case-labels';
import { caseProgress, type Stage } from '../../../miniprogram/utils/case-progress';

const sh = (local: string) => new Date(`${local}+08:00`).toISOString();
const ev = (kind: TimelineEntry['kind'], at: string): TimelineEntry => ({
  id: `${kind}-${at}`,
  at: sh(at),
  kind,
  // As the server sends it: the page shows the server's words for each step.
  kindLabel: EVENT_LABELS[kind],
  actor: { role: 'dispatcher', roleLabel: '受理员' },
  visibility: 'public',
});
const base = { submittedAt: sh('2026-11-25T10:00:00'), acceptDueAt: sh('2026-11-26T23:59:59'), timeline: [ev('submitted', '2026-11-25T10:00:00')] };
const brief = (stages: Stage[]) => stages.map((s) => `${s.label}:${s.state}:${s.note}:${s.date}`);

test('just sent: accepted by a date, answered by a date (not "受理后 N 个工作日内")', () => {
  const stages = caseProgress({ ...base, status: 'submitted', answerPromisedBy: sh('2026-12-01T23:59:59') });
  expect(brief(stages)).toEqual([
    '提交:done:已提交:2026年11月25日',
    '受理:current:承诺受理:2026年11月26日前',
    '办理:todo::',
    '答复:todo:承诺答复:2026年12月1日前',
    '评价:todo::',
  ]);
  expect(stages[3]!.aria).toBe('答复，未开始，承诺答复，2026年12月1日前');
});

test('in the department\'s hands, then answered, then rated: each stage with its actual day', () => {
  const timeline = [...base.timeline, ev('accepted', '2026-11-25T15:00:00'), ev('assigned', '2026-11-25T15:00:00')];
  const processing = caseProgress({ ...base, timeline, status: 'processing', answerDueAt: sh('2026-11-30T23:59:59') });
  expect(brief(processing).slice(1, 4)).toEqual(['受理:done:已受理:2026年11月25日', '办理:current:办理部门正在办理:2026年11月25日', '答复:todo:承诺答复:2026年11月30日前']);
  const reply = { content: '已处理', at: sh('2026-11-27T09:00:00'), fromTemplate: false };
  const answeredTimeline = [...timeline, ev('replied', '2026-11-27T09:00:00')];
  expect(brief(caseProgress({ ...base, timeline: answeredTimeline, status: 'replied', reply })).slice(2)).toEqual([
    '办理:done:已交办理部门:2026年11月25日',
    '答复:done:已答复:2026年11月27日',
    '评价:current:待您评价:',
  ]);
  const rating = { score: 5 as const, scoreLabel: '非常满意', solved: true, at: sh('2026-11-28T08:00:00') };
  expect(brief(caseProgress({ ...base, timeline: answeredTimeline, status: 'closed', reply, rating })).slice(4)).toEqual(['评价:done:已评价:2026年11月28日']);
});

test('a reopened case is back in the department: the old answer does not count as the answer', () => {
  const timeline = [...base.timeline, ev('accepted', '2026-11-25T15:00:00'), ev('assigned', '2026-11-25T15:00:00')];
  const reply = { content: '已处理', at: sh('2026-11-27T09:00:00'), fromTemplate: false };
  expect(brief(caseProgress({ ...base, timeline, status: 'processing', reply, answerDueAt: sh('2026-12-03T23:59:59') })).slice(3, 4)).toEqual(['答复:todo:承诺答复:2026年12月3日前']);
});

test('rejected or withdrawn: the stage where it stopped says so, the rest stay empty', () => {
  const rejected = caseProgress({ ...base, status: 'rejected', timeline: [...base.timeline, ev('rejected', '2026-11-26T09:00:00')] });
  expect(brief(rejected)).toEqual(['提交:done:已提交:2026年11月25日', '受理:stopped:不予受理:2026年11月26日', '办理:todo::', '答复:todo::', '评价:todo::']);
  const withdrawn = caseProgress({ ...base, status: 'withdrawn', timeline: [...base.timeline, ev('accepted', '2026-11-25T15:00:00'), ev('withdrawn', '2026-11-26T09:00:00')] });
  expect(brief(withdrawn).slice(1, 3)).toEqual(['受理:done:已受理:2026年11月25日', '办理:stopped:已撤回:2026年11月26日']);
});
