// Surveys (民意调查) through the real function on the local cloud (strict about indexes): building and versioning,
// the window and audience rules, answering once (retries, 20 concurrent answers), changing an answer, anonymity,
// moderation of text answers, results and their CSV.
import { localCloud, localCloudInternals } from '../../../tools/local-cloud';
import { callAs, ok, seedStaff } from '../../helpers/cloud';
import { ADMIN, CITIZEN, OTHER_CITIZEN, processingCase, setUpAgency } from '../cases/helpers';
import { count, errorOf, eventsOf, policyInput } from '../policies/helpers';
import { fullAnswer, openSurvey, pastClose, surveyInput } from './helpers';

const EDITOR = 'o_survey_editor';
const CITIZEN_C = 'o_citizen_wang';
const DAY = 86_400_000;

beforeEach(async () => {
  await setUpAgency();
  await seedStaff(EDITOR, ['editor']);
});

/** Every stored document of a collection, as a database console would show it to staff. */
async function allDocs(collection: string): Promise<unknown[]> {
  return [...localCloudInternals.store.find(collection, { sort: [['_id', 1]] })];
}

describe('survey.save and survey.publish', () => {
  test('an editor builds a survey: versioned, a stale edit gets CONFLICT, every change leaves an event', async () => {
    const s = await ok(EDITOR, 'survey.save', surveyInput({ title: '社区养老服务需求调查' }));
    expect(s).toMatchObject({ status: 'draft', statusLabel: '未发布', version: 1, canAnswer: false, audienceLabel: '所有市民' });
    expect(s.questions.map((q) => [q.id, q.kindLabel, q.required])).toEqual([
      ['q1', '单选', true],
      ['q2', '多选（最多选 2 项）', true],
      ['q3', '1-5 分', false],
      ['q4', '简答', false],
    ]);
    const edited = await ok(EDITOR, 'survey.save', { ...surveyInput({ title: '社区养老服务需求调查（修订）' }), id: s.id, version: 1 });
    expect(edited.version).toBe(2);
    expect(await errorOf(EDITOR, 'survey.save', { ...surveyInput(), id: s.id, version: 1 })).toMatchObject({ code: 'CONFLICT' });
    expect(await errorOf(EDITOR, 'survey.publish', { id: s.id, version: 1 })).toMatchObject({ code: 'CONFLICT' });
    const published = await ok(EDITOR, 'survey.publish', { id: s.id, version: 2 });
    expect(published).toMatchObject({ status: 'open', version: 3 });
    expect((await eventsOf(s.id)).map((e) => [e.kind, e.actor.role])).toEqual([
      ['created', 'editor'],
      ['edited', 'editor'],
      ['published', 'editor'],
    ]);
  });

  test('a retried create answers the first survey', async () => {
    const input = surveyInput({ clientRequestId: 'survey-create-0001' });
    const [a, b] = await Promise.all([ok(EDITOR, 'survey.save', input), ok(EDITOR, 'survey.save', input)]);
    expect(a.id).toBe(b.id);
    expect(await count('surveys')).toBe(1);
  });

  test('malformed questions are refused in Chinese and store nothing', async () => {
    const one = await errorOf(EDITOR, 'survey.save', surveyInput({ questions: [{ kind: 'single', title: '是否同意？', options: ['同意'] }] }));
    expect(one).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('第 1 题至少需要 2 个选项') });
    const max = await errorOf(EDITOR, 'survey.save', surveyInput({ questions: [{ kind: 'scale', title: '满意度', maxChoices: 2 }] }));
    expect(max).toMatchObject({ code: 'INVALID_ARGUMENT', fields: { 'questions.0.maxChoices': expect.stringContaining('只有多选题') } });
    const window = await errorOf(EDITOR, 'survey.save', surveyInput({ closesAt: surveyInput().opensAt }));
    expect(window).toMatchObject({ code: 'INVALID_ARGUMENT', fields: { closesAt: '截止时间应晚于开始时间' } });
    const kind = await errorOf(EDITOR, 'survey.save', { ...surveyInput(), questions: [{ kind: 'ranking', title: '排序' }] });
    expect(kind).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/题型/) });
    expect(await count('surveys')).toBe(0);
  });

  test('a survey being built does not exist for citizens; it cannot be answered', async () => {
    const s = await ok(EDITOR, 'survey.save', surveyInput());
    expect(await errorOf(CITIZEN, 'survey.get', { id: s.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await errorOf(CITIZEN, 'survey.answer', { id: s.id, answers: fullAnswer() })).toMatchObject({ code: 'NOT_FOUND' });
    expect((await ok(CITIZEN, 'survey.list', {})).items).toEqual([]);
    expect((await ok(EDITOR, 'survey.list', {})).items.map((i) => i.id)).toEqual([s.id]);
  });

  test('after the first answer the questions are fixed; the title may still change', async () => {
    const s = await openSurvey(EDITOR);
    await ok(CITIZEN, 'survey.answer', { id: s.id, answers: fullAnswer() });
    const fresh = await ok(EDITOR, 'survey.get', { id: s.id });
    expect(fresh.answered).toBe(true);
    const input = surveyInput({ opensAt: s.opensAt, closesAt: s.closesAt });
    const changed = await errorOf(EDITOR, 'survey.save', { ...input, id: s.id, version: fresh.version, questions: input.questions.slice(1) });
    expect(changed).toMatchObject({ code: 'FAILED_PRECONDITION', message: '已有市民作答，题目不能再修改' });
    const anon = await errorOf(EDITOR, 'survey.save', { ...input, id: s.id, version: fresh.version, anonymous: true });
    expect(anon).toMatchObject({ code: 'FAILED_PRECONDITION' });
    expect((await ok(EDITOR, 'survey.save', { ...input, id: s.id, version: fresh.version, title: '养老服务需求调查' })).title).toBe('养老服务需求调查');
  });
});

describe('survey.answer', () => {
  test('a citizen answers once: a retry returns the first answer and counts nothing more', async () => {
    const s = await openSurvey(EDITOR);
    const first = await ok(CITIZEN, 'survey.answer', { id: s.id, answers: fullAnswer(), clientRequestId: 'answer-req-0001' });
    expect(first).toMatchObject({ revision: 1 });
    const retry = await ok(CITIZEN, 'survey.answer', { id: s.id, answers: fullAnswer(), clientRequestId: 'answer-req-0001' });
    expect(retry).toEqual(first);
    expect((await ok(EDITOR, 'survey.results', { id: s.id })).respondents).toBe(1);
    expect((await ok(CITIZEN, 'survey.get', { id: s.id })).mine).toEqual(first);
  });

  test('20 concurrent answers from one citizen count once', async () => {
    const s = await openSurvey(EDITOR);
    const answers = Array.from({ length: 20 }, (_, i) => callAs(CITIZEN, 'survey.answer', { id: s.id, answers: fullAnswer(), clientRequestId: `answer-burst-${String(i).padStart(4, '0')}` }));
    const results = await Promise.all(answers);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(await count('survey_answers')).toBe(1);
    const r = await ok(EDITOR, 'survey.results', { id: s.id });
    expect(r.respondents).toBe(1);
    expect(r.questions[0]!.options!.map((o) => o.count)).toEqual([1, 0]);
    expect((await eventsOf(s.id)).filter((e) => e.kind === 'answered')).toHaveLength(1);
  });

  test('changing the answer before the close moves the counts; after the close it is refused in words', async () => {
    const s = await openSurvey(EDITOR);
    await ok(CITIZEN, 'survey.answer', { id: s.id, answers: fullAnswer() });
    await ok(OTHER_CITIZEN, 'survey.answer', { id: s.id, answers: fullAnswer() });
    const changed = await ok(CITIZEN, 'survey.answer', { id: s.id, answers: [{ questionId: 'q1', choice: 1 }, { questionId: 'q2', choices: [3] }] });
    expect(changed).toMatchObject({ revision: 2 });
    const r = await ok(EDITOR, 'survey.results', { id: s.id });
    expect(r.respondents).toBe(2);
    expect(r.questions[0]!.options).toEqual([
      { label: '有', count: 1, percent: 50 },
      { label: '没有', count: 1, percent: 50 },
    ]);
    expect(r.questions[1]!.options!.map((o) => o.count)).toEqual([1, 0, 1, 1]);
    expect(r.questions[2]).toMatchObject({ answered: 1, scale: { mean: 4 } });
    pastClose(s);
    const late = await errorOf(CITIZEN, 'survey.answer', { id: s.id, answers: fullAnswer() });
    expect(late).toMatchObject({ code: 'FAILED_PRECONDITION', message: expect.stringMatching(/^调查已于2026年12月\d+日 \d\d:\d\d截止，不能再提交或修改答卷$/) });
    expect((await ok(EDITOR, 'survey.results', { id: s.id })).questions[0]!.options!.map((o) => o.count)).toEqual([1, 1]);
  });

  test('before the window opens an answer is refused with the opening time', async () => {
    const now = localCloud.clock.now().getTime();
    const s = await openSurvey(EDITOR, { opensAt: new Date(now + DAY).toISOString(), closesAt: new Date(now + 5 * DAY).toISOString() });
    expect(s.status).toBe('scheduled');
    const early = await errorOf(CITIZEN, 'survey.answer', { id: s.id, answers: fullAnswer() });
    expect(early).toMatchObject({ code: 'FAILED_PRECONDITION', message: expect.stringMatching(/^调查尚未开始，将于2026年11月26日 10:00开始$/) });
    expect(await count('survey_answers')).toBe(0);
  });

  test('answers that do not fit the questions are refused and change nothing', async () => {
    const s = await openSurvey(EDITOR);
    const cases: Array<[unknown[], RegExp]> = [
      [[{ questionId: 'q2', choices: [0] }], /请回答第 1 题/],
      [[{ questionId: 'q1', choice: 2 }, { questionId: 'q2', choices: [0] }], /第 1 题所选的选项不存在/],
      [[{ questionId: 'q1', choice: 0 }, { questionId: 'q2', choices: [0, 1, 2] }], /第 2 题最多选 2 项/],
      [[{ questionId: 'q1', score: 3 }, { questionId: 'q2', choices: [0] }], /第 1 题的回答方式不对/],
      [[{ questionId: 'q1', choice: 0 }, { questionId: 'q2', choices: [0] }, { questionId: 'q9', choice: 0 }], /不存在的题目/],
      [[{ questionId: 'q1', choice: 0 }, { questionId: 'q2', choices: [0] }, { questionId: 'q3', score: 6 }], /评分不能大于 5/],
    ];
    for (const [answers, message] of cases) {
      expect(await errorOf(CITIZEN, 'survey.answer', { id: s.id, answers })).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(message) });
    }
    expect(await count('survey_answers')).toBe(0);
    expect(await count('survey_tallies')).toBe(0);
  });

  test('a survey for the citizens of one department: others are told they are not in its audience', async () => {
    const s = await openSurvey(EDITOR, { audience: { kind: 'department', departmentId: 'dept-housing' } });
    expect(s.audienceLabel).toBe('向住房和城乡建设局反映过问题的市民');
    await processingCase({}, CITIZEN);
    expect((await ok(CITIZEN, 'survey.get', { id: s.id })).canAnswer).toBe(true);
    await ok(CITIZEN, 'survey.answer', { id: s.id, answers: fullAnswer() });
    const view = await ok(OTHER_CITIZEN, 'survey.get', { id: s.id });
    expect(view).toMatchObject({ canAnswer: false, answerNote: '本调查面向向住房和城乡建设局反映过问题的市民，您暂不在调查范围内' });
    expect(await errorOf(OTHER_CITIZEN, 'survey.answer', { id: s.id, answers: fullAnswer() })).toMatchObject({ code: 'PERMISSION_DENIED' });
  });

  test('a text answer passes the content check: risky is refused and stores nothing; review is flagged for the editor', async () => {
    const s = await openSurvey(EDITOR);
    localCloud.openapi.setMsgSecWords({ risky: ['违禁词'], review: ['待核实'] });
    expect(await errorOf(CITIZEN, 'survey.answer', { id: s.id, answers: fullAnswer('这里有违禁词。') })).toMatchObject({ code: 'CONTENT_REJECTED' });
    expect(await count('survey_answers')).toBe(0);
    await ok(CITIZEN, 'survey.answer', { id: s.id, answers: fullAnswer('情况待核实，希望增加助餐点。') });
    const queue = await ok(EDITOR, 'survey.textQueue', { surveyId: s.id });
    expect(queue.items).toEqual([expect.objectContaining({ content: '情况待核实，希望增加助餐点。', flagged: true, status: 'pending', questionTitle: '您还有什么建议？' })]);
  });
});

describe('anonymous surveys', () => {
  test('no answer, text, tally, queue item, result, CSV or audit entry a staff member can read holds the openid', async () => {
    const s = await openSurvey(EDITOR, { anonymous: true });
    await ok(CITIZEN, 'survey.answer', { id: s.id, answers: fullAnswer('希望增加助餐点。') });
    await ok(OTHER_CITIZEN, 'survey.answer', { id: s.id, answers: fullAnswer('希望延长日间照料时间。') });
    await ok(CITIZEN, 'survey.answer', { id: s.id, answers: fullAnswer('希望增加助餐点和上门医疗。') });
    const queue = await ok(EDITOR, 'survey.textQueue', { surveyId: s.id });
    await ok(EDITOR, 'survey.moderateText', { id: queue.items[0]!.id, decision: 'approve' });
    pastClose(s);
    const results = await ok(EDITOR, 'survey.publishResults', { id: s.id, version: (await ok(EDITOR, 'survey.get', { id: s.id })).version });
    const csv = await ok(EDITOR, 'survey.exportCsv', { id: s.id });
    const csvText = localCloud.storage.read(csv.fileID)!.toString('utf8');
    const audit = await ok(ADMIN, 'admin.audit.list', { subject: 'survey' });
    const readable = JSON.stringify([await allDocs('survey_answers'), await allDocs('survey_texts'), await allDocs('survey_tallies'), queue, results, csvText, audit]);
    for (const openid of [CITIZEN, OTHER_CITIZEN]) expect(readable).not.toContain(openid);
    expect(audit.items.filter((e) => e.kind === 'answered')).toHaveLength(2);
    // Still once per citizen: the third answer was a change, and the citizen sees their own answer.
    expect(results.respondents).toBe(2);
    expect((await ok(CITIZEN, 'survey.get', { id: s.id })).mine?.revision).toBe(2);
  });

  test('a survey that is not anonymous keeps who answered (so the check above could fail)', async () => {
    const s = await openSurvey(EDITOR, { anonymous: false });
    await ok(CITIZEN, 'survey.answer', { id: s.id, answers: fullAnswer() });
    expect(JSON.stringify(await allDocs('survey_answers'))).toContain(CITIZEN);
    expect(JSON.stringify(await eventsOf(s.id))).toContain(CITIZEN);
  });
});

describe('results', () => {
  test('a changed text answer leaves the results and waits for moderation again', async () => {
    const s = await openSurvey(EDITOR);
    await ok(CITIZEN, 'survey.answer', { id: s.id, answers: fullAnswer('希望增加助餐点。') });
    const [text] = (await ok(EDITOR, 'survey.textQueue', { surveyId: s.id })).items;
    await ok(EDITOR, 'survey.moderateText', { id: text!.id, decision: 'approve' });
    expect((await ok(EDITOR, 'survey.results', { id: s.id })).questions[3]!.texts).toMatchObject({ approved: 1, pending: 0, items: [{ content: '希望增加助餐点。' }] });
    await ok(CITIZEN, 'survey.answer', { id: s.id, answers: fullAnswer('希望增加上门医疗。') });
    expect((await ok(EDITOR, 'survey.results', { id: s.id })).questions[3]!.texts).toEqual({ approved: 0, pending: 1, items: [] });
    await ok(CITIZEN, 'survey.answer', { id: s.id, answers: fullAnswer() });
    expect((await ok(EDITOR, 'survey.results', { id: s.id })).questions[3]!.texts).toEqual({ approved: 0, pending: 0, items: [] });
    expect(await count('survey_texts')).toBe(0);
  });

  test('citizens read the results after the editor publishes them; text answers only once approved', async () => {
    const s = await openSurvey(EDITOR);
    await ok(CITIZEN, 'survey.answer', { id: s.id, answers: fullAnswer('希望增加助餐点。') });
    await ok(OTHER_CITIZEN, 'survey.answer', { id: s.id, answers: [{ questionId: 'q1', choice: 1 }, { questionId: 'q2', choices: [1] }, { questionId: 'q3', score: 5 }, { questionId: 'q4', text: '无关内容' }] });
    expect(await errorOf(CITIZEN_C, 'survey.results', { id: s.id })).toMatchObject({ code: 'FAILED_PRECONDITION', message: '调查结果尚未公布，调查截止后将公布结果' });
    const version = (await ok(EDITOR, 'survey.get', { id: s.id })).version;
    expect(await errorOf(EDITOR, 'survey.publishResults', { id: s.id, version })).toMatchObject({ code: 'FAILED_PRECONDITION', message: '调查进行中，截止后才能公布结果' });
    const queue = await ok(EDITOR, 'survey.textQueue', { surveyId: s.id });
    const byContent = new Map(queue.items.map((t) => [t.content, t.id]));
    await ok(EDITOR, 'survey.moderateText', { id: byContent.get('希望增加助餐点。')!, decision: 'approve' });
    await ok(EDITOR, 'survey.moderateText', { id: byContent.get('无关内容')!, decision: 'hide' });
    pastClose(s);
    await ok(EDITOR, 'survey.publishResults', { id: s.id, version, summary: '多数居民希望增加助餐服务。' });
    const r = await ok(CITIZEN_C, 'survey.results', { id: s.id });
    expect(r).toMatchObject({ status: 'published', statusLabel: '已公布结果', respondents: 2, summary: '多数居民希望增加助餐服务。' });
    expect(r.questions[1]!.options).toEqual([
      { label: '助餐', count: 1, percent: 50 },
      { label: '助浴', count: 1, percent: 50 },
      { label: '日间照料', count: 1, percent: 50 },
      { label: '上门医疗', count: 0, percent: 0 },
    ]);
    expect(r.questions[2]!.scale).toEqual({
      mean: 4.5,
      distribution: [1, 2, 3, 4, 5].map((score) => ({ score, count: score >= 4 ? 1 : 0, percent: score >= 4 ? 50 : 0 })),
    });
    expect(r.questions[3]!.texts).toEqual({ approved: 1, items: [{ id: byContent.get('希望增加助餐点。'), content: '希望增加助餐点。' }] });
    expect((await ok(EDITOR, 'survey.results', { id: s.id })).questions[3]!.texts).toMatchObject({ approved: 1, pending: 0 });
    expect((await ok(CITIZEN_C, 'survey.list', { status: 'results' })).items.map((i) => i.id)).toEqual([s.id]);
    expect((await eventsOf(s.id)).map((e) => e.kind)).toContain('results_published');
  });

  test('the CSV lists every option with its count and percentage, in a file the editor downloads', async () => {
    const s = await openSurvey(EDITOR, { title: '公交线路调整意见调查' });
    await ok(CITIZEN, 'survey.answer', { id: s.id, answers: fullAnswer() });
    const file = await ok(EDITOR, 'survey.exportCsv', { id: s.id });
    expect(file.fileID).toMatch(/^cloud:\/\/.+\/exports\/surveys\/.+\.csv$/);
    const lines = localCloud.storage.read(file.fileID)!.toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('调查,公交线路调整意见调查');
    expect(lines).toContain('1,您家中是否有 60 岁以上老人？,单选,1,有,1,100');
    expect(lines).toContain('3,您对目前社区养老服务的满意程度,1-5 分,1,平均分,4,');
  });
});

describe('surveys on other pages', () => {
  test('a policy and a draft show their linked open survey; the home call carries the open surveys', async () => {
    const policy = await ok(EDITOR, 'policy.publish', await ok(EDITOR, 'policy.save', policyInput()).then((p) => ({ id: p.id, version: p.version })));
    const s = await openSurvey(EDITOR, { title: '物业管理满意度调查', policyId: policy.id });
    expect((await ok(CITIZEN, 'policy.get', { id: policy.id })).survey).toEqual({ id: s.id, title: '物业管理满意度调查', windowText: '还剩 10 天' });
    const home = await ok(CITIZEN, 'draft.list', { status: 'open', limit: 3, withSurveys: true });
    expect(home.openSurveys?.map((i) => i.id)).toEqual([s.id]);
    expect((await ok(CITIZEN, 'draft.list', { status: 'open', limit: 3 })).openSurveys).toBeUndefined();
    pastClose(s);
    expect((await ok(CITIZEN, 'policy.get', { id: policy.id })).survey).toBeUndefined();
  });
});
