// 我要留言 against the real `api` function on an in-memory local cloud: validation before sending, images to cloud
// storage, the privacy prompt, the subscribe request from the tap, one case per form however often it is sent.
import simulate from 'miniprogram-simulate';
import { localCloud } from '../../tools/local-cloud';
import { configureCaseStatusTemplate } from '../helpers/cases';
import { callAs, ok, seedCatalog, seedStaff } from '../helpers/cloud';
import { connectLocalCloud, openPage, usePhoneStorage, waitFor, type mountPage } from '../helpers/mp';
import { pick, press, tap, textOf, typeInto } from '../helpers/ui';

const CITIZEN = 'o_submit_citizen';
const PAGE = 'pages/submit/index';

type Page = ReturnType<typeof mountPage>;

// The first test compiles the WXML with wcc, which takes longer than jest's 5 s on a busy machine.
jest.setTimeout(30_000);

beforeEach(async () => {
  connectLocalCloud(CITIZEN);
  await seedCatalog();
});
afterEach(() => jest.restoreAllMocks());
afterAll(() => localCloud.close());

const open = (query: Record<string, string> = {}): Promise<Page> => openPage(PAGE, query);

async function fill(page: Page, phone = '') {
  await tap(page, 'type-complaint');
  // 噪声污染 is the second category that takes complaints (物业管理, 噪声污染).
  await pick(page, 'category-picker', 1);
  await typeInto(page, 'title-field', 'title', '夜间施工噪声扰民');
  await typeInto(page, 'content-field', 'content', '小区东侧工地每晚十一点后仍在施工，噪声很大，影响休息。');
  if (phone) await typeInto(page, 'phone-field', 'contactPhone', phone);
}

async function mine() {
  return (await ok(CITIZEN, 'case.listMine', { tab: 'all' })).items;
}

test('the form offers the types and only the categories that take the chosen type', async () => {
  const page = await open();
  const text = page.dom!.textContent!;
  expect(text).toContain('投诉');
  expect(text).toContain('13 个工作日内答复');
  expect(page.data.categoryNames).toEqual(['物业管理', '公交线路', '噪声污染']);
  await tap(page, 'type-complaint');
  expect(page.data.form.type).toBe('complaint');
  expect(page.data.categoryNames).toEqual(['物业管理', '噪声污染']);
  expect(textOf(page, 'content-counter')).toBe('0/2000');
  await typeInto(page, 'title-field', 'title', '噪声');
  expect(textOf(page, 'title-counter')).toBe('2/50');
});

test('a link from home or a policy opens the form with its type, category and title', async () => {
  // WeChat hands the query over still percent-encoded.
  const page = await open({ type: 'inquiry', categoryId: 'cat-bus', title: encodeURIComponent('关于公交线路调整的咨询') });
  expect(page.data.form).toMatchObject({ type: 'inquiry', categoryId: 'cat-bus', title: '关于公交线路调整的咨询' });
  expect(page.data.categoryIndex).toBe(1);
});

test('nothing is sent until every field is right; each error shows next to its field, in Chinese', async () => {
  const page = await open();
  const calls = jest.spyOn(wx.cloud, 'callFunction');
  await press(page, 'submit-button');
  expect(textOf(page, 'error-type')).toBe('请选择留言类型');
  expect(textOf(page, 'error-categoryId')).toBe('请选择问题类别');
  expect(page.dom!.textContent).toContain('请填写标题');
  expect(page.dom!.textContent).toContain('请填写留言内容');
  expect(textOf(page, 'form-error')).toContain('请看红字提示');

  await fill(page, '1234');
  await press(page, 'submit-button');
  expect(page.data.errors).toEqual({ contactPhone: '请填写正确的电话：11 位手机号，或带区号的固定电话' });
  expect(page.dom!.textContent).toContain('11 位手机号');
  expect(calls).not.toHaveBeenCalled();
  expect(await mine()).toHaveLength(0);
});

test('a valid form becomes one case with a tracking number, a promised date and the accepted subscription', async () => {
  const template = await configureCaseStatusTemplate();
  const page = await open();
  const subscribe = jest
    .spyOn(wx, 'requestSubscribeMessage')
    .mockImplementation(((opts: { tmplIds: string[] }) =>
      Promise.resolve({ errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(opts.tmplIds.map((id) => [id, 'accept'])) })) as never);
  await fill(page, '138 0013 8000');
  await press(page, 'submit-button');
  await waitFor(page, (d) => d.result !== null);

  expect(subscribe).toHaveBeenCalledWith({ tmplIds: [template] });
  expect(textOf(page, 'tracking-no')).toMatch(/^MS\d{8}-\d{4}$/);
  expect(textOf(page, 'promise')).not.toBe('');
  const [item] = await mine();
  expect(item).toMatchObject({ title: '夜间施工噪声扰民', status: 'submitted', trackingNo: textOf(page, 'tracking-no') });
  const c = await ok(CITIZEN, 'case.get', { id: item.id });
  expect(c).toMatchObject({ type: 'complaint', categoryId: 'cat-noise', contactPhone: expect.stringContaining('****') });

  // The accepted template went with the submit: the next status change reaches the citizen.
  await seedStaff('o_submit_dispatcher', ['dispatcher']);
  localCloud.openapi.clear();
  await ok('o_submit_dispatcher', 'case.accept', { id: c.id, version: c.version });
  const sent = localCloud.openapi.calls.filter((x) => x.api === 'subscribeMessage.send');
  expect(sent).toEqual([expect.objectContaining({ args: expect.objectContaining({ touser: CITIZEN, templateId: template }) })]);

  const navigate = jest.spyOn(wx, 'redirectTo');
  await tap(page, 'open-case');
  expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: `/pages/case/index?id=${item.id}` }));
});

test('a double tap sends once, and a retry after a lost answer gets the same case back', async () => {
  const page = await open();
  await fill(page);
  const real = wx.cloud.callFunction.bind(wx.cloud);
  let dropped = 0;
  // The first submit reaches the server, but its answer is lost on the way back (a weak network).
  jest.spyOn(wx.cloud, 'callFunction').mockImplementation((async (opts: { data: { action: string } }) => {
    const res = await (real as (o: unknown) => Promise<unknown>)(opts);
    if (opts.data.action === 'case.submit' && dropped++ === 0) throw new Error('timeout');
    return res;
  }) as never);

  // Two taps in the same instant: the second finds the form already sending.
  const button = page.querySelector('#submit-button')!.querySelector('.van-button')!;
  button.dispatchEvent('tap');
  button.dispatchEvent('tap');
  await waitFor(page, (d) => d.submitting === false && d.formError !== '');
  expect(textOf(page, 'form-error')).toContain('网络');
  expect(dropped).toBe(1);

  await press(page, 'submit-button');
  await waitFor(page, (d) => d.result !== null);
  const items = await mine();
  expect(items).toHaveLength(1);
  expect(textOf(page, 'tracking-no')).toBe(items[0].trackingNo);
});

test('images go to cloud storage under the citizen, after the privacy agreement, and are attached to the case', async () => {
  let needAgreement: ((resolve: (r: unknown) => void) => void) | null = null;
  (wx as unknown as { onNeedPrivacyAuthorization: unknown }).onNeedPrivacyAuthorization = (fn: typeof needAgreement) => {
    needAgreement = fn;
  };
  const page = await open();
  expect(needAgreement).not.toBeNull();

  // WeChat asks before the first privacy API: the page shows the agreement; agreeing answers with the button id.
  const answer = jest.fn();
  needAgreement!(answer);
  await waitFor(page, () => (page.dom!.textContent ?? '').includes('隐私保护提示'));
  expect(page.data.privacyShow).toBe(true);
  page.querySelector('#privacy-popup')!.querySelector('#agree-privacy')!.querySelector('.van-button')!.dispatchEvent('agreeprivacyauthorization');
  await simulate.sleep(10);
  expect(answer).toHaveBeenCalledWith({ event: 'agree', buttonId: 'agree-privacy' });
  expect(page.data.privacyShow).toBe(false);

  const uploads = jest.spyOn(wx.cloud, 'uploadFile');
  const choose = jest.spyOn(wx, 'chooseMedia').mockImplementation(((opts: { count: number; success: (r: unknown) => void }) => {
    opts.success({
      type: 'image',
      tempFiles: [
        { tempFilePath: 'http://tmp/a.png', size: 10, fileType: 'image' },
        { tempFilePath: 'http://tmp/b.jpg', size: 10, fileType: 'image' },
      ],
    });
  }) as never);
  await tap(page, 'add-image');
  expect(choose).toHaveBeenCalledWith(expect.objectContaining({ count: 6, mediaType: ['image'] }));
  await waitFor(page, (d) => Array.isArray(d.images) && d.images.length === 2 && d.images.every((i: { status: string }) => i.status === 'done'));
  expect(uploads.mock.calls.map((c) => c[0].cloudPath)).toEqual([
    expect.stringMatching(new RegExp(`^cases/${CITIZEN}/[a-z0-9]+\\.png$`)),
    expect.stringMatching(new RegExp(`^cases/${CITIZEN}/[a-z0-9]+\\.jpg$`)),
  ]);
  await tap(page, 'delete-image', 0);
  expect(page.data.images).toHaveLength(1);
  const kept = page.data.images[0].fileID as string;
  expect(kept).toMatch(/\.jpg$/);

  await fill(page);
  await press(page, 'submit-button');
  await waitFor(page, (d) => d.result !== null);
  const [item] = await mine();
  const c = await ok(CITIZEN, 'case.get', { id: item.id });
  expect(c.images.map((i) => i.fileID)).toEqual([kept]);
});

test('content the check refuses comes back as a message next to the field, and nothing is stored', async () => {
  localCloud.openapi.setMsgSecWords({ risky: ['违禁词'] });
  const page = await open();
  await fill(page);
  await typeInto(page, 'content-field', 'content', '这里有一个违禁词，请处理一下这个问题。');
  await press(page, 'submit-button');
  await waitFor(page, (d) => d.submitting === false && d.formError !== '');
  const shown = `${JSON.stringify(page.data.errors)} ${page.data.formError}`;
  expect(shown).toMatch(/[\u4e00-\u9fa5]/);
  expect(page.data.result).toBeNull();
  expect(await mine()).toHaveLength(0);
  const direct = await callAs(CITIZEN, 'case.submit', {
    type: 'complaint',
    categoryId: 'cat-noise',
    title: '测试',
    content: '这里有一个违禁词',
    publishConsent: false,
    clientRequestId: 'direct-check-0001',
  });
  expect(direct.ok).toBe(false);
});

test('a half-written complaint is kept on the phone, asked about on 返回, restored on return and cleared on submit', async () => {
  const store = usePhoneStorage();
  const enable = jest.spyOn(wx, 'enableAlertBeforeUnload');
  const disable = jest.spyOn(wx, 'disableAlertBeforeUnload');
  const first = await open({ type: 'complaint' });
  expect(enable).not.toHaveBeenCalled();
  await pick(first, 'category-picker', 1);
  await typeInto(first, 'title-field', 'title', '夜间施工噪声扰民');
  expect(enable).toHaveBeenCalledTimes(1);
  expect(String(enable.mock.calls[0]![0].message)).toContain('确定离开吗');
  await typeInto(first, 'content-field', 'content', '小区东侧工地每晚十一点后仍在施工。');
  expect([...store.keys()]).toEqual(['form-draft:submit:complaint']);

  // Another type's entry does not get the complaint; the complaint's entry, and the tab without a type, do.
  const inquiry = await open({ type: 'inquiry' });
  expect(inquiry.data.draftRestored).toBe(false);
  expect(inquiry.data.form.title).toBe('');
  const again = await open();
  expect(again.data.draftRestored).toBe(true);
  expect(again.data.form).toMatchObject({ type: 'complaint', categoryId: 'cat-noise', title: '夜间施工噪声扰民', content: '小区东侧工地每晚十一点后仍在施工。' });
  expect(textOf(again, 'draft-restored')).toContain('已恢复');

  await configureCaseStatusTemplate();
  jest.spyOn(wx, 'requestSubscribeMessage').mockImplementation(((o: { success?: (r: unknown) => void }) => o.success?.({ errMsg: 'requestSubscribeMessage:ok' })) as typeof wx.requestSubscribeMessage);
  await press(again, 'submit-button');
  await waitFor(again, (d) => Boolean(d.result));
  expect(store.size).toBe(0);
  expect(disable).toHaveBeenCalled();
  const fresh = await open({ type: 'complaint' });
  expect(fresh.data.draftRestored).toBe(false);
  expect(fresh.data.form.title).toBe('');
});

test('清空重写 drops the restored draft', async () => {
  const store = usePhoneStorage();
  const first = await open({ type: 'suggestion' });
  await typeInto(first, 'title-field', 'title', '建议增设公交站');
  const again = await open({ type: 'suggestion' });
  expect(again.data.form.title).toBe('建议增设公交站');
  await press(again, 'discard-draft');
  expect(again.data.form.title).toBe('');
  expect(again.data.draftRestored).toBe(false);
  expect(store.size).toBe(0);
});

test('the title suggests a category from the agency\'s keywords; 其他/不确定 is offered for every type', async () => {
  const admin = 'o_submit_admin';
  await seedStaff(admin, ['admin']);
  await ok(admin, 'admin.categories.save', { id: 'cat-noise', name: '噪声污染', departmentId: 'dept-env', types: ['complaint', 'help'], keywords: ['噪声', '施工'] });
  await ok(admin, 'admin.categories.save', { name: '其他/不确定', departmentId: null, types: ['inquiry', 'help', 'complaint', 'suggestion'], order: 99 });
  const page = await open({ type: 'complaint' });
  expect(page.data.categoryNames).toEqual(['物业管理', '噪声污染', '其他/不确定']);
  await typeInto(page, 'title-field', 'title', '工地夜间施工');
  expect(page.data.suggestion).toMatchObject({ id: 'cat-noise', name: '噪声污染' });
  expect(textOf(page, 'category-suggestion')).toContain('可能属于“噪声污染”');
  await press(page, 'use-suggestion');
  expect(page.data.form.categoryId).toBe('cat-noise');
  expect(page.data.categoryIndex).toBe(1);
  expect(page.data.suggestion).toBeNull();
  // A type the suggested category does not take: no suggestion.
  await tap(page, 'type-inquiry');
  expect(page.data.suggestion).toBeNull();
});

test('the receipt: the number is copied with one tap, and the card shares the case', async () => {
  await configureCaseStatusTemplate();
  jest.spyOn(wx, 'requestSubscribeMessage').mockImplementation(((o: { success?: (r: unknown) => void }) => o.success?.({ errMsg: 'requestSubscribeMessage:ok' })) as typeof wx.requestSubscribeMessage);
  const copy = jest.spyOn(wx, 'setClipboardData');
  const page = await open();
  await fill(page);
  await press(page, 'submit-button');
  await waitFor(page, (d) => Boolean(d.result));
  const { id, trackingNo } = page.data.result as { id: string; trackingNo: string };
  await press(page, 'copy-no');
  expect(copy).toHaveBeenCalledWith(expect.objectContaining({ data: trackingNo }));
  const share = (page.instance as unknown as { onShareAppMessage(): { title: string; path: string } }).onShareAppMessage();
  expect(share).toEqual({ title: expect.stringContaining(trackingNo), path: `/pages/case/index?id=${id}` });
  expect(share.title).toContain('前答复');
  expect(share.title).not.toContain('受理后');
});
