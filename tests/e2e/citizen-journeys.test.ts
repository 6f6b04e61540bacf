// The journeys of a citizen who is not used to the app, in Chromium on the preview against the local cloud: a form
// left half-filled is still there on return (and 返回 asks first); a case found by its tracking number; a department
// called and found on the map from the home page.
import { demoIdentity } from '../../tools/seed/identities';
import { closeBrowser, openPreview, type PreviewHandle } from './helpers/preview';
import { callAction, openAs, tap, text, type, waitForRoute } from './helpers/ui';

jest.setTimeout(180_000);

let preview: PreviewHandle;
beforeAll(async () => {
  preview = await openPreview({ identity: 'citizenA', page: 'pages/index/index' });
});
afterAll(async () => {
  await preview?.close();
  await closeBrowser();
});

type SubmitData = { loading: boolean; draftRestored: boolean; form: { type: string; title: string; content: string } };

test('leave a half-filled complaint and come back to it: 返回 asks, the draft is there on return', async () => {
  let app = await openAs(preview, 'citizenA', 'pages/index/index', { settle: true });
  await tap(app, 'write-complaint');
  await waitForRoute(preview, 'pages/submit/index');
  await preview.waitForData((d: SubmitData) => d.loading === false);
  await type(app, 'title-field', '小区垃圾三天没人清运');
  await type(app, 'content-field', '幸福小区北门垃圾站三天没有清运，气味很大，请尽快处理。');
  await preview.waitForData((d: SubmitData) => d.form.content.startsWith('幸福小区'));

  // 返回 asks; 取消 keeps the citizen on the form with everything typed.
  await app.locator('[data-testid="mp-nav-back"]').click();
  await app.waitForSelector('[data-testid="mp-modal"]');
  expect(await app.textContent('[data-testid="mp-modal"]')).toContain('确定离开吗');
  await app.locator('[data-testid="mp-modal-cancel"]').click();
  expect(await preview.route()).toBe('pages/submit/index');
  // 确定 leaves; the draft stays on the phone.
  await app.locator('[data-testid="mp-nav-back"]').click();
  await app.locator('[data-testid="mp-modal-confirm"]').click();
  await waitForRoute(preview, 'pages/index/index');

  // Even after WeChat closed the mini program, 我要投诉 brings the complaint back.
  app = await openAs(preview, 'citizenA', 'pages/index/index', { settle: true });
  await tap(app, 'write-complaint');
  await waitForRoute(preview, 'pages/submit/index');
  const restored = await preview.waitForData((d: SubmitData) => d.loading === false);
  expect(restored.draftRestored).toBe(true);
  expect(restored.form).toMatchObject({ type: 'complaint', title: '小区垃圾三天没人清运' });
  expect(await app.locator('[data-testid="title-field"] input').inputValue()).toBe('小区垃圾三天没人清运');
  expect(await app.textContent('[data-testid="draft-restored"]')).toContain('已恢复');
  preview.expectNoProblems();
});

type CaseData = { loading: boolean; c: { trackingNo: string } | null; progress: Array<{ label: string; state: string; note: string; date: string }> };

test('find a case by its number: 我的留言 opens the citizen\'s own case with its stages; the staff queue finds it too', async () => {
  const citizen = demoIdentity('citizenA').openid;
  const submitted = await callAction(preview, citizen, 'case.submit', {
    type: 'inquiry',
    categoryId: 'cat-property',
    title: '物业费发票怎么开',
    content: '请问物业费的发票应该向谁申请，多久能拿到？',
    publishConsent: false,
    clientRequestId: 'e2e-find-by-number',
  });
  let app = await openAs(preview, 'citizenA', 'pages/cases/index', { settle: true });
  await type(app, 'find-case-input', submitted.trackingNo.toLowerCase());
  await tap(app, 'find-case-button');
  await waitForRoute(preview, 'pages/case/index');
  const seen = await preview.waitForData((d: CaseData) => d.loading === false && d.c !== null);
  expect(seen.c!.trackingNo).toBe(submitted.trackingNo);
  expect(seen.progress.map((s) => `${s.label}:${s.state}`)).toEqual(['提交:done', '受理:current', '办理:todo', '答复:todo', '评价:todo']);
  expect(await text(app, 'stage-reply')).toMatch(/承诺答复 ?\d{4}年\d{1,2}月\d{1,2}日前/);

  // A number that is not theirs (or does not exist) says so under the box, and the page stays.
  await app.locator('[data-testid="mp-nav-back"]').click();
  await waitForRoute(preview, 'pages/cases/index');
  await type(app, 'find-case-input', 'MS20200101-9999');
  await tap(app, 'find-case-button');
  await app.waitForSelector('[data-testid="find-case-error"]');
  expect(await text(app, 'find-case-error')).toContain('没有找到编号为 MS20200101-9999 的留言');
  expect(await preview.route()).toBe('pages/cases/index');

  app = await openAs(preview, 'dispatcher', 'staff/queue/index', { settle: true });
  await type(app, 'find-case-input', submitted.trackingNo);
  await tap(app, 'find-case-button');
  await waitForRoute(preview, 'staff/case/index');
  preview.expectNoProblems();
});

test('call a department: the home page lists each with hours and address; 拨打 asks WeChat to call, 查看位置 opens the map', async () => {
  const app = await openAs(preview, 'citizenA', 'pages/index/index', { settle: true });
  const housing = app.locator('[data-testid="department"]', { hasText: '住房和城乡建设局' });
  expect(await housing.textContent()).toContain('办公时间：工作日 9:00-12:00，13:30-17:30');
  expect(await housing.textContent()).toContain('地址：市民中心 A 座 3 楼');
  // Scrolled into view and settled first: a scroll that lands during a touch cancels the tap (as tap() in helpers/ui).
  await housing.locator('[data-testid="call-department"]').scrollIntoViewIfNeeded();
  await new Promise((r) => setTimeout(r, 300));
  await housing.locator('[data-testid="call-department"]').click();
  // WeChat's own confirmation sheet, with the number.
  const sheet = app.locator('[data-testid="mp-action-sheet"]');
  await sheet.waitFor();
  expect(await sheet.textContent()).toContain('呼叫 0571-87001001');
  await app.locator('[data-testid="mp-action-sheet"] >> text=呼叫 0571-87001001').click();

  await housing.locator('[data-testid="map-department"]').scrollIntoViewIfNeeded();
  await new Promise((r) => setTimeout(r, 300));
  await housing.locator('[data-testid="map-department"]').click();
  await app.waitForSelector('[data-testid="mp-modal"]');
  expect(await app.textContent('[data-testid="mp-modal"]')).toContain('市民中心 A 座 3 楼');
  expect(await app.textContent('[data-testid="mp-modal"]')).toContain('纬度 30.245');
  await app.locator('[data-testid="mp-modal-confirm"]').click();
  preview.expectNoProblems();
});

test('a case link that leads nowhere says so and takes the citizen home or to 我的留言, with no reload', async () => {
  let app = await openAs(preview, 'citizenA', 'pages/case/index', { query: { id: 'nope' }, settle: true });
  expect(await text(app, 'dead-end-text')).toBe('没有找到这条留言，可能编号有误或已被撤回');
  expect(await app.locator('[data-testid="retry"]').count()).toBe(0);
  await tap(app, 'dead-end-home');
  await waitForRoute(preview, 'pages/index/index');

  app = await openAs(preview, 'citizenA', 'pages/case/index', { query: { id: 'nope' }, settle: true });
  await tap(app, 'dead-end-back');
  await waitForRoute(preview, 'pages/cases/index');
});
