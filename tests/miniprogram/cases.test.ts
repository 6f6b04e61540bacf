// The citizen's side after submitting: 我的留言 (tabs, paging, pull to refresh), the case detail (timeline, answer,
// rating that reopens, supplement, withdraw with a stale version), public letters, and the entries on 我的 and home.
import simulate from 'miniprogram-simulate';
import { localCloud } from '../../tools/local-cloud';
import { acceptAndAssign, allowSubmissions, DISPATCHER, HANDLER, replyTo, seedCaseStaff, submitCase } from '../helpers/cases';
import { ok, seedCatalog, seedStaff } from '../helpers/cloud';
import { connectLocalCloud, mountPage, useIdentity, waitFor } from '../helpers/mp';
import { allByTestId, byTestId, tap, tapElement, textOf, typeInto, typeIntoSearch } from '../helpers/ui';

const CITIZEN = 'o_cases_citizen';
const OTHER = 'o_cases_other';

type Page = ReturnType<typeof mountPage>;

// The first test compiles the WXML with wcc, which takes longer than jest's 5 s on a busy machine.
jest.setTimeout(30_000);
type Methods = Record<string, (...args: unknown[]) => unknown>;
const call = (page: Page, name: string, ...args: unknown[]) => (page.instance as unknown as Methods)[name](...args);

beforeEach(async () => {
  connectLocalCloud(CITIZEN);
  await seedCatalog();
  await seedCaseStaff();
});
afterEach(() => jest.restoreAllMocks());
afterAll(() => localCloud.close());

async function loaded(page: Page): Promise<Page> {
  await waitFor(page, (d) => d.loading === false);
  expect(page.data.error).toBe('');
  return page;
}

describe('我的留言', () => {
  test('pages on scroll, sending only the new rows; the end says so', async () => {
    await allowSubmissions(50);
    for (let i = 0; i < 25; i++) await submitCase(CITIZEN);
    await submitCase(OTHER);
    const page = await loaded(mountPage('pages/cases/index'));
    expect(page.data.items).toHaveLength(20);
    expect(page.data.hasMore).toBe(true);
    expect(allByTestId(page, 'case-card')).toHaveLength(20);
    expect(page.dom!.textContent).toContain('楼道灯不亮 25');

    const setData = jest.spyOn(page.instance, 'setData');
    await call(page, 'onReachBottom');
    await waitFor(page, (d) => (d.items as unknown[]).length === 25);
    const rows = setData.mock.calls.map((c) => c[0] as Record<string, unknown>).find((p) => 'items[20]' in p)!;
    expect(Object.keys(rows).filter((k) => k.startsWith('items'))).toEqual(['items[20]', 'items[21]', 'items[22]', 'items[23]', 'items[24]']);
    expect(setData.mock.calls.some((c) => 'items' in (c[0] as object))).toBe(false);
    expect(page.data.hasMore).toBe(false);
    expect(textOf(page, 'foot')).toBe('没有更多了');
    // Someone else's case never shows.
    expect((page.data.items as Array<{ title: string }>).every((i) => i.title.startsWith('楼道灯不亮'))).toBe(true);
    expect(page.data.items).toHaveLength(25);
  });

  test('tabs split the cases by where they stand; pull to refresh brings a new one in', async () => {
    const open = await submitCase(CITIZEN, { title: '还在办理的留言' });
    const answered = await submitCase(CITIZEN, { title: '已经答复的留言' });
    await acceptAndAssign(answered.id);
    await replyTo(answered.id);
    const page = await loaded(mountPage('pages/cases/index'));
    expect(page.data.items).toHaveLength(2);

    const tabs = page.dom!.querySelectorAll('.van-tabs--van-tab');
    expect(Array.from(tabs).map((t) => t.textContent!.trim())).toEqual(['全部', '办理中', '待评价', '已办结']);
    await tapElement(page, tabs[2]);
    await waitFor(page, (d) => d.tab === 'replied' && d.loading === false);
    expect((page.data.items as Array<{ title: string; statusLabel: string }>).map((i) => i.title)).toEqual(['已经答复的留言']);
    expect(page.dom!.textContent).toContain('已答复');

    await tapElement(page, tabs[1]);
    await waitFor(page, (d) => d.tab === 'open' && d.loading === false);
    expect((page.data.items as Array<{ id: string }>).map((i) => i.id)).toEqual([open.id]);

    await tapElement(page, tabs[3]);
    await waitFor(page, (d) => d.tab === 'done' && d.loading === false);
    expect(page.data.empty).toBe(true);
    expect(textOf(page, 'empty')).toContain('没有已办结的留言');

    await tapElement(page, tabs[0]);
    await waitFor(page, (d) => d.tab === 'all' && d.loading === false);
    await submitCase(CITIZEN, { title: '刚刚提交的留言' });
    const stop = jest.spyOn(wx, 'stopPullDownRefresh');
    await call(page, 'onPullDownRefresh');
    expect(stop).toHaveBeenCalled();
    expect((page.data.items as Array<{ title: string }>)[0].title).toBe('刚刚提交的留言');
    expect(page.data.items).toHaveLength(3);

    const navigate = jest.spyOn(wx, 'navigateTo');
    await tap(page, 'case-card', 0);
    expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: `/pages/case/index?id=${(page.data.items as Array<{ id: string }>)[0].id}` }));
  });
});

describe('case detail', () => {
  test('the citizen reads the timeline without internal notes or staff names, rates 不满意 and the case reopens', async () => {
    const created = await submitCase(CITIZEN, { contactName: '张阿姨', contactPhone: '13800138000' });
    await acceptAndAssign(created.id);
    let c = await ok(HANDLER, 'case.get', { id: created.id });
    await ok(HANDLER, 'case.note', { id: c.id, version: c.version, content: '内部：已联系物业王经理' });
    await replyTo(created.id, '已通知物业维修，预计本周内修好。');

    const page = await loaded(mountPage('pages/case/index', { id: created.id }));
    const text = page.dom!.textContent!;
    expect(text).toContain('已答复');
    expect(text).toContain('已通知物业维修，预计本周内修好。');
    expect(text).not.toContain('王经理');
    expect(text).not.toContain('内部');
    expect(text).toContain('张*');
    expect(text).not.toContain('13800138000');
    expect(allByTestId(page, 'internal-mark')).toHaveLength(0);
    const timeline = page.data.timeline as Array<{ title: string; actor: string; time: string }>;
    expect(timeline.length).toBeGreaterThanOrEqual(4);
    expect(timeline.every((e) => /^\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/.test(e.time))).toBe(true);
    expect(timeline.some((e) => e.actor.includes('住房和城乡建设局'))).toBe(true);
    expect(byTestId(page, 'withdraw')).toBeNull();

    // Submitting without choosing says what is missing.
    await tap(page, 'rate-submit');
    expect(page.data.ratingErrors).toEqual({ score: '请选择您对答复的评价', solved: '请选择问题是否已经解决' });

    await tap(page, 'score-2');
    await tap(page, 'solved-no');
    expect(textOf(page, 'rate-hint')).toContain('重新交办');
    await typeInto(page, 'comment-field', 'comment', '灯还是没修');
    await tap(page, 'rate-submit');
    await waitFor(page, (d) => (d.c as { status: string }).status === 'processing');
    expect(textOf(page, 'notice')).toContain('重新交办');
    expect(byTestId(page, 'rate')).toBeNull();
    c = await ok(CITIZEN, 'case.get', { id: created.id });
    expect(c).toMatchObject({ status: 'processing', reopenCount: 1, rating: { score: 2, solved: false, comment: '灯还是没修' } });

    // The second answer is rated 满意: closed.
    await replyTo(created.id, '物业已更换灯具，经回访确认已亮。');
    const again = await loaded(mountPage('pages/case/index', { id: created.id }));
    await tap(again, 'score-4');
    await tap(again, 'solved-yes');
    expect(byTestId(again, 'rate-hint')).toBeNull();
    await tap(again, 'rate-submit');
    await waitFor(again, (d) => (d.c as { status: string }).status === 'closed');
    expect(textOf(again, 'rating')).toContain('满意 · 已解决');
  });

  test('a question from the handler is answered on the page and the case goes back to the handler', async () => {
    const created = await submitCase(CITIZEN);
    await acceptAndAssign(created.id);
    const c = await ok(HANDLER, 'case.get', { id: created.id });
    await ok(HANDLER, 'case.askInfo', { id: c.id, version: c.version, question: '请告诉我们是几号楼几单元？' });

    const page = await loaded(mountPage('pages/case/index', { id: created.id }));
    expect(textOf(page, 'supplement')).toContain('请告诉我们是几号楼几单元？');
    expect(textOf(page, 'due-badge')).toMatch(/不计时|暂停/);
    await tap(page, 'supplement-submit');
    expect(page.data.supplementError).toBe('请填写补充内容');
    await typeInto(page, 'supplement-field', 'supplement', '是 5 号楼 3 单元。');
    await tap(page, 'supplement-submit');
    await waitFor(page, (d) => (d.c as { status: string }).status === 'processing');
    expect(byTestId(page, 'supplement')).toBeNull();
    expect(page.dom!.textContent).toContain('是 5 号楼 3 单元。');
  });

  test('withdrawing with a version someone else moved on reloads the case and says so; then it goes through', async () => {
    const created = await submitCase(CITIZEN);
    const page = await loaded(mountPage('pages/case/index', { id: created.id }));
    expect(textOf(page, 'due-badge')).toContain('受理期限');
    expect(textOf(page, 'due-badge')).toMatch(/还剩|已超期/);

    // Meanwhile the dispatcher accepts it.
    const fresh = await ok(DISPATCHER, 'case.get', { id: created.id });
    await ok(DISPATCHER, 'case.accept', { id: created.id, version: fresh.version });
    const modal = jest.spyOn(wx, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok', content: '' } as never);
    const toast = jest.spyOn(wx, 'showToast');
    await tap(page, 'withdraw');
    await waitFor(page, (d) => (d.c as { status: string }).status === 'accepted');
    expect(modal).toHaveBeenCalled();
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: expect.stringContaining('已为您刷新') }));
    expect((await ok(CITIZEN, 'case.get', { id: created.id })).status).toBe('accepted');

    await tap(page, 'withdraw');
    await waitFor(page, (d) => (d.c as { status: string }).status === 'withdrawn');
    expect(page.dom!.textContent).toContain('已撤回');
    expect(byTestId(page, 'withdraw')).toBeNull();
  });

  test('another citizen cannot open the case', async () => {
    const created = await submitCase(OTHER);
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const page = mountPage('pages/case/index', { id: created.id });
    await waitFor(page, (d) => d.loading === false);
    spy.mockRestore();
    expect(page.data.error).toMatch(/[\u4e00-\u9fa5]/);
    expect(page.dom!.textContent).not.toContain(created.trackingNo);
  });
});

describe('dead ends', () => {
  /** The page once its read failed, console noise from the failed call silenced. */
  async function failed(route: string, query: Record<string, string>): Promise<Page> {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const page = mountPage(route, query);
    await waitFor(page, (d) => d.loading === false);
    spy.mockRestore();
    return page;
  }

  test('a case that does not exist says so and leads to 我的留言 and 首页, without a reload that cannot succeed', async () => {
    const page = await failed('pages/case/index', { id: 'case-that-does-not-exist' });
    expect(page.data.missing).toBe(true);
    expect(textOf(page, 'dead-end-text')).toBe('没有找到这条留言，可能编号有误或已被撤回');
    expect(page.dom!.textContent).not.toContain('重新加载');

    const redirect = jest.spyOn(wx, 'redirectTo').mockImplementation((() => Promise.resolve()) as never);
    const switchTab = jest.spyOn(wx, 'switchTab').mockImplementation((() => Promise.resolve()) as never);
    await tap(page, 'dead-end-back');
    expect(redirect).toHaveBeenCalledWith({ url: '/pages/cases/index' });
    await tap(page, 'dead-end-home');
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });

  test("another citizen's case is the same dead end as a missing one", async () => {
    const created = await submitCase(OTHER);
    const page = await failed('pages/case/index', { id: created.id });
    expect(textOf(page, 'dead-end-text')).toBe('没有找到这条留言，可能编号有误或已被撤回');
    expect(page.dom!.textContent).not.toContain(created.trackingNo);
  });

  test('a lost connection keeps the reload button, and reloading shows the case', async () => {
    const created = await submitCase(CITIZEN, { title: '断网后重新加载的留言' });
    const real = wx.cloud.callFunction;
    const fail = jest.spyOn(wx.cloud, 'callFunction').mockImplementation((() => Promise.reject(new Error('timeout'))) as never);
    const page = await failed('pages/case/index', { id: created.id });
    expect(page.data.missing).toBe(false);
    expect(byTestId(page, 'dead-end')).toBeNull();
    expect(textOf(page, 'retry')).toBe('重新加载');

    fail.mockImplementation(real as never);
    await tap(page, 'retry');
    await waitFor(page, (d) => d.loading === false && d.error === '');
    expect(page.dom!.textContent).toContain('断网后重新加载的留言');
  });

  test('a public letter that does not exist leads to 公开信件', async () => {
    const page = await failed('pages/letter/index', { id: 'letter-that-does-not-exist' });
    expect(textOf(page, 'dead-end-text')).toBe('没有找到这封信件，可能链接有误或已不再公开');
    const redirect = jest.spyOn(wx, 'redirectTo').mockImplementation((() => Promise.resolve()) as never);
    await tap(page, 'dead-end-back');
    expect(redirect).toHaveBeenCalledWith({ url: '/pages/letters/index' });
  });
});

describe('public letters', () => {
  test('published answers list with the keyword highlighted, filter by category, and open without personal details', async () => {
    const letter = await submitCase(OTHER, { title: '小区电梯经常停运', contactName: '李先生', contactPhone: '13900139000', categoryId: 'cat-property' });
    await acceptAndAssign(letter.id);
    await replyTo(letter.id, '已督促物业公司对电梯进行全面检修。');
    let c = await ok(DISPATCHER, 'case.get', { id: letter.id });
    await ok(DISPATCHER, 'case.setPublishable', { id: letter.id, version: c.version, publishable: true });
    const bus = await submitCase(OTHER, { type: 'inquiry', title: '公交 12 路何时恢复', categoryId: 'cat-bus' });
    await seedStaff('o_cases_bus_handler', ['handler'], 'dept-transport');
    c = await acceptAndAssign(bus.id, 'dept-transport');
    c = await ok('o_cases_bus_handler', 'case.reply', { id: bus.id, version: c.version, content: '下月起恢复。' });
    await ok(DISPATCHER, 'case.setPublishable', { id: bus.id, version: c.version, publishable: true });

    const page = await loaded(mountPage('pages/letters/index'));
    expect(allByTestId(page, 'letter')).toHaveLength(2);
    await waitFor(page, (d) => (d.categories as unknown[]).length === 4);

    await typeIntoSearch(page, 'search', '电梯');
    await tap(page, 'search-button');
    await waitFor(page, (d) => d.loading === false && d.searched === '电梯');
    expect(allByTestId(page, 'letter')).toHaveLength(1);
    const hits = byTestId(page, 'letter')!.querySelectorAll('[class*="hit"]');
    expect(Array.from(hits).map((h) => h.textContent)).toEqual(['电梯']);

    await typeIntoSearch(page, 'search', '');
    await tap(page, 'search-button');
    await waitFor(page, (d) => d.loading === false && d.searched === '');
    await tap(page, 'chip-cat-bus');
    await waitFor(page, (d) => d.loading === false && d.categoryId === 'cat-bus');
    expect((page.data.items as Array<{ title: string }>).map((i) => i.title)).toEqual(['公交 12 路何时恢复']);

    const detail = await loaded(mountPage('pages/letter/index', { id: letter.id }));
    const text = detail.dom!.textContent!;
    expect(text).toContain('已督促物业公司对电梯进行全面检修。');
    expect(text).not.toContain('李');
    expect(text).not.toContain('13900139000');
    expect(text).not.toContain(letter.trackingNo);
  });
});

describe('entries', () => {
  test('我的 offers cases and letters to everyone, binding to citizens, the workbench to staff and administration to admins', async () => {
    const citizen = await loaded(mountPage('pages/mine/index'));
    expect(byTestId(citizen, 'entry-cases')).not.toBeNull();
    expect(byTestId(citizen, 'entry-letters')).not.toBeNull();
    expect(byTestId(citizen, 'entry-bind')).not.toBeNull();
    expect(byTestId(citizen, 'entry-workbench')).toBeNull();
    const navigate = jest.spyOn(wx, 'navigateTo');
    await tap(citizen, 'entry-bind');
    expect(navigate).toHaveBeenLastCalledWith(expect.objectContaining({ url: '/pages/bind/index' }));

    useIdentity(HANDLER);
    const staff = await loaded(mountPage('pages/mine/index'));
    expect(byTestId(staff, 'entry-workbench')).not.toBeNull();
    expect(byTestId(staff, 'entry-admin')).toBeNull();
    expect(byTestId(staff, 'entry-bind')).toBeNull();
    await tap(staff, 'entry-workbench');
    expect(navigate).toHaveBeenLastCalledWith(expect.objectContaining({ url: '/staff/queue/index' }));

    await seedStaff('o_cases_admin', ['admin']);
    useIdentity('o_cases_admin');
    const admin = await loaded(mountPage('pages/mine/index'));
    await tap(admin, 'entry-admin');
    expect(navigate).toHaveBeenLastCalledWith(expect.objectContaining({ url: '/staff/admin/index' }));
  });

  test('home: tapping a type opens the form with that type', async () => {
    const page = await loaded(mountPage('pages/index/index'));
    const navigate = jest.spyOn(wx, 'navigateTo');
    await tap(page, 'write-help');
    expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/submit/index?type=help' }));
    await tap(page, 'link-cases');
    expect(navigate).toHaveBeenLastCalledWith(expect.objectContaining({ url: '/pages/cases/index' }));
    await simulate.sleep(0);
  });
});
