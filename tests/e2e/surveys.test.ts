// A survey end to end, in Chromium on the browser preview against the local cloud, through the UI: the editor builds
// and publishes a survey, two citizens answer it (one from the home page's 民意调查 entry), the window closes (the
// clock moves through the gateway), the editor approves a text answer and publishes the results, and a citizen reads
// them.
import { demoIdentity } from '../../tools/seed/identities';
import { closeBrowser, openPreview } from './helpers/preview';
import { callAction as api, openAs, tap, text, type, waitForRoute } from './helpers/ui';

jest.setTimeout(180_000);
afterAll(() => closeBrowser());

const EDITOR = demoIdentity('editor').openid;
const DAY = 24 * 3600 * 1000;
const TITLE = '老旧小区加装电梯意愿调查';

test('an editor publishes a survey, two citizens answer, the window closes, the results are published and read', async () => {
  const preview = await openPreview({ identity: 'editor', page: 'staff/survey-edit/index' });
  try {
    let app = preview.app;
    await preview.waitForData((d: { loading: boolean }) => d.loading === false);
    await type(app, 'field-title', TITLE);
    await type(app, 'q-title-0', '您是否支持本楼栋加装电梯？');
    await type(app, 'q-options-0', '支持\n不支持');
    await tap(app, 'add-question');
    await tap(app, 'kind-1-scale');
    await type(app, 'q-title-1', '您对加装电梯费用分摊方案的认可程度');
    await tap(app, 'add-question');
    await tap(app, 'kind-2-text');
    await type(app, 'q-title-2', '您还有什么顾虑或建议？');
    await tap(app, 'q-required-2');
    await tap(app, 'publish');
    await preview.waitForData((d: { status: string; busy: boolean }) => d.status === 'open' && !d.busy, 15_000);
    const survey = (await api(preview, EDITOR, 'survey.list', {})).items.find((s) => s.title === TITLE)!;
    expect(survey).toMatchObject({ status: 'open', anonymous: true });

    // Citizen A: from the home page's entry, to the list, to the survey.
    app = await openAs(preview, 'citizenA', 'pages/index/index', { settle: true });
    await tap(app, 'link-surveys');
    await waitForRoute(preview, 'pages/surveys/index');
    await preview.waitForData((d: { loading: boolean }) => d.loading === false);
    await app.locator(`[data-testid="survey-card"][data-id="${survey.id}"]`).click();
    await waitForRoute(preview, 'pages/survey/index');
    await preview.waitForData((d: { loading: boolean }) => d.loading === false);
    expect(await text(app, 'anonymous')).toContain('本调查匿名');
    await tap(app, 'choice-q1-0');
    await tap(app, 'choice-q2-4');
    await type(app, 'text-q3', '希望施工期间保证老人出行。');
    await tap(app, 'submit');
    await preview.waitForData((d: { sending: boolean; notice: string }) => !d.sending && d.notice !== '');
    expect(await text(app, 'notice')).toContain('答卷已提交');

    // Citizen B answers, without the optional text.
    app = await openAs(preview, 'citizenB', 'pages/survey/index', { query: { id: survey.id }, settle: true });
    await tap(app, 'choice-q1-1');
    await tap(app, 'choice-q2-1');
    await tap(app, 'submit');
    await preview.waitForData((d: { sending: boolean; notice: string }) => !d.sending && d.notice !== '');

    // The window closes: the clock moves past it.
    const clock = await fetch(`${preview.gatewayUrl}/_emulator/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ now: new Date(Date.parse(survey.closesAt) + DAY).toISOString() }),
    });
    expect(clock.status).toBe(200);
    app = await openAs(preview, 'citizenB', 'pages/survey/index', { query: { id: survey.id }, settle: true });
    expect(await text(app, 'answer-note')).toContain('不能再提交或修改答卷');

    // The editor approves the text answer and publishes the results.
    app = await openAs(preview, 'editor', 'staff/survey-results/index', { query: { id: survey.id }, settle: true });
    expect(await text(app, 'status')).toBe('已截止');
    await tap(app, 'show-queue');
    await preview.waitForData((d: { queueShown: boolean; pending: unknown[] }) => d.queueShown && d.pending.length === 1);
    await tap(app, 'approve');
    await preview.waitForData((d: { pending: unknown[] }) => d.pending.length === 0);
    await type(app, 'summary', '多数居民支持加装电梯，我们将会同街道推进。');
    await tap(app, 'publish-results');
    await preview.waitForData((d: { status: string; busy: boolean }) => d.status === 'published' && !d.busy, 15_000);
    // The CSV for the office: written to cloud storage, downloaded and opened by the phone.
    await tap(app, 'export');
    await preview.waitForData((d: { busy: boolean; notice: string }) => !d.busy && d.notice.startsWith('已导出：调查结果-'), 15_000);

    // Citizen A reads them.
    app = await openAs(preview, 'citizenA', 'pages/survey-results/index', { query: { id: survey.id }, settle: true });
    expect(await text(app, 'respondents')).toBe('共 2 人参与');
    expect(await text(app, 'summary')).toContain('多数居民支持加装电梯');
    const first = await text(app, 'result', 0);
    expect(first).toMatch(/（单选，2 人回答）支持1 人 · 50%不支持1 人 · 50%$/);
    expect(await text(app, 'mean')).toBe('平均 3.50 分');
    expect(await text(app, 'text-answer')).toBe('希望施工期间保证老人出行。');
    preview.expectNoProblems();
  } finally {
    await preview.close();
  }
});
