// The citizen's policy pages against the real `api` function on an in-memory strict local cloud: the policy tab
// (categories, paging on scroll), the policy page (explanation, favourite, versions,
// attachments, share, ask about it) and 我的收藏.
import simulate from 'miniprogram-simulate';
import { localCloud } from '../../tools/local-cloud';
import { ok, seedCatalog, seedStaff } from '../helpers/cloud';
import { connectLocalCloud, mountPage, waitFor } from '../helpers/mp';
import { CITIZEN_A, CITIZEN_B, EDITOR, publishPolicy, recordSetData } from '../helpers/policies';
import { allByTestId, byTestId, tap, tapElement, textOf } from '../helpers/ui';

jest.setTimeout(30_000);

type Page = ReturnType<typeof mountPage>;
type Lifecycles = { onReachBottom(): Promise<void>; onShareAppMessage(): { title: string; path: string } };

beforeEach(async () => {
  connectLocalCloud(CITIZEN_A);
  await seedCatalog();
  await seedStaff(EDITOR, ['editor']);
});
afterEach(() => jest.restoreAllMocks());
afterAll(() => localCloud.close());

async function openList(): Promise<Page> {
  const page = mountPage('pages/policies/index');
  await waitFor(page, (d) => d.loading === false);
  expect(page.data.error).toBe('');
  return page;
}

function cardTitles(page: Page): string[] {
  return allByTestId(page, 'policy-card').map((el) => (el.querySelector('.policy-card--pc__title')?.textContent ?? '').trim());
}

test('the policy tab lists by category; its search box is the one search box (tests/miniprogram/search.test.ts)', async () => {
  await publishPolicy({ title: '关于优化营商环境的若干措施', docNo: '市政发〔2026〕1号', categoryId: 'cat-property' });
  const bus = await publishPolicy({
    title: '公共交通票价管理办法',
    docNo: '市交发〔2026〕7号',
    categoryId: 'cat-bus',
    paragraphs: ['第一条 为规范公共交通票价，结合本市实际，制定本办法。', '第二条 票价调整应当听取公众意见，持续优化营商环境和出行服务。'],
  });
  await publishPolicy({ title: '噪声污染防治实施细则', docNo: '市环发〔2026〕3号', categoryId: 'cat-noise' });

  const page = await openList();
  expect(page.data.tabs).toEqual([
    { id: 'all', name: '全部' },
    { id: 'cat-property', name: '物业管理' },
    { id: 'cat-bus', name: '公交线路' },
    { id: 'cat-noise', name: '噪声污染' },
  ]);
  expect(allByTestId(page, 'policy-card')).toHaveLength(3);
  expect(page.dom!.textContent).toContain('市交发〔2026〕7号 · 市人民政府办公室');
  // Published policies in force carry no status tag for citizens.
  expect(allByTestId(page, 'policy-status')).toHaveLength(0);
  expect(byTestId(page, 'search')).not.toBeNull();

  // A category tab narrows the list.
  const tabs = page.dom!.querySelectorAll('.van-tabs--van-tab');
  await tapElement(page, tabs[2]);
  await waitFor(page, (d) => d.activeTab === 'cat-bus' && d.loading === false);
  expect(page.data.items.map((i: { id: string }) => i.id)).toEqual([bus.id]);
  expect(cardTitles(page)).toEqual(['公共交通票价管理办法']);
  await tapElement(page, tabs[3]);
  await waitFor(page, (d) => d.activeTab === 'cat-noise' && d.loading === false);
  expect(cardTitles(page)).toEqual(['噪声污染防治实施细则']);
});

test('scrolling to the bottom appends the next page, sending only the new rows', async () => {
  for (let i = 1; i <= 23; i++) {
    await publishPolicy({ title: `物业服务规范第${i}号`, docNo: `市住建发〔2026〕${i}号`, issuedAt: `2026-01-${String(i).padStart(2, '0')}` });
  }
  const page = await openList();
  expect(allByTestId(page, 'policy-card')).toHaveLength(20);
  expect(page.data.done).toBe(false);
  // Newest first: the policy issued on 23 January leads.
  expect(cardTitles(page)[0]).toBe('物业服务规范第23号');

  const sent = recordSetData(page);
  await (page.instance as unknown as Lifecycles).onReachBottom();
  await waitFor(page, (d) => d.done === true && d.loadingMore === false);
  expect(allByTestId(page, 'policy-card')).toHaveLength(23);
  expect(cardTitles(page).slice(20)).toEqual(['物业服务规范第3号', '物业服务规范第2号', '物业服务规范第1号']);
  const listKeys = sent.flatMap((d) => Object.keys(d)).filter((k) => k.startsWith('items'));
  expect(listKeys).toEqual(['items[20]', 'items[21]', 'items[22]']);
  expect(textOf(page, 'list-foot')).toBe('没有更多了');
});

test('the policy page shows the header, body and explanation; the star favourites it and says so', async () => {
  const policy = await publishPolicy();
  const page = mountPage('pages/policy/index', { id: policy.id });
  await waitFor(page, (d) => d.loading === false);
  expect(page.data.error).toBe('');

  expect(textOf(page, 'doc-no')).toBe('市政办发〔2026〕12号');
  expect(textOf(page, 'policy-status')).toBe('现行有效');
  expect(textOf(page, 'policy-head')).toContain('施行日期2026年3月1日');
  expect(textOf(page, 'policy-body')).toContain('物业服务企业应当公示收费项目和标准');
  expect(textOf(page, 'explanation-background')).toContain('收费不透明是主要原因');
  expect(textOf(page, 'explanation-keyPoints')).toContain('业主可以查阅物业账目');
  expect(textOf(page, 'explanation-faq')).toContain('收费标准在哪里查？');
  expect(byTestId(page, 'inactive-notice')).toBeNull();

  // simulate drops aria-* from the DOM; the star's aria-label is bound to favAria (tests/unit/mp/policies-a11y checks
  // that every tappable element has one).
  const star = () => byTestId(page, 'favorite')!;
  expect(page.data.favAria).toBe('收藏此政策');
  expect(star().textContent).toBe('收藏');
  await tap(page, 'favorite');
  await waitFor(page, (d) => d.favorited === true && d.favBusy === false);
  expect(page.data.favAria).toBe('已收藏，点按取消收藏');
  expect(star().textContent).toContain('已收藏');
  expect((await ok(CITIZEN_A, 'policy.list', { favorites: true })).items.map((i) => i.id)).toEqual([policy.id]);
  // Favourites are per person.
  expect((await ok(CITIZEN_B, 'policy.list', { favorites: true })).items).toEqual([]);

  await tap(page, 'favorite');
  await waitFor(page, (d) => d.favorited === false && d.favBusy === false);
  expect((await ok(CITIZEN_A, 'policy.list', { favorites: true })).items).toEqual([]);
});

test('ask opens the inquiry prefilled and linked; share sends the title and a path with the id', async () => {
  const policy = await publishPolicy({ title: '城市公共交通票价管理办法' });
  const page = mountPage('pages/policy/index', { id: policy.id });
  await waitFor(page, (d) => d.loading === false);
  const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation((() => Promise.resolve()) as never);
  await tap(page, 'ask');
  // The title's limit comes from the session's meta.get, which this first tap may still be reading.
  await waitFor(page, () => navigate.mock.calls.length > 0);
  expect(navigate).toHaveBeenCalledWith({
    url: `/pages/submit/index?type=inquiry&policyId=${policy.id}&title=${encodeURIComponent('咨询：城市公共交通票价管理办法')}`,
  });
  expect((page.instance as unknown as Lifecycles).onShareAppMessage()).toEqual({
    title: '城市公共交通票价管理办法',
    path: `/pages/policy/index?id=${policy.id}`,
  });
  expect(byTestId(page, 'share')).not.toBeNull();
});

test('a republished policy says when it was updated, and an earlier version can be read', async () => {
  const first = await publishPolicy();
  const edited = await ok(EDITOR, 'policy.save', {
    id: first.id,
    version: first.version,
    ...{ ...(await import('../helpers/policies')).policyInput({ paragraphs: ['第一条 修订后的条文：物业费每两年评估一次。'] }) },
  });
  await ok(EDITOR, 'policy.publish', { id: edited.id, version: edited.version, note: '调整物业费评估周期' });

  const page = mountPage('pages/policy/index', { id: first.id });
  await waitFor(page, (d) => d.loading === false);
  expect(textOf(page, 'updated-note')).toMatch(/^于\d{4}年\d{1,2}月\d{1,2}日修订$/);
  expect(textOf(page, 'policy-body')).toContain('物业费每两年评估一次');
  const rows = allByTestId(page, 'version');
  expect(rows).toHaveLength(2);
  expect(rows[0].textContent).toContain('（现行）');
  expect(rows[0].textContent).toContain('调整物业费评估周期');

  await tap(page, 'version', 1);
  await waitFor(page, (d) => d.loading === false && !!(d.view as { oldVersionNotice: string }).oldVersionNotice);
  expect(textOf(page, 'old-version')).toContain('您正在查看第 1 版');
  expect(textOf(page, 'policy-body')).toContain('为规范住宅小区物业管理活动');
  expect(textOf(page, 'policy-body')).not.toContain('每两年评估一次');

  await tap(page, 'version', 0);
  await waitFor(page, (d) => d.loading === false && !(d.view as { oldVersionNotice: string }).oldVersionNotice);
  expect(textOf(page, 'policy-body')).toContain('每两年评估一次');
});

test('attachments are downloaded and opened in the system viewer', async () => {
  const fileID = localCloud.storage.write('policies/fee-table.pdf', Buffer.from('%PDF-1.4 test'));
  const policy = await publishPolicy({ attachments: [{ fileID, name: '收费标准表.pdf', size: 2048 }] });
  const page = mountPage('pages/policy/index', { id: policy.id });
  await waitFor(page, (d) => d.loading === false);
  expect(page.data.view.attachments[0].ariaLabel).toBe('附件：收费标准表.pdf，2 KB，点按打开');
  expect(textOf(page, 'attachment')).toContain('收费标准表.pdf');

  const download = jest.spyOn(wx, 'downloadFile').mockImplementation(((opts: WechatMiniprogram.DownloadFileOption) => {
    opts.success?.({ tempFilePath: 'wxfile://tmp/fee-table.pdf', statusCode: 200, errMsg: 'downloadFile:ok' } as never);
    return {} as never;
  }) as never);
  const open = jest.spyOn(wx, 'openDocument').mockImplementation((() => Promise.resolve({ errMsg: 'openDocument:ok' })) as never);
  await tap(page, 'attachment');
  await waitFor(page, (d) => d.attachmentBusy === -1 && open.mock.calls.length > 0);
  const url = (download.mock.calls[0][0] as { url: string }).url;
  expect(url).toMatch(/^https?:\/\//);
  expect(open).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/fee-table.pdf', showMenu: true, fileType: 'pdf' });

  // A download that fails says so on the page instead of failing silently.
  download.mockImplementation(((opts: WechatMiniprogram.DownloadFileOption) => {
    opts.fail?.({ errMsg: 'downloadFile:fail' });
    return {} as never;
  }) as never);
  await tap(page, 'attachment');
  await waitFor(page, (d) => d.attachmentBusy === -1 && d.attachmentError !== '');
  expect(textOf(page, 'attachment-error')).toBe('“收费标准表.pdf”暂时打不开，请稍后再试。');
});

test('an expired policy is marked in the list and explained on its page', async () => {
  const old = await publishPolicy({ title: '2020年度物业补贴办法', issuedAt: '2020-01-01', effectiveFrom: '2020-01-01', expiresAt: '2021-01-01' });
  const list = await openList();
  expect(textOf(list, 'policy-status')).toBe('已失效');

  const page = mountPage('pages/policy/index', { id: old.id });
  await waitFor(page, (d) => d.loading === false);
  expect(textOf(page, 'inactive-notice')).toBe('！本政策已于2021年1月1日失效，内容仅供查阅。');
  expect(textOf(page, 'policy-status')).toBe('已失效');
});

test('我的收藏 lists the starred policies, and says how to star one when there are none', async () => {
  const empty = mountPage('pages/favorites/index');
  await waitFor(empty, (d) => d.loading === false);
  expect(textOf(empty, 'empty')).toContain('您还没有收藏政策');

  const a = await publishPolicy({ title: '物业服务收费管理办法' });
  const b = await publishPolicy({ title: '老旧小区加装电梯补贴办法' });
  await publishPolicy({ title: '未收藏的政策' });
  await ok(CITIZEN_A, 'policy.favorite', { id: a.id, favorited: true });
  await ok(CITIZEN_A, 'policy.favorite', { id: b.id, favorited: true });
  const page = mountPage('pages/favorites/index');
  await waitFor(page, (d) => d.loading === false);
  const titles = cardTitles(page).sort();
  expect(titles).toEqual(['物业服务收费管理办法', '老旧小区加装电梯补贴办法'].sort());
  await simulate.sleep(0);
});

test('a policy or consultation that does not exist is a dead end leading to 政策 / 意见征集 and 首页, not a reload', async () => {
  const switchTab = jest.spyOn(wx, 'switchTab').mockImplementation((() => Promise.resolve()) as never);
  const redirect = jest.spyOn(wx, 'redirectTo').mockImplementation((() => Promise.resolve()) as never);
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);

  const policy = mountPage('pages/policy/index', { id: 'policy-that-does-not-exist' });
  await waitFor(policy, (d) => d.loading === false);
  expect(textOf(policy, 'dead-end-text')).toBe('没有找到这份政策，可能链接有误或已被撤下');
  expect(byTestId(policy, 'retry')).toBeNull();
  await tap(policy, 'dead-end-back');
  expect(switchTab).toHaveBeenLastCalledWith({ url: '/pages/policies/index' });
  await tap(policy, 'dead-end-home');
  expect(switchTab).toHaveBeenLastCalledWith({ url: '/pages/index/index' });

  const draft = mountPage('pages/draft/index', { id: 'draft-that-does-not-exist' });
  await waitFor(draft, (d) => d.loading === false);
  quiet.mockRestore();
  expect(textOf(draft, 'dead-end-text')).toBe('没有找到这项意见征集，可能链接有误或已被撤下');
  expect(byTestId(draft, 'retry')).toBeNull();
  await tap(draft, 'dead-end-back');
  expect(redirect).toHaveBeenCalledWith({ url: '/pages/drafts/index' });
});
