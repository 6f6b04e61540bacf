// The journeys of a citizen who is not used to the app, in Chromium on the preview against the local cloud: a form
// left half-filled is still there on return (and 返回 asks first); more journeys join as their features land.
import { closeBrowser, openPreview, type PreviewHandle } from './helpers/preview';
import { openAs, tap, type, waitForRoute } from './helpers/ui';

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
