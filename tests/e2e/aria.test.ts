// WeChat writes a component's aria-* attributes onto the element it renders (aria-role as role), so screen readers and
// axe see them (tools/preview/runtime/aria.ts). This fails if a labelled WXML control reaches the DOM without its label.
import { runAxe } from './helpers/axe';
import { closeBrowser, openPreview, type PreviewHandle } from './helpers/preview';

jest.setTimeout(60_000);

let preview: PreviewHandle;
beforeAll(async () => {
  preview = await openPreview({ page: '__preview__/aria/index' });
});
afterAll(async () => {
  await preview?.close();
  await closeBrowser();
});
afterEach(() => preview.expectNoProblems());

const attrs = (testId: string) =>
  preview.app.locator(`[data-testid="${testId}"]`).evaluate((el) => Object.fromEntries([...el.attributes].filter((a) => a.name === 'role' || a.name.startsWith('aria-')).map((a) => [a.name, a.value])));

test('aria-label and aria-role land on the rendered view, image and component host', async () => {
  expect(await attrs('submit')).toEqual({ role: 'button', 'aria-label': '提交表单', 'aria-disabled': 'false' });
  expect(await attrs('picture')).toEqual({ role: 'img', 'aria-label': '办事大厅照片' });
  expect(await attrs('icon')).toEqual({ role: 'button', 'aria-label': '拨打热线' });
  expect(await attrs('decoration')).toEqual({ 'aria-hidden': 'true' });
  expect(await attrs('note')).toEqual({ role: 'note', 'aria-label': '可以为空' });
});

test("a component's own aria property (Vant's button) labels its inner button, as in WeChat", async () => {
  const inner = preview.app.locator('[data-testid="vant-button"] wx-button');
  expect(await inner.getAttribute('aria-label')).toBe('发送留言');
});

test('setData updates the attributes, and an empty value removes one', async () => {
  await preview.app.locator('[data-testid="submit"]').click();
  await preview.waitForData((d: { disabled?: boolean }) => d.disabled === true);
  expect(await attrs('submit')).toEqual({ role: 'button', 'aria-label': '提交表单', 'aria-disabled': 'true' });
  expect(await attrs('picture')).toEqual({ role: 'img', 'aria-label': '新照片' });
  expect(await attrs('note')).toEqual({ role: 'note' });
});

test("text contrast is measurable: no page element is covered by the phone's chrome or native layers", async () => {
  const outcome = await runAxe(preview.app, '__preview__/aria/index', ['color-contrast']);
  const covered = outcome.incomplete.flatMap((r) => r.nodes).filter((n) => JSON.stringify(n.data).includes('bgOverlap'));
  expect(covered).toEqual([]);
  // Measured, not skipped: the fixture's texts are black on white and pass.
  expect(outcome.incomplete).toEqual([]);
  expect(outcome.violations).toEqual([]);
});
