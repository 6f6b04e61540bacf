// The survey pages against the real `api` function on an in-memory strict local cloud: a citizen answers by tapping
// (a multiple choice stops at its maximum, a missing answer is told in the server's words), finds the answer filled
// in when coming back and changes it; the results page shows counts and percentages once published; the survey list
// leads to each; the editor's form module builds a survey the function accepts.
import { localCloud } from '../../tools/local-cloud';
import type { Survey } from '../../typings/api';
import { emptySurveyForm, toSurveyInput } from '../../miniprogram/staff/survey-edit/form';
import { ok, seedCatalog, seedStaff } from '../helpers/cloud';
import { connectLocalCloud, mountPage, openPage, useIdentity, waitFor } from '../helpers/mp';
import { allByTestId, tap, textOf } from '../helpers/ui';
import { fullAnswer, openSurvey, pastClose } from '../cloud/surveys/helpers';

jest.setTimeout(30_000);

const EDITOR = 'o_mp_survey_editor';
const CITIZEN = 'o_mp_survey_citizen';
const OTHER = 'o_mp_survey_other';

beforeEach(async () => {
  connectLocalCloud(CITIZEN);
  localCloud.clock.set('2026-11-25T02:00:00.000Z', { frozen: true });
  await seedCatalog();
  await seedStaff(EDITOR, ['editor']);
});
afterAll(() => localCloud.close());

function checked(page: ReturnType<typeof mountPage>, q: number): boolean[] {
  return (page.data.questions as Array<{ choices: Array<{ checked: boolean }> }>)[q]!.choices.map((c) => c.checked);
}

test('a citizen answers by tapping, is told what is missing, and finds the answer filled in to change it', async () => {
  const s: Survey = await openSurvey(EDITOR);
  const page = await openPage('pages/survey/index', { id: s.id });
  expect(textOf(page, 'survey-head')).toContain(s.title);
  expect(allByTestId(page, 'question')).toHaveLength(4);

  await tap(page, 'choice-q2-0');
  await tap(page, 'choice-q2-1');
  await tap(page, 'choice-q2-2');
  // At most 2 of the multiple choice: the third tap changes nothing.
  expect(checked(page, 1)).toEqual([true, true, false, false]);
  await tap(page, 'submit');
  await waitFor(page, (d) => d.sending === false && d.formError !== '');
  expect(textOf(page, 'form-error')).toBe('请回答第 1 题');

  await tap(page, 'choice-q1-1');
  await tap(page, 'choice-q3-3');
  await tap(page, 'submit');
  await waitFor(page, (d) => d.sending === false && d.notice !== '');
  expect(textOf(page, 'notice')).toContain('答卷已提交');
  expect((await ok(CITIZEN, 'survey.get', { id: s.id })).mine?.answers).toEqual([
    { questionId: 'q1', choice: 1 },
    { questionId: 'q2', choices: [0, 1] },
    { questionId: 'q3', score: 4 },
  ]);

  const again = await openPage('pages/survey/index', { id: s.id });
  expect(checked(again, 0)).toEqual([false, true]);
  expect(textOf(again, 'answered')).toContain('截止前可以修改');
  expect(textOf(again, 'submit')).toBe('修改答卷');
  await tap(again, 'choice-q1-0');
  await tap(again, 'submit');
  await waitFor(again, (d) => d.sending === false && d.notice !== '');
  expect(textOf(again, 'notice')).toContain('答卷已修改');
  expect((await ok(EDITOR, 'survey.results', { id: s.id })).questions[0]!.options!.map((o) => o.count)).toEqual([1, 0]);
});

test('after the close the page says so and offers no button; published results show counts and percentages', async () => {
  const s = await openSurvey(EDITOR);
  await ok(CITIZEN, 'survey.answer', { id: s.id, answers: fullAnswer() });
  await ok(OTHER, 'survey.answer', { id: s.id, answers: [{ questionId: 'q1', choice: 1 }, { questionId: 'q2', choices: [3] }, { questionId: 'q3', score: 2 }] });
  pastClose(s);
  const closed = await openPage('pages/survey/index', { id: s.id });
  expect(textOf(closed, 'answer-note')).toMatch(/^调查已于.+截止，不能再提交或修改答卷$/);
  expect(allByTestId(closed, 'submit')).toHaveLength(0);
  const early = mountPage('pages/survey-results/index', { id: s.id });
  await waitFor(early, (d) => d.loading === false);
  expect(early.data.error).toBe('调查结果尚未公布，请稍后再来查看');

  useIdentity(EDITOR);
  await ok(EDITOR, 'survey.publishResults', { id: s.id, version: (await ok(EDITOR, 'survey.get', { id: s.id })).version, summary: '感谢参与。' });
  useIdentity(CITIZEN);
  const results = await openPage('pages/survey-results/index', { id: s.id });
  expect(textOf(results, 'respondents')).toBe('共 2 人参与');
  expect(textOf(results, 'summary')).toBe('感谢参与。');
  const first = allByTestId(results, 'result')[0]!.textContent!.replace(/\s+/g, ' ');
  expect(first).toContain('有1 人 · 50%');
  expect(first).toContain('没有1 人 · 50%');
  expect(textOf(results, 'mean')).toBe('平均 3.00 分');

  const list = await openPage('pages/surveys/index');
  expect(list.data.items).toEqual([expect.objectContaining({ id: s.id, statusLabel: '已公布结果', url: `/pages/survey-results/index?id=${s.id}` })]);
});

test("the editor's form builds a survey the function accepts, for everyone or one department's citizens", async () => {
  const form = emptySurveyForm('2026-11-25');
  form.title = '社区健身设施使用情况调查';
  form.departmentId = 'dept-housing';
  form.questions = [
    { kind: 'multiple', title: '您常用哪些设施？', optionsText: '步道\n健身器材\n\n篮球场', maxChoices: '2', required: true },
    { kind: 'scale', title: '满意程度', optionsText: '', maxChoices: '', required: false },
  ];
  const saved = await ok(EDITOR, 'survey.save', toSurveyInput(form));
  expect(saved).toMatchObject({ audienceLabel: '向住房和城乡建设局反映过问题的市民', anonymous: true, opensAt: '2026-11-24T16:00:00.000Z', closesAt: '2026-12-09T15:59:59.999Z' });
  expect(saved.questions.map((q) => [q.kindLabel, q.options ?? [], q.required])).toEqual([
    ['多选（最多选 2 项）', ['步道', '健身器材', '篮球场'], true],
    ['1-5 分', [], false],
  ]);
});
