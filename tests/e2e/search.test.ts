// Search as a citizen uses it, in Chromium on the preview against the local cloud with the demo agency: 电动自行车 typed
// on the home page finds the open consultation on it, which opens; a search that finds nothing leads to the hotline
// and to 我要反映问题 with the words as the inquiry's title.
import { closeBrowser, openPreview, type PreviewHandle } from './helpers/preview';
import { openAs, tap, text, type, waitForRoute } from './helpers/ui';

jest.setTimeout(180_000);

let preview: PreviewHandle;
beforeAll(async () => {
  preview = await openPreview({ identity: 'citizenA', page: 'pages/index/index' });
});
afterAll(async () => {
  await preview?.close();
  await closeBrowser();
});

type Found = { searched: string; loading: boolean; empty: boolean; groups: Array<{ kind: string; items: Array<{ id: string; path: string }> }> };

test('type 电动自行车 on the home page, and open the consultation on it', async () => {
  const app = await openAs(preview, 'citizenA', 'pages/index/index', { settle: true });
  // The tab bar shows its icons (drawn by the build, 81x81): the selected one for 首页, outlines for the others.
  const icons = await app.locator('.mp-tabbar img').evaluateAll((imgs) => imgs.map((i) => [(i as HTMLImageElement).src.split('/').pop(), (i as HTMLImageElement).naturalWidth]));
  expect(icons).toEqual([
    ['home-selected.png', 81],
    ['policy.png', 81],
    ['mine.png', 81],
  ]);
  await type(app, 'search', '电动自行车');
  await tap(app, 'search-button');
  await waitForRoute(preview, 'pages/search/index');
  const found = await preview.waitForData((d: Found) => d.searched === '电动自行车' && !d.loading);
  const drafts = found.groups.find((g) => g.kind === 'draft');
  expect(drafts?.items).toHaveLength(1);
  expect(await text(app, 'group-draft')).toContain('住宅小区电动自行车停放充电管理办法（征求意见稿）');
  expect(await text(app, 'group-draft')).toContain('征求意见中');

  await app.locator(`[data-testid="search-hit"][data-path="${drafts!.items[0]!.path}"]`).click();
  await waitForRoute(preview, 'pages/draft/index');
  const draft = await preview.waitForData((d: { loading: boolean; view: { id: string; title: string; status: string } | null }) => d.loading === false && !!d.view);
  expect(draft.view).toMatchObject({ id: drafts!.items[0]!.id, title: '住宅小区电动自行车停放充电管理办法（征求意见稿）', status: 'open' });
  preview.expectNoProblems();
});

test('退休金怎么领 finds the pension policy; words that find nothing lead to the hotline and to an inquiry', async () => {
  const app = await openAs(preview, 'citizenA', 'pages/search/index', { query: { q: '退休金怎么领' }, settle: true });
  const found = await preview.waitForData((d: Found) => d.searched === '退休金怎么领' && !d.loading);
  expect(found.groups[0]?.kind).toBe('policy');
  expect(await text(app, 'group-policy')).toContain('关于调整退休人员基本养老金的通知');

  await type(app, 'search', '量子通信基站');
  await tap(app, 'search-button');
  await preview.waitForData((d: Found & { hotline: string }) => d.searched === '量子通信基站' && d.empty && d.hotline !== '');
  expect(await text(app, 'empty')).toContain('没有找到');
  expect(await text(app, 'empty-hotline')).toContain('12345');
  await tap(app, 'ask');
  await waitForRoute(preview, 'pages/submit/index');
  const form = await preview.waitForData((d: { loading: boolean; form: { type: string; title: string } }) => d.loading === false);
  expect(form.form).toMatchObject({ type: 'inquiry', title: '量子通信基站' });
  preview.expectNoProblems();
});
