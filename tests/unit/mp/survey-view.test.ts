// The survey pages' view model: the form filled from the caller's own answer, taps (a multiple choice stops at its
// maximum), the payload sent, the list cards and the results as bars.
import type { Survey, SurveyResults } from '../../../typings/api';
import { answersOf, questionViews, resultViews, surveyCardView, toggleChoice } from '../../../miniprogram/utils/survey-view';

const survey: Survey = {
  id: 's1',
  title: '社区养老服务需求调查',
  questions: [
    { id: 'q1', kind: 'single', kindLabel: '单选', title: '是否有老人？', options: ['有', '没有'], required: true },
    { id: 'q2', kind: 'multiple', kindLabel: '多选（最多选 2 项）', title: '需要哪些服务？', options: ['助餐', '助浴', '日间照料'], maxChoices: 2, required: true },
    { id: 'q3', kind: 'scale', kindLabel: '1-5 分', title: '满意程度', required: false },
    { id: 'q4', kind: 'text', kindLabel: '简答', title: '建议', required: false },
  ],
  opensAt: '2026-11-25T00:00:00.000Z',
  closesAt: '2026-12-05T00:00:00.000Z',
  status: 'open',
  statusLabel: '进行中',
  windowText: '还剩 10 天',
  audience: { kind: 'everyone' },
  audienceLabel: '所有市民',
  anonymous: true,
  version: 2,
  canAnswer: true,
  mine: { answers: [{ questionId: 'q1', choice: 1 }, { questionId: 'q2', choices: [0, 2] }, { questionId: 'q3', score: 5 }, { questionId: 'q4', text: '多建助餐点' }], firstAt: '2026-11-26T00:00:00.000Z', at: '2026-11-26T00:00:00.000Z', revision: 1 },
};

test('the form shows the caller’s own answer, and sends back exactly what is on screen', () => {
  const qs = questionViews(survey);
  expect(qs.map((q) => q.choices.map((c) => c.checked))).toEqual([[false, true], [true, false, true], [false, false, false, false, true], []]);
  expect(qs[3]!.text).toBe('多建助餐点');
  expect(answersOf(qs)).toEqual(survey.mine!.answers);
  const blank = questionViews({ ...survey, mine: undefined });
  expect(answersOf(blank)).toEqual([]);
});

test('a tap chooses one option of a single choice or a score; a multiple choice toggles and stops at its maximum', () => {
  const [single, multiple, scale] = questionViews(survey);
  expect(toggleChoice(single!, 0)!.map((c) => c.checked)).toEqual([true, false]);
  expect(toggleChoice(scale!, 2)!.map((c) => c.checked)).toEqual([false, false, true, false, false]);
  expect(toggleChoice(multiple!, 1)).toBeNull();
  expect(toggleChoice(multiple!, 0)!.map((c) => c.checked)).toEqual([false, false, true]);
});

test('cards lead to the survey, or to its results once published, without saying the same thing twice', () => {
  const open = surveyCardView({ id: 's1', title: 't', status: 'open', statusLabel: '进行中', windowText: '还剩 3 天', opensAt: '', closesAt: '', anonymous: false });
  expect(open).toMatchObject({ url: '/pages/survey/index?id=s1', statusLine: '进行中 · 还剩 3 天', open: true });
  const done = surveyCardView({ id: 's2', title: 't', status: 'published', statusLabel: '已公布结果', windowText: '已公布结果', opensAt: '', closesAt: '', anonymous: false });
  expect(done).toMatchObject({ url: '/pages/survey-results/index?id=s2', statusLine: '已公布结果', open: false });
});

test('results become bars with their widths; a scale shows its mean with two decimals', () => {
  const results: SurveyResults = {
    id: 's1',
    title: 't',
    status: 'published',
    statusLabel: '已公布结果',
    anonymous: true,
    respondents: 4,
    closesAt: '',
    version: 3,
    questions: [
      { id: 'q1', kind: 'single', kindLabel: '单选', title: 'a', answered: 4, options: [{ label: '有', count: 3, percent: 75 }, { label: '没有', count: 1, percent: 25 }] },
      { id: 'q3', kind: 'scale', kindLabel: '1-5 分', title: 'b', answered: 2, scale: { mean: 4.5, distribution: [4, 5].map((score) => ({ score, count: 1, percent: 50 })) } },
      { id: 'q4', kind: 'text', kindLabel: '简答', title: 'c', answered: 2, texts: { approved: 1, items: [{ id: 'x', content: '好' }], pending: 1 } },
    ],
  };
  const [single, scale, text] = resultViews(results);
  expect(single!.bars).toEqual([
    { label: '有', count: 3, percentText: '75%', width: 'width: 75%' },
    { label: '没有', count: 1, percentText: '25%', width: 'width: 25%' },
  ]);
  expect(scale).toMatchObject({ mean: '4.50', bars: [{ label: '4 分' }, { label: '5 分' }] });
  expect(text).toMatchObject({ texts: ['好'], textsApproved: 1, textsPending: 1, mean: '' });
});
