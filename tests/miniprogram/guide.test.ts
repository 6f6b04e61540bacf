// The service guide's pages against the real `api` function on an in-memory strict local cloud: the guide list (topics,
// search with marked hits), the item page (materials ticked off and remembered, offices on the map and the phone,
// 就此事项咨询), the home page's hot questions, the submit page linked to the item, and the editor's pages.
import { localCloud } from '../../tools/local-cloud';
import { database, ok, seedCatalog, seedStaff } from '../helpers/cloud';
import { guideInput } from '../helpers/guide';
import { connectLocalCloud, mountPage, useIdentity, usePhoneStorage, waitFor } from '../helpers/mp';
import { confirmText, EDITOR as POLICY_EDITOR, publishPolicy, typeText } from '../helpers/policies';
import { allByTestId, tap, tapElement, textOf } from '../helpers/ui';
import type { RequestOf } from '../../typings/api';

jest.setTimeout(30_000);

const CITIZEN = 'o_guide_page_citizen';
const EDITOR = 'o_guide_page_editor';

beforeEach(async () => {
  connectLocalCloud(CITIZEN);
  await seedCatalog();
  await seedStaff(EDITOR, ['editor']);
});
afterEach(() => jest.restoreAllMocks());
afterAll(() => localCloud.close());

async function publishItem(over: Partial<RequestOf<'guide.save'>> = {}) {
  const g = await ok(EDITOR, 'guide.save', guideInput(over));
  return ok(EDITOR, 'guide.publish', { id: g.id, version: g.version });
}

test('the guide list offers the topics from meta.get and finds items by what citizens call them', async () => {
  const renewal = await publishItem();
  await publishItem({ name: '住房公积金提取', categoryId: 'housing', keywords: ['取公积金'], conditions: [] });
  const page = mountPage('pages/guide/index');
  await waitFor(page, (d) => d.loading === false);
  expect(page.data.error).toBe('');
  expect((page.data.tabs as Array<{ name: string }>).map((t) => t.name)).toEqual(['全部', '户籍证件', '社会保障', '住房公积金', '交通出行', '婚育家庭', '社会救助', '企业开办', '医疗卫生']);
  expect(allByTestId(page, 'guide-card')).toHaveLength(2);
  await typeText(page, '换证', 'search');
  await confirmText(page, '换证', 'search');
  await waitFor(page, (d) => d.loading === false && d.searched === '换证');
  expect((page.data.items as Array<{ id: string }>).map((i) => i.id)).toEqual([renewal.id]);
  expect(textOf(page, 'guide-list')).toContain('户籍证件 · 市公安局 · 承诺 20 个工作日（法定 60 个工作日）');
});

test('the item page: materials ticked off and remembered on the phone, offices on the map and the phone, 就此事项咨询', async () => {
  const store = usePhoneStorage();
  const item = await publishItem({ caseCategoryId: 'cat-property' });
  const page = mountPage('pages/guide-item/index', { id: item.id });
  await waitFor(page, (d) => d.loading === false);
  expect(page.data.error).toBe('');
  expect(textOf(page, 'progress')).toBe('必需材料已备齐 0/2 项');
  await tap(page, 'material', 0);
  await waitFor(page, (d) => (d.progress as { text: string }).text === '必需材料已备齐 1/2 项');
  expect(store.get(`guide-checklist:${item.id}`)).toEqual(['居民户口簿']);

  // Opened again, the ticks are still there.
  const again = mountPage('pages/guide-item/index', { id: item.id });
  await waitFor(again, (d) => d.loading === false);
  expect((again.data.materials as Array<{ checked: boolean }>).map((m) => m.checked)).toEqual([true, false]);

  const openLocation = jest.spyOn(wx, 'openLocation').mockImplementation((() => Promise.resolve({ errMsg: 'openLocation:ok' })) as never);
  const makePhoneCall = jest.spyOn(wx, 'makePhoneCall').mockImplementation((() => Promise.resolve({ errMsg: 'makePhoneCall:ok' })) as never);
  await tap(again, 'office-map');
  await tap(again, 'office-call');
  expect(openLocation).toHaveBeenCalledWith(expect.objectContaining({ latitude: 30.2601, longitude: 120.2003, name: '城东派出所户籍窗口' }));
  expect(makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '0571-87003011' });

  const navigateTo = jest.spyOn(wx, 'navigateTo').mockImplementation((() => Promise.resolve({ errMsg: 'navigateTo:ok' })) as never);
  await tap(again, 'ask');
  const url = (navigateTo.mock.calls[0]![0] as { url: string }).url;
  expect(url).toContain(`guideItemId=${item.id}`);

  // The submit page opened by that link: an inquiry about the item, under its category, linked to it.
  const query = Object.fromEntries(new URLSearchParams(url.split('?')[1]!));
  const submit = mountPage('pages/submit/index', query);
  await waitFor(submit, (d) => d.loading === false);
  expect(submit.data.form).toMatchObject({ type: 'inquiry', categoryId: 'cat-property', title: '咨询：居民身份证换领' });
  expect(textOf(submit, 'guide-linked')).toContain('关联您正在查看的办事事项');
});

test('a withdrawn item is a dead end, not a reload button', async () => {
  const item = await publishItem();
  await ok(EDITOR, 'guide.withdraw', { id: item.id, version: item.version, reason: '已合并' });
  const page = mountPage('pages/guide-item/index', { id: item.id });
  await waitFor(page, (d) => d.loading === false);
  expect(page.data.missing).toBe(true);
});

test('home shows the pinned hot questions from its one call, and links to the guide', async () => {
  // A public letter as the case's publication writes it (only what the home page reads of it).
  await database().collection('letters').doc('letter-1').set({ data: { title: '物业费可以按月交吗？', visible: true, listKey: 'x', searchTokens: [] } });
  await ok(EDITOR, 'guide.pinQuestion', { letterId: 'letter-1', order: 10 });
  const page = mountPage('pages/index/index');
  await waitFor(page, (d) => d.loading === false && (d.hotQuestions as unknown[]).length > 0);
  expect(allByTestId(page, 'hot-question')).toHaveLength(1);
  expect(textOf(page, 'hot-questions')).toContain('物业费可以按月交吗？');
  expect(textOf(page, 'guide-links')).toContain('办事指南');
});

test('the editor: a new item saved and published; a stale save says to reopen', async () => {
  useIdentity(EDITOR);
  const page = mountPage('staff/guide-edit/index');
  await waitFor(page, (d) => d.loading === false);
  await tap(page, 'publish');
  await waitFor(page, (d) => Boolean(d.formError));
  expect(page.data.formError).toContain('请先修改标红的内容');

  const form = {
    name: '生育登记',
    categoryId: 'family',
    authority: '市卫生健康委员会',
    applicants: '生育子女的夫妻',
    promisedDays: '0',
    basis: '《中华人民共和国人口与计划生育法》第十八条',
    materials: '夫妻双方居民身份证 | 原件 | 1 | 必需',
    offices: '卫健委窗口 | 市民中心 D 座 2 楼 | 周一至周五 9:00-17:00 | 0571-87004000 | 30.2466,120.2104',
  };
  page.setData(Object.fromEntries(Object.entries(form).map(([k, v]) => [`form.${k}`, v])));
  await tap(page, 'publish');
  await waitFor(page, (d) => d.status === 'published', 5000);
  const list = await ok(CITIZEN, 'guide.list', { keyword: '生育' });
  expect(list.items.map((i) => i.name)).toEqual(['生育登记']);

  // Someone else publishes a change meanwhile: this page's version is stale.
  const id = list.items[0]!.id;
  const current = await ok(EDITOR, 'guide.get', { id });
  await ok(EDITOR, 'guide.save', { ...guideInput({ name: '生育登记', categoryId: 'family' }), id, version: current.version });
  await tap(page, 'save');
  await waitFor(page, (d) => String(d.formError).includes('重新打开'));
  expect(page.data.formError).toContain('内容已被他人更新');
});

test('the editor pins a public letter as a hot question from the second tab', async () => {
  useIdentity(EDITOR);
  const page = mountPage('staff/guide/index');
  await waitFor(page, (d) => d.loading === false);
  await tapElement(page, allByTestId(page, 'tab-hot')[0]!);
  await waitFor(page, (d) => d.tab === 'hot' && d.hotLoading === false);
  expect(textOf(page, 'hot-list')).toContain('还没有设置常见问题');
});

test('the editor links a related policy found by searching the library, and removes it again', async () => {
  await seedStaff(POLICY_EDITOR, ['editor']);
  const policy = await publishPolicy({ title: '住房公积金提取管理办法' });
  const item = await publishItem();
  useIdentity(EDITOR);
  const page = mountPage('staff/guide-edit/index', { id: item.id });
  await waitFor(page, (d) => d.loading === false);
  await typeText(page, '公积金', 'policy-search');
  await confirmText(page, '公积金', 'policy-search');
  await waitFor(page, (d) => (d.policyHits as unknown[]).length === 1);
  await tap(page, 'add-policy');
  await waitFor(page, (d) => (d.related as unknown[]).length === 1);
  await tap(page, 'save');
  await waitFor(page, (d) => d.hasDraftChanges === true, 5000);
  expect((await ok(EDITOR, 'guide.get', { id: item.id })).relatedPolicyIds).toEqual([policy.id]);
  expect(textOf(page, 'related-policy')).toContain('住房公积金提取管理办法');
  await tap(page, 'remove-policy');
  await waitFor(page, (d) => (d.related as unknown[]).length === 0);
  expect((page.data.form as { relatedPolicyIds: string }).relatedPolicyIds).toBe('');
});
