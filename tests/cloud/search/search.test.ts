// search.query through the real function on a strict local cloud: one box over published policies, opened drafts and
// public letters, with synonyms and question words; who may search, bad payloads, paging by group.
import type { RequestOf } from '../../../typings/api';
import { localCloud } from '../../../tools/local-cloud';
import { ok, seedStaff } from '../../helpers/cloud';
import { CITIZEN, DISPATCHER, HANDLER, repliedCase, setUpAgency } from '../cases/helpers';
import { errorOf } from '../policies/helpers';
import { guideInput } from '../../helpers/guide';
import { announcementInput } from '../announcements/helpers';

const EDITOR = 'o_search_editor';

beforeEach(async () => {
  await setUpAgency();
  await seedStaff(EDITOR, ['editor']);
});
afterAll(() => localCloud.close());

const DAY = 86_400_000;
const now = () => localCloud.clock.now().getTime();

function draftInput(over: Partial<RequestOf<'draft.save'>> = {}): RequestOf<'draft.save'> {
  return {
    title: '住宅小区电动自行车停放充电管理办法（征求意见稿）',
    paragraphs: ['第一条 为加强住宅小区电动自行车停放充电管理，预防和减少火灾事故，制定本办法。', '第二条 禁止在楼道停放电动自行车或者为其充电。'],
    opensAt: new Date(now()).toISOString(),
    closesAt: new Date(now() + 40 * DAY).toISOString(),
    ...over,
  };
}

async function publish(over: Partial<RequestOf<'policy.save'>>) {
  const p = await ok(EDITOR, 'policy.save', {
    title: '关于调整退休人员基本养老金的通知',
    issuer: '市人力资源和社会保障局',
    categoryId: 'cat-property',
    issuedAt: '2026-01-10',
    paragraphs: ['已办理退休手续并按月领取基本养老金的退休人员，自2026年1月1日起提高基本养老金水平。'],
    ...over,
  });
  return ok(EDITOR, 'policy.publish', { id: p.id, version: p.version });
}

async function publishedLetter(title: string, content: string) {
  const r = await repliedCase({ type: 'inquiry', title, content });
  return ok(DISPATCHER, 'case.setPublishable', { id: r.id, version: r.version, publishable: true });
}

const ids = (res: { groups: Array<{ kind: string; items: Array<{ id: string }> }> }, kind: string) =>
  res.groups.find((g) => g.kind === kind)?.items.map((i) => i.id) ?? [];

test('one query finds a policy, an open draft and a public letter, grouped by kind, each with the page that opens it', async () => {
  const draft = await ok(EDITOR, 'draft.save', draftInput());
  const policy = await publish({ title: '电动自行车安全管理规定', paragraphs: ['电动自行车应当在指定场所停放充电。'] });
  const letter = await publishedLetter('楼道里电动车充电太危险', '我们单元楼道里经常有人给电瓶车充电，请物业管一管。');

  const res = await ok(CITIZEN, 'search.query', { q: '电动自行车' });
  expect(res.groups.map((g) => [g.kind, g.label])).toEqual([
    ['policy', '政策文件'],
    ['draft', '意见征集'],
    ['letter', '公开信件'],
  ]);
  expect(ids(res, 'policy')).toEqual([policy.id]);
  expect(ids(res, 'draft')).toEqual([draft.id]);
  // The letter says 电动车 and 电瓶车, never 电动自行车: found through the synonym group.
  expect(ids(res, 'letter')).toEqual([letter.id]);
  expect(res.alsoSearched).toEqual(expect.arrayContaining(['电动车', '电瓶车']));
  const d = res.groups[1]!.items[0]!;
  expect(d.path).toBe(`/pages/draft/index?id=${draft.id}`);
  expect(d.badge).toBe('征求意见中');
  expect(d.titleParts.filter((p) => p.hit).map((p) => p.text)).toEqual(['电动自行车']);
  expect(res.groups[2]!.items[0]!.titleParts.filter((p) => p.hit).map((p) => p.text)).toEqual(['电动车']);
  expect(res.suggestions).toEqual([]);
});

test('service items (办事指南) and current announcements (通知公告) are found by the same box, each opening its page', async () => {
  const item = await ok(EDITOR, 'guide.save', guideInput({ name: '电动自行车登记上牌', keywords: ['上牌', '电瓶车'], categoryId: 'transport' }));
  await ok(EDITOR, 'guide.publish', { id: item.id, version: item.version });
  await ok(EDITOR, 'guide.save', guideInput({ name: '电动自行车驾驶培训（未发布）' }));
  const a = await ok(EDITOR, 'announcement.save', announcementInput({ title: '关于开展电动自行车集中上牌的通告', departmentId: 'dept-transport' }));
  const published = await ok(EDITOR, 'announcement.publish', { id: a.id, version: a.version });
  const old = await ok(EDITOR, 'announcement.save', announcementInput({ title: '电动车上牌点临时调整', date: '2025-01-02', expiresAt: '2025-02-01' }));
  await ok(EDITOR, 'announcement.publish', { id: old.id, version: old.version });

  const res = await ok(CITIZEN, 'search.query', { q: '电动车上牌' });
  expect(res.groups.map((g) => [g.kind, g.label])).toEqual([
    ['guide', '办事指南'],
    ['announcement', '通知公告'],
  ]);
  // The draft item is unpublished and the expired announcement no longer current: neither is found.
  expect(ids(res, 'guide')).toEqual([item.id]);
  expect(ids(res, 'announcement')).toEqual([published.id]);
  expect(res.groups[0]!.items[0]!.path).toBe(`/pages/guide-item/index?id=${item.id}`);
  expect(res.groups[1]!.items[0]!.path).toBe(`/pages/announcement/index?id=${published.id}`);
  // One group's next page, asked by kind.
  const more = await ok(CITIZEN, 'search.query', { q: '电动车上牌', kind: 'announcement' });
  expect(more.groups.map((g) => g.kind)).toEqual(['announcement']);
});

test('question words are left out and synonyms found: 退休金怎么领 finds the pension policy', async () => {
  const pension = await publish({});
  await publish({ title: '关于扩大失业保险保障范围的通知', paragraphs: ['领取失业保险金期满仍未就业的失业人员，发放失业补助金。'] });
  const res = await ok(CITIZEN, 'search.query', { q: '退休金怎么领？' });
  expect(ids(res, 'policy')).toEqual([pension.id]);
  const hit = res.groups[0]!.items[0]!;
  expect(hit.snippet!.filter((p) => p.hit).map((p) => p.text)).toEqual(expect.arrayContaining(['领', '养老金']));
});

test('a draft not yet open, an unpublished policy and a letter not made public are never found', async () => {
  await ok(EDITOR, 'draft.save', draftInput({ opensAt: new Date(now() + 2 * DAY).toISOString(), closesAt: new Date(now() + 45 * DAY).toISOString() }));
  await ok(EDITOR, 'policy.save', { title: '电动自行车管理办法（内部稿）', issuer: '市公安局', categoryId: 'cat-property', paragraphs: ['内部讨论稿。'] });
  await repliedCase({ title: '电动车被偷了', content: '小区里的电动车昨晚被偷了，请帮忙查一查监控。' });
  for (const who of [CITIZEN, EDITOR, null]) {
    const res = await ok(who, 'search.query', { q: '电动车' });
    expect(res.groups).toEqual([]);
  }
});

test('nothing found: suggestions from the words typed, and the documents\' word for a synonym', async () => {
  const res = await ok(CITIZEN, 'search.query', { q: '我的退休工资和量子通信' });
  expect(res.groups).toEqual([]);
  expect(res.suggestions).toEqual(['养老金', '退休工资', '量子', '通信']);
  // Nothing searchable at all: no query is made, and the answer is still a useful one.
  const blank = await ok(CITIZEN, 'search.query', { q: '怎么办？' });
  expect(blank).toEqual({ groups: [], alsoSearched: [], suggestions: [] });
});

test('a group pages by its cursor without gaps or repeats; the first answer holds a few of each', async () => {
  const made: string[] = [];
  for (let i = 1; i <= 7; i++) made.push((await publish({ title: `公积金提取办法第${i}号`, issuedAt: `2026-01-${String(10 + i).padStart(2, '0')}` })).id);
  const first = await ok(CITIZEN, 'search.query', { q: '住房公积金' });
  expect(first.groups[0]!.items).toHaveLength(3);
  const seen = first.groups[0]!.items.map((i) => i.id);
  let cursor = first.groups[0]!.nextCursor;
  while (cursor) {
    const next = await ok(CITIZEN, 'search.query', { q: '住房公积金', kind: 'policy', limit: 2, cursor });
    expect(next.groups.map((g) => g.kind)).toEqual(['policy']);
    seen.push(...next.groups[0]!.items.map((i) => i.id));
    cursor = next.groups[0]!.nextCursor;
  }
  expect(seen).toEqual([...made].reverse());
});

test('anyone may search, signed in or not, staff or citizen', async () => {
  await ok(EDITOR, 'draft.save', draftInput());
  for (const who of [null, CITIZEN, HANDLER, DISPATCHER, EDITOR]) {
    expect((await ok(who, 'search.query', { q: '充电' })).groups.map((g) => g.kind)).toEqual(['draft']);
  }
});

test.each([
  ['no query', {}, 'q'],
  ['an empty query', { q: '  ' }, 'q'],
  ['a query too long', { q: '电'.repeat(51) }, 'q'],
  ['an unknown kind', { q: '社保', kind: 'service' }, 'kind'],
  ['a cursor without its kind', { q: '社保', cursor: 'eyJwIjoxfQ' }, 'kind'],
  ['a cursor from nowhere', { q: '社保', kind: 'policy', cursor: 'not-a-cursor' }, 'cursor'],
  ['a limit too large', { q: '社保', limit: 100 }, 'limit'],
  ['an unknown field', { q: '社保', sort: 'date' }, null],
])('refused: %s', async (_name, payload, field) => {
  const error = await errorOf(CITIZEN, 'search.query', payload);
  expect(error.code).toBe('INVALID_ARGUMENT');
  expect(error.message).toMatch(/[\u4e00-\u9fff]/);
  if (field) expect(Object.keys(error.fields ?? {})).toContain(field);
});
