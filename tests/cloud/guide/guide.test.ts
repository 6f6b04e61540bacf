// The service guide (办事指南) through the real function on the local cloud (strict about indexes): editors write items
// with versions and change notes, citizens read only what is published, search it, and ask about an item; editors pin
// answered public letters as the home page's hot questions. Every change leaves an audit event.
import type { RequestOf } from '../../../typings/api';
import { callAs, ok, seedStaff } from '../../helpers/cloud';
import { guideInput } from '../../helpers/guide';
import { CITIZEN, DISPATCHER, HANDLER, count, docById, repliedCase, setUpAgency, submission } from '../cases/helpers';
import { eventsOf, policyInput } from '../policies/helpers';

const EDITOR = 'o_guide_editor';

beforeEach(async () => {
  await setUpAgency();
  await seedStaff(EDITOR, ['editor']);
});

async function errorOf(openid: string | null, action: Parameters<typeof callAs>[1], payload: unknown) {
  const res = await callAs(openid, action, payload as never);
  if (res.ok) throw new Error(`${action} unexpectedly succeeded`);
  return res.error;
}

const create = (over: Partial<RequestOf<'guide.save'>> = {}) => ok(EDITOR, 'guide.save', guideInput(over));
async function published(over: Partial<RequestOf<'guide.save'>> = {}) {
  const g = await create(over);
  return ok(EDITOR, 'guide.publish', { id: g.id, version: g.version });
}

describe('guide.save, guide.publish, guide.get', () => {
  test('an editor creates a draft citizens cannot see; publishing makes version 1, each with its event', async () => {
    const g = await create();
    expect(g).toMatchObject({ status: 'draft', statusLabel: '未发布', version: 1, categoryName: '户籍证件', timeLimitText: '承诺 20 个工作日（法定 60 个工作日）', visitsText: '最多跑一次', versions: [] });
    expect((await errorOf(CITIZEN, 'guide.get', { id: g.id })).code).toBe('NOT_FOUND');
    expect((await ok(CITIZEN, 'guide.list', {})).items).toEqual([]);
    const p = await ok(EDITOR, 'guide.publish', { id: g.id, version: g.version });
    expect(p).toMatchObject({ status: 'published', version: 2, versions: [{ version: 1 }] });
    const read = await ok(CITIZEN, 'guide.get', { id: g.id });
    expect(read.materials.map((m) => m.name)).toEqual(['居民户口簿', '近期免冠彩色照片']);
    expect(read.offices[0]).toMatchObject({ phone: '0571-87003011', latitude: 30.2601, longitude: 120.2003 });
    expect(read.hasDraftChanges).toBeUndefined();
    expect((await eventsOf(g.id)).map((e) => [e.kind, e.actor.role])).toEqual([
      ['created', 'editor'],
      ['published', 'editor'],
    ]);
    expect(await docById('guide_versions', `${g.id}_v1`)).toMatchObject({ itemId: g.id, version: 1, content: { name: '居民身份证换领' } });
  });

  test('an edit of a published item waits for the next publication; citizens read the published words meanwhile', async () => {
    const p = await published();
    const edited = await ok(EDITOR, 'guide.save', { ...guideInput({ fee: '工本费 20 元；低保对象免收' }), id: p.id, version: p.version, note: '低保对象免收工本费' });
    expect(edited).toMatchObject({ fee: '工本费 20 元；低保对象免收', hasDraftChanges: true, pendingNote: '低保对象免收工本费' });
    expect((await ok(CITIZEN, 'guide.get', { id: p.id })).fee).toBe('工本费 20 元');
    const v2 = await ok(EDITOR, 'guide.publish', { id: p.id, version: edited.version });
    expect(v2.versions).toEqual([
      { version: 2, publishedAt: expect.any(String), note: '低保对象免收工本费' },
      { version: 1, publishedAt: expect.any(String) },
    ]);
    expect((await ok(CITIZEN, 'guide.get', { id: p.id })).fee).toBe('工本费 20 元；低保对象免收');
    // Publishing again with nothing pending is a retry: the same answer, no new version, no new event.
    const events = (await eventsOf(p.id)).length;
    expect((await ok(EDITOR, 'guide.publish', { id: p.id, version: edited.version })).versions).toHaveLength(2);
    expect(await eventsOf(p.id)).toHaveLength(events);
  });

  test('a stale version is a CONFLICT and changes nothing', async () => {
    const g = await create();
    await ok(EDITOR, 'guide.save', { ...guideInput({ fee: '不收费' }), id: g.id, version: g.version });
    const before = await docById('guide_items', g.id);
    expect(await errorOf(EDITOR, 'guide.save', { ...guideInput({ fee: '工本费 40 元' }), id: g.id, version: g.version })).toMatchObject({ code: 'CONFLICT', message: '内容已被他人更新，请刷新后重试。' });
    expect((await errorOf(EDITOR, 'guide.publish', { id: g.id, version: g.version })).code).toBe('CONFLICT');
    expect(await docById('guide_items', g.id)).toEqual(before);
    expect((await errorOf(EDITOR, 'guide.save', { ...guideInput(), id: g.id })).fields).toEqual({ version: '修改事项时需要提供版本号，请刷新后重试' });
  });

  test('a retried create with the same clientRequestId answers the first item', async () => {
    const a = await create({ clientRequestId: 'guide-create-0001' });
    const b = await create({ clientRequestId: 'guide-create-0001' });
    expect(b.id).toBe(a.id);
    expect(count('guide_items')).toBe(1);
    expect(await eventsOf(a.id)).toHaveLength(1);
  });

  test.each<[string, Partial<RequestOf<'guide.save'>>, Record<string, string>]>([
    ['no name', { name: '  ' }, { name: '请填写事项名称' }],
    ['unknown category', { categoryId: 'pets' as never }, { categoryId: '事项分类不在可选范围内' }],
    ['promise longer than the law', { legalDays: 5, promisedDays: 10 }, { promisedDays: '承诺时限不能长于法定时限' }],
    ['a policy that does not exist', { relatedPolicyIds: ['nope'] }, { relatedPolicyIds: '相关政策不存在：nope' }],
    ['a case category that does not exist', { caseCategoryId: 'cat-nope' }, { caseCategoryId: '咨询分类不存在，请重新选择' }],
    ['a bad phone', { offices: [{ ...guideInput().offices[0]!, phone: '拨打热线' }] }, { 'offices.0.phone': '咨询电话格式不正确' }],
    ['a latitude off the globe', { offices: [{ ...guideInput().offices[0]!, latitude: 120 }] }, { 'offices.0.latitude': '纬度超出范围' }],
    ['copies below zero', { materials: [{ name: '户口簿', form: '原件', copies: -1, required: true }] }, { 'materials.0.copies': '份数不能小于 0' }],
    ['no legal basis', { basis: [] }, { basis: '请至少填写一条设定依据' }],
  ])('refused with a Chinese message, nothing stored: %s', async (_name, over, fields) => {
    const error = await errorOf(EDITOR, 'guide.save', guideInput(over));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.fields).toMatchObject(fields);
    expect(count('guide_items')).toBe(0);
  });

  test('an unknown field is refused', async () => {
    expect((await errorOf(EDITOR, 'guide.save', { ...guideInput(), color: 'red' })).code).toBe('INVALID_ARGUMENT');
  });

  test('a change note belongs to an edit of a published item', async () => {
    const g = await create();
    expect((await errorOf(EDITOR, 'guide.save', { ...guideInput(), id: g.id, version: g.version, note: '修订' })).fields).toEqual({ note: '修订说明用于修改已发布的事项；尚未发布的事项请直接保存' });
  });
});

describe('guide.withdraw', () => {
  test('takes an item off the guide with its reason; it can be published again without a new version', async () => {
    const p = await published();
    const w = await ok(EDITOR, 'guide.withdraw', { id: p.id, version: p.version, reason: '事项已合并到“身份证一件事”' });
    expect(w).toMatchObject({ status: 'withdrawn', statusLabel: '已撤回', withdrawReason: '事项已合并到“身份证一件事”' });
    expect((await errorOf(CITIZEN, 'guide.get', { id: p.id })).code).toBe('NOT_FOUND');
    expect((await ok(CITIZEN, 'guide.list', {})).items).toEqual([]);
    expect((await eventsOf(p.id)).map((e) => [e.kind, e.note])).toContainEqual(['unpublished', '事项已合并到“身份证一件事”']);
    // A retry: unchanged, no second event.
    expect((await ok(EDITOR, 'guide.withdraw', { id: p.id, version: p.version, reason: '重复提交' })).version).toBe(w.version);
    expect(await eventsOf(p.id)).toHaveLength(3);
    const again = await ok(EDITOR, 'guide.publish', { id: p.id, version: w.version });
    expect(again).toMatchObject({ status: 'published', versions: [{ version: 1 }] });
  });

  test('a draft cannot be withdrawn; a stale version is a CONFLICT', async () => {
    const g = await create();
    expect(await errorOf(EDITOR, 'guide.withdraw', { id: g.id, version: g.version, reason: '不需要' })).toMatchObject({ code: 'FAILED_PRECONDITION', message: '这个事项尚未发布，无需撤回' });
    const p = await ok(EDITOR, 'guide.publish', { id: g.id, version: g.version });
    expect((await errorOf(EDITOR, 'guide.withdraw', { id: p.id, version: g.version, reason: '不需要' })).code).toBe('CONFLICT');
  });
});

describe('who may do what', () => {
  test('citizens and other staff read; only editors and admins write', async () => {
    const g = await create();
    expect((await errorOf(CITIZEN, 'guide.save', guideInput())).code).toBe('PERMISSION_DENIED');
    expect((await errorOf(HANDLER, 'guide.publish', { id: g.id, version: g.version })).code).toBe('PERMISSION_DENIED');
    expect((await errorOf(null, 'guide.withdraw', { id: g.id, version: g.version, reason: '无' })).code).toBe('UNAUTHENTICATED');
    expect((await errorOf(CITIZEN, 'guide.list', { status: 'draft' })).code).toBe('PERMISSION_DENIED');
    expect((await ok(EDITOR, 'guide.list', { status: 'draft' })).items.map((i) => i.id)).toEqual([g.id]);
    expect(await ok(null, 'guide.list', {})).toEqual({ items: [], nextCursor: null });
  });
});

describe('guide.list', () => {
  test('by category, paged by cursor, shortest name first; a keyword search puts name hits before other hits', async () => {
    const names = ['居民身份证挂失补领', '居民身份证换领', '临时居民身份证申领', '出生登记（新生儿落户）', '居住证申领'];
    for (const name of names) await published({ name });
    await published({ name: '住房公积金提取', categoryId: 'housing', conditions: ['提供居民身份证原件'] });
    const first = await ok(CITIZEN, 'guide.list', { categoryId: 'identity', limit: 2 });
    expect(first.items.map((i) => i.name)).toEqual(['居住证申领', '居民身份证换领']);
    const second = await ok(CITIZEN, 'guide.list', { categoryId: 'identity', limit: 2, cursor: first.nextCursor! });
    const third = await ok(CITIZEN, 'guide.list', { categoryId: 'identity', limit: 2, cursor: second.nextCursor! });
    expect([...second.items, ...third.items].map((i) => i.name)).toEqual(['临时居民身份证申领', '居民身份证挂失补领', '出生登记（新生儿落户）']);
    expect(third.nextCursor).toBeNull();
    // Every item of guideInput() names the 居民身份证 among its conditions: after the name hits, those, shortest first.
    const search = await ok(CITIZEN, 'guide.list', { keyword: '身份证' });
    expect(search.items.map((i) => i.name)).toEqual(['居民身份证换领', '临时居民身份证申领', '居民身份证挂失补领', '居住证申领', '住房公积金提取', '出生登记（新生儿落户）']);
    expect((await ok(CITIZEN, 'guide.list', { keyword: '公积金' })).items.map((i) => i.name)).toEqual(['住房公积金提取']);
    expect(search.items[0]!.nameParts).toEqual([
      { text: '居民', hit: false },
      { text: '身份证', hit: true },
      { text: '换领', hit: false },
    ]);
    expect((await ok(CITIZEN, 'guide.list', { keyword: '！？' })).items).toEqual([]);
    expect((await errorOf(CITIZEN, 'guide.list', { cursor: 'not-a-cursor' })).code).toBe('INVALID_ARGUMENT');
  });
});

describe('links: related policies both ways, and 就此事项咨询', () => {
  test('an item names policies; the policy page lists the published items that name it', async () => {
    const policy = await ok(EDITOR, 'policy.save', policyInput());
    const pub = await ok(EDITOR, 'policy.publish', { id: policy.id, version: policy.version });
    const item = await published({ relatedPolicyIds: [pub.id] });
    await create({ name: '未发布的事项', relatedPolicyIds: [pub.id] });
    expect((await ok(CITIZEN, 'guide.get', { id: item.id })).relatedPolicies).toEqual([{ id: pub.id, title: pub.title, docNo: pub.docNo }]);
    expect((await ok(CITIZEN, 'policy.get', { id: pub.id })).relatedGuideItems).toEqual([{ id: item.id, name: '居民身份证换领' }]);
  });

  test('an inquiry about an item stores the item; staff see it; an unpublished item is refused and nothing is stored', async () => {
    const item = await published();
    const { id } = await ok(CITIZEN, 'case.submit', submission({ type: 'inquiry', title: '咨询：居民身份证换领', guideItemId: item.id }));
    expect((await ok(DISPATCHER, 'case.get', { id })).guideItem).toEqual({ id: item.id, name: '居民身份证换领' });
    expect((await ok(CITIZEN, 'case.get', { id })).guideItem).toEqual({ id: item.id, name: '居民身份证换领' });
    const draft = await create({ name: '未发布的事项' });
    const cases = count('cases');
    expect(await errorOf(CITIZEN, 'case.submit', submission({ type: 'inquiry', guideItemId: draft.id }))).toMatchObject({ code: 'INVALID_ARGUMENT', fields: { guideItemId: '关联的办事事项不存在或已撤回' } });
    expect(count('cases')).toBe(cases);
  });
});

describe('hot questions (常见问题) and home.get', () => {
  async function publicLetter(title: string) {
    const r = await repliedCase({ type: 'inquiry', title, categoryId: 'cat-property' });
    return ok(DISPATCHER, 'case.setPublishable', { id: r.id, version: r.version, publishable: true });
  }

  test('an editor pins answered public letters in order; home shows them with the open consultations in one call', async () => {
    const a = await publicLetter('小区电梯多久检修一次？');
    const b = await publicLetter('物业费可以按月交吗？');
    const pinA = await ok(EDITOR, 'guide.pinQuestion', { letterId: a.id, order: 20 });
    await ok(EDITOR, 'guide.pinQuestion', { letterId: b.id, order: 10 });
    expect(pinA).toEqual({ letterId: a.id, title: '小区电梯多久检修一次？', order: 20, version: 1 });
    const home = await ok(null, 'home.get', {});
    expect(home.hotQuestions.map((q) => q.title)).toEqual(['物业费可以按月交吗？', '小区电梯多久检修一次？']);
    expect(home.openDrafts).toEqual([]);
    // Moving one needs the version it was read at; a stale one is a CONFLICT.
    const moved = await ok(EDITOR, 'guide.pinQuestion', { letterId: a.id, order: 5, version: 1 });
    expect(moved.version).toBe(2);
    expect((await errorOf(EDITOR, 'guide.pinQuestion', { letterId: a.id, order: 30, version: 1 })).code).toBe('CONFLICT');
    expect((await errorOf(EDITOR, 'guide.pinQuestion', { letterId: a.id, order: 30 })).code).toBe('CONFLICT');
    expect((await ok(CITIZEN, 'home.get', {})).hotQuestions.map((q) => q.order)).toEqual([5, 10]);
    expect(await ok(EDITOR, 'guide.unpinQuestion', { letterId: a.id })).toEqual({ unpinned: true });
    expect(await ok(EDITOR, 'guide.unpinQuestion', { letterId: a.id })).toEqual({ unpinned: false });
    expect((await ok(CITIZEN, 'home.get', {})).hotQuestions.map((q) => q.letterId)).toEqual([b.id]);
    expect((await eventsOf(a.id)).filter((e) => e.actor.role === 'editor').map((e) => e.kind)).toEqual(['created', 'edited', 'unpublished']);
  });

  test('only a public letter can be pinned; a letter withdrawn from publication drops off the home page', async () => {
    const r = await repliedCase({ type: 'inquiry', title: '未公开的来信' });
    expect(await errorOf(EDITOR, 'guide.pinQuestion', { letterId: r.id, order: 1 })).toMatchObject({ code: 'FAILED_PRECONDITION', message: '只能把已公开的答复信件设为常见问题' });
    expect(count('hot_questions')).toBe(0);
    const letter = await publicLetter('公交卡可以在哪里充值？');
    await ok(EDITOR, 'guide.pinQuestion', { letterId: letter.id, order: 1 });
    await ok(DISPATCHER, 'case.setPublishable', { id: letter.id, version: letter.version, publishable: false });
    expect((await ok(CITIZEN, 'home.get', {})).hotQuestions).toEqual([]);
    expect((await errorOf(CITIZEN, 'guide.pinQuestion', { letterId: letter.id, order: 1 })).code).toBe('PERMISSION_DENIED');
  });
});
