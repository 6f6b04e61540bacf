// A user's path through the real preview: pick from a <picker>, type into a van-field, tap a van-button that writes
// through the local cloud (admin.departments.save), open another page that reads it back (meta.get), drive that
// page's lifecycles (reach bottom, pull-down refresh, share), and come back. Plus the tab bar from app.json.
// The form pages are preview-only fixtures (tools/preview/fixtures/e2e-form), independent of the product pages.
import { closeBrowser, openPreview, type PreviewHandle } from './helpers/preview';

jest.setTimeout(60_000);

let preview: PreviewHandle;

afterEach(async () => {
  await preview?.close();
});
afterAll(() => closeBrowser());

interface FormData {
  departments: Array<{ id: string; name: string }>;
  pickIndex: number;
  name: string;
  note: string;
  shown: number;
}

interface ListData {
  departments: Array<{ id: string; name: string }>;
  refreshed: number;
  bottomed: number;
  from: string;
}

async function callApi(gatewayUrl: string, action: string, openid: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${gatewayUrl}/functions/api`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': openid }, body: JSON.stringify({ action, payload: {} }) });
  return (await res.json()) as Record<string, unknown>;
}

test('pick, type, save through the local cloud, read it on another page, drive its lifecycles, come back', async () => {
  preview = await openPreview({ identity: 'admin', page: '__preview__/e2e-form/index' });
  const { app } = preview;
  const form = await preview.waitForData<FormData>((d) => d.departments.length > 1);
  expect(await app.textContent('[data-testid="mp-nav-title"]')).toBe('改部门名称（测试）');
  expect(await app.isVisible('[data-testid="mp-nav-back"]')).toBe(false);

  // The native picker opens a bottom sheet; choosing the second department and 确定 reports its index.
  const second = form.departments[1]!;
  await app.tap('[data-testid="department-picker"]');
  await app.tap(`[data-testid="mp-picker"] .mp-column__item:has-text("${second.name}")`);
  await app.tap('[data-testid="mp-picker-confirm"]');
  await preview.waitForData<FormData>((d) => d.pickIndex === 1);
  expect(await app.textContent('[data-testid="department-picker"]')).toContain(second.name);

  // van-field: typing reaches the page through Vant's bind:change.
  await app.fill('[data-testid="name-field"] input', '交通运输和港口局');
  await preview.waitForData<FormData>((d) => d.name === '交通运输和港口局');

  // van-button: the tap saves through the api function; the toast and the page say so.
  await app.tap('[data-testid="save"] wx-button');
  await preview.waitForData<FormData>((d) => d.note === '已保存：交通运输和港口局');
  expect(await app.textContent('[data-testid="mp-toast"]')).toContain('已保存');
  const meta = (await callApi(preview.gatewayUrl, 'meta.get', 'o_demo_citizen_a')) as { result: { data: { departments: Array<{ id: string; name: string }> } } };
  expect(meta.result.data.departments.find((d) => d.id === second.id)?.name).toBe('交通运输和港口局');

  // navigateTo with a relative url and a query: the list page reads the new name back from the cloud.
  await app.tap('[data-testid="open-list"] wx-button');
  await preview.waitForData<ListData>((d) => d.departments.length > 0);
  expect(await preview.route()).toBe('__preview__/e2e-form/list');
  expect((await preview.pageData<ListData>()).from).toBe('form');
  expect(await app.textContent('[data-testid="departments"]')).toContain('交通运输和港口局');
  expect(await app.textContent('[data-testid="mp-nav-title"]')).toBe('部门列表（测试）');
  expect(await app.isVisible('[data-testid="mp-nav-back"]')).toBe(true);
  // The page's JSON turns the navigation bar white with black text.
  expect(await app.$eval('.mp-navbar', (el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');

  // onReachBottom when the page scrolls to its end.
  await app.$eval('.mp-webview:not(.mp-webview--hidden) .mp-webview__scroller', (el) => el.scrollTo({ top: el.scrollHeight }));
  await preview.waitForData<ListData>((d) => d.bottomed === 1);

  // Pull-down refresh (enablePullDownRefresh): drag down from the top; the page stops it with wx.stopPullDownRefresh.
  await app.$eval('.mp-webview:not(.mp-webview--hidden) .mp-webview__scroller', (el) => el.scrollTo({ top: 0 }));
  await preview.page.mouse.move(180, 200);
  await preview.page.mouse.down();
  for (let y = 220; y <= 420; y += 20) await preview.page.mouse.move(180, y);
  await preview.page.mouse.up();
  await preview.waitForData<ListData>((d) => d.refreshed === 1);
  await app.waitForSelector('.mp-webview--refreshing', { state: 'detached' });

  // Share through the capsule menu: onShareAppMessage's answer is shown.
  await app.tap('[data-testid="mp-capsule-menu"]');
  await app.tap('[data-testid="mp-action-sheet"] >> text=转发给朋友');
  await app.waitForSelector('[data-testid="mp-modal"]');
  expect(await app.textContent('[data-testid="mp-modal"]')).toContain('/__preview__/e2e-form/list?from=share');
  await app.tap('[data-testid="mp-modal-confirm"]');
  const shares = await app.evaluate(() => (window as unknown as { __mp: { shares: Array<{ title: string; from: string }> } }).__mp.shares);
  expect(shares).toEqual([expect.objectContaining({ title: '受理部门', from: 'menu' })]);

  // Back: the form is the same instance (its typed value kept) and was shown again.
  await app.tap('[data-testid="mp-nav-back"]');
  const back = await preview.waitForData<FormData>((d) => d.shown === 2);
  expect(back.name).toBe('交通运输和港口局');
  expect(await preview.route()).toBe('__preview__/e2e-form/index');
  preview.expectNoProblems();
});

test('the tab bar of app.json switches tabs and keeps tab pages alive', async () => {
  preview = await openPreview({ identity: 'citizenA' });
  const { app } = preview;
  await preview.waitForIdle();
  const tabs = preview.manifest.tabBar!.list;
  // The label only: 我的 may carry the unread-messages badge beside it.
  expect(await app.$$eval('[data-testid^="mp-tab-"]', (els) => els.map((e) => e.querySelector('span:not([class])')?.textContent))).toEqual(tabs.map((t) => t.text));
  expect(await app.getAttribute('[data-testid="mp-tab-0"]', 'aria-selected')).toBe('true');
  const last = tabs.length - 1;
  await app.tap(`[data-testid="mp-tab-${last}"]`);
  await preview.waitForIdle();
  expect(await preview.route()).toBe(tabs[last]!.pagePath);
  expect(await app.getAttribute(`[data-testid="mp-tab-${last}"]`, 'aria-selected')).toBe('true');
  await app.tap('[data-testid="mp-tab-0"]');
  expect(await preview.route()).toBe(tabs[0]!.pagePath);
  // Both tab pages exist (the first one hidden, not unloaded), as in WeChat.
  expect(await app.$$eval('.mp-webview', (els) => els.map((e) => e.getAttribute('data-route')))).toEqual(expect.arrayContaining([tabs[0]!.pagePath, tabs[last]!.pagePath]));
  // A tab page cannot be opened with navigateTo.
  const failed = await app.evaluate((url) => new Promise((resolve) => (window as unknown as { wx: { navigateTo(o: object): void } }).wx.navigateTo({ url, fail: resolve })), `/${tabs[last]!.pagePath}`);
  expect(failed).toEqual({ errMsg: 'navigateTo:fail can not navigateTo a tabbar page' });
  preview.expectNoProblems();
});
