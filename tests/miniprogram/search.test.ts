// 搜索 against the real `api` function on a strict local cloud: the one search box (home, 政策, the page itself), hits
// grouped by kind with the words marked, 查看更多 sending only the new rows, and the empty state's ways on.
import { localCloud } from '../../tools/local-cloud';
import { ok, seedCatalog, seedStaff } from '../helpers/cloud';
import { connectLocalCloud, mountPage, waitFor } from '../helpers/mp';
import { CITIZEN_A, confirmText, EDITOR, publishPolicy, recordSetData, typeText } from '../helpers/policies';
import { allByTestId, byTestId, tap, tapElement, textOf } from '../helpers/ui';

jest.setTimeout(30_000);

type Page = ReturnType<typeof mountPage>;

beforeEach(async () => {
  connectLocalCloud(CITIZEN_A);
  await seedCatalog();
  await seedStaff(EDITOR, ['editor']);
});
afterEach(() => jest.restoreAllMocks());
afterAll(() => localCloud.close());

const DAY = 86_400_000;

async function openDraft() {
  const now = localCloud.clock.now().getTime();
  return ok(EDITOR, 'draft.save', {
    title: '住宅小区电动自行车停放充电管理办法（征求意见稿）',
    paragraphs: ['第一条 为加强住宅小区电动自行车停放充电管理，制定本办法。', '第二条 禁止在楼道停放电动车或者为其充电。'],
    opensAt: new Date(now).toISOString(),
    closesAt: new Date(now + 40 * DAY).toISOString(),
  });
}

async function openSearch(q: string): Promise<Page> {
  const page = mountPage('pages/search/index', { q: encodeURIComponent(q) });
  await waitFor(page, (d) => d.loading === false && d.searched === q);
  expect(page.data.error).toBe('');
  return page;
}

function navigations() {
  const urls: string[] = [];
  jest.spyOn(wx, 'navigateTo').mockImplementation(((o: { url: string }) => {
    urls.push(o.url);
    return Promise.resolve();
  }) as never);
  return urls;
}

test('hits grouped by kind, the words marked, the synonym searched said, and a hit opens its page', async () => {
  const draft = await openDraft();
  const policy = await publishPolicy({ title: '电动车安全管理规定', docNo: '市公发〔2026〕3号', paragraphs: ['电动自行车应当在指定场所停放充电。'] });
  const page = await openSearch('电动自行车');
  expect(allByTestId(page, 'group-policy')).toHaveLength(1);
  expect(textOf(page, 'group-policy')).toContain('政策文件');
  expect(textOf(page, 'group-draft')).toContain('意见征集');
  expect(textOf(page, 'group-draft')).toContain('征求意见中');
  expect(byTestId(page, 'group-letter')).toBeNull();
  expect(textOf(page, 'also')).toBe('同时查找了：电动车、电瓶车、电单车');
  const marked = allByTestId(page, 'search-hit').map((h) => Array.from(h.querySelectorAll('[data-testid="hit"]')).map((m) => m.textContent));
  expect(marked[0]).toEqual(['电动车', '电动自行车']);
  expect(marked[1]).toContain('电动自行车');
  expect(textOf(page, 'group-policy')).toContain('市公发〔2026〕3号');

  const urls = navigations();
  await tapElement(page, allByTestId(page, 'search-hit')[1]!);
  expect(urls).toEqual([`/pages/draft/index?id=${draft.id}`]);
  await tapElement(page, allByTestId(page, 'search-hit')[0]!);
  expect(urls[1]).toBe(`/pages/policy/index?id=${policy.id}`);
});

test('查看更多 appends a group\'s next page, sending only the new rows', async () => {
  for (let i = 1; i <= 5; i++) await publishPolicy({ title: `住房公积金提取办法第${i}号`, docNo: `市公积金发〔2026〕${i}号`, issuedAt: `2026-01-0${i}` });
  const page = await openSearch('公积金');
  expect(allByTestId(page, 'search-hit')).toHaveLength(3);
  const sent = recordSetData(page);
  await tap(page, 'more-policy');
  await waitFor(page, (d) => (d.groups as Array<{ items: unknown[]; loadingMore: boolean }>)[0]!.items.length === 5);
  const keys = sent.flatMap((d) => Object.keys(d)).filter((k) => k.includes('items'));
  expect(keys).toEqual(['groups[0].items[3]', 'groups[0].items[4]']);
  expect(byTestId(page, 'more-policy')).toBeNull();
  expect(allByTestId(page, 'search-hit').map((h) => h.textContent)).toEqual(expect.arrayContaining([expect.stringContaining('第1号')]));
});

test('nothing found: other words, 我要反映问题 with the words as an inquiry, and the hotline', async () => {
  const page = await openSearch('我的退休工资和量子通信');
  expect(textOf(page, 'empty')).toContain('没有找到与“我的退休工资和量子通信”相关的');
  expect(allByTestId(page, 'suggestion').map((s) => s.textContent)).toEqual(['养老金', '退休工资', '量子', '通信']);
  expect(textOf(page, 'empty')).not.toContain('文号');
  await waitFor(page, (d) => d.hotline === '12345');
  expect(textOf(page, 'empty-hotline')).toBe('拨打服务热线 12345');

  const urls = navigations();
  await tap(page, 'ask');
  expect(urls).toEqual([`/pages/submit/index?type=inquiry&title=${encodeURIComponent('我的退休工资和量子通信')}`]);

  await publishPolicy({ title: '关于调整退休人员基本养老金的通知', paragraphs: ['按月领取基本养老金的退休人员提高基本养老金水平。'] });
  await tap(page, 'suggestion', 0);
  await waitFor(page, (d) => d.loading === false && d.searched === '养老金');
  expect(textOf(page, 'group-policy')).toContain('关于调整退休人员基本养老金的通知');
});

test('the search box on the page searches in place; on 首页 and 政策 it opens 搜索', async () => {
  await openDraft();
  const page = await openSearch('充电');
  await typeText(page, '电瓶车', 'search-box', 'search');
  await confirmText(page, '电瓶车', 'search-box', 'search');
  await waitFor(page, (d) => d.loading === false && d.searched === '电瓶车');
  expect(textOf(page, 'group-draft')).toContain('住宅小区电动自行车停放充电管理办法');

  const urls = navigations();
  for (const path of ['pages/index/index', 'pages/policies/index']) {
    const tab = mountPage(path);
    await waitFor(tab, (d) => d.loading === false);
    await typeText(tab, '退休金怎么领', 'search-box', 'search');
    await tap(tab, 'search-button');
  }
  expect(urls).toEqual([0, 1].map(() => `/pages/search/index?q=${encodeURIComponent('退休金怎么领')}`));
});
