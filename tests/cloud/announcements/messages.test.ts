// The message centre (消息) through the real function: every message the agency sends a citizen lands there (with or
// without a subscribe-message grant), each citizen reads only their own, read marks are idempotent, pages by cursor.
import { callAs, ok, seedStaff } from '../../helpers/cloud';
import { at, count, DISPATCHER, docs, HANDLER, OTHER_CITIZEN, processingCase, repliedCase, sentTo, setUpAgency, submit, SUPERVISOR, CITIZEN, WEDNESDAY_10H } from '../cases/helpers';

const EDITOR = 'o_msg_editor';
const DAY = 86_400_000;

beforeEach(async () => {
  await setUpAgency({ settings: { cosignThreshold: 1 } });
  await seedStaff(EDITOR, ['editor']);
});

async function errorOf(openid: string | null, action: 'message.read' | 'message.list' | 'message.unread', payload: unknown) {
  const res = await callAs(openid, action, payload as never);
  if (res.ok) throw new Error(`${action} unexpectedly succeeded`);
  return res.error;
}

describe('what lands in 消息', () => {
  test('a staff reply to a case is in the citizen\'s 消息 without any subscribe grant, opening the case; staff messages are not', async () => {
    const c = await repliedCase();
    // No grant was given: the subscribe message was skipped, the message centre has it all the same.
    expect(sentTo(CITIZEN)).toEqual([]);
    const list = await ok(CITIZEN, 'message.list', {});
    expect(list.items.map((m) => [m.kind, m.kindLabel, m.text.split('：')[0]])).toEqual([
      ['case_status', '办理进度', '已答复'],
      ['case_status', '办理进度', '办理中'],
    ]);
    expect(list.items[0]).toMatchObject({ title: '小区电梯长期故障无人维修', read: false, subject: { kind: 'case', id: c.id } });
    expect(list.unread).toBe(2);
    expect(await ok(CITIZEN, 'message.unread', {})).toEqual({ unread: 2 });
    // The handler was told of the assignment through the outbox; that is not a message to a citizen.
    expect((await ok(HANDLER, 'message.list', {})).items).toEqual([]);
  });

  test('one citizen never sees, counts or marks another\'s messages', async () => {
    await processingCase();
    const theirs = (await ok(CITIZEN, 'message.list', {})).items[0]!;
    expect((await ok(OTHER_CITIZEN, 'message.list', {})).items).toEqual([]);
    expect(await ok(OTHER_CITIZEN, 'message.unread', {})).toEqual({ unread: 0 });
    expect((await errorOf(OTHER_CITIZEN, 'message.read', { ids: [theirs.id] })).code).toBe('NOT_FOUND');
    expect((await errorOf(SUPERVISOR, 'message.read', { ids: [theirs.id] })).code).toBe('NOT_FOUND');
    await ok(OTHER_CITIZEN, 'message.read', { all: true });
    expect((await ok(CITIZEN, 'message.list', {})).items[0]!.read).toBe(false);
    expect((await errorOf(null, 'message.list', {})).code).toBe('UNAUTHENTICATED');
  });

  test('the response to a co-signed suggestion and the adoption report of a commented draft reach 消息, opening their subject', async () => {
    const r = await repliedCase({ type: 'suggestion', title: '建议在幸福路增设公交站', content: '幸福路沿线居民多，建议增设一站公交站。' });
    await ok(DISPATCHER, 'case.setPublishable', { id: r.id, version: r.version, publishable: true });
    await ok(OTHER_CITIZEN, 'case.cosign', { id: r.id });
    const owed = await ok(SUPERVISOR, 'case.get', { id: r.id });
    await ok(SUPERVISOR, 'case.respondCosign', { id: r.id, version: owed.version, content: '已会同交通部门研究，计划年内增设公交站。' });
    const now = new Date(WEDNESDAY_10H).getTime();
    const d = await ok(EDITOR, 'draft.save', { title: '电动自行车停放充电管理办法（征求意见稿）', paragraphs: ['第一条 为加强管理，制定本办法。'], opensAt: new Date(now).toISOString(), closesAt: new Date(now + 40 * DAY).toISOString() });
    const c = await ok(OTHER_CITIZEN, 'draft.comment', { id: d.id, content: '建议在小区增设集中充电桩。' });
    await ok(EDITOR, 'draft.moderate', { commentId: c.commentId, decision: 'approve' });
    at(new Date(now + 41 * DAY).toISOString());
    await ok(EDITOR, 'draft.decide', { commentIds: [c.commentId], decision: 'adopted', reason: '已采纳' });
    const closed = await ok(EDITOR, 'draft.get', { id: d.id });
    await ok(EDITOR, 'draft.publishReport', { id: d.id, version: closed.version, summary: '共收到意见1条。' });
    const list = await ok(OTHER_CITIZEN, 'message.list', {});
    expect(list.items.map((m) => [m.kindLabel, m.subject])).toEqual([
      ['意见采纳', { kind: 'draft', id: d.id }],
      ['附议回应', { kind: 'letter', id: r.id }],
    ]);
  });
});

describe('message.read', () => {
  test('marks the given messages read, again without change; all marks the rest; the count follows', async () => {
    await repliedCase();
    const [newest, older] = (await ok(CITIZEN, 'message.list', {})).items;
    expect(await ok(CITIZEN, 'message.read', { ids: [newest!.id] })).toEqual({ unread: 1 });
    expect(await ok(CITIZEN, 'message.read', { ids: [newest!.id, newest!.id] })).toEqual({ unread: 1 });
    expect((await ok(CITIZEN, 'message.list', {})).items.map((m) => m.read)).toEqual([true, false]);
    expect(await ok(CITIZEN, 'message.read', { all: true })).toEqual({ unread: 0 });
    expect(await ok(CITIZEN, 'message.read', { all: true })).toEqual({ unread: 0 });
    expect((await docs<{ read: boolean }>('messages', { openid: CITIZEN, read: true })).length).toBe(2);
    expect(older).toBeDefined();
  });

  test.each<[string, unknown, string]>([
    ['neither ids nor all', {}, 'ids'],
    ['both ids and all', { ids: ['abc'], all: true }, 'ids'],
    ['an empty list', { ids: [] }, 'ids'],
    ['a malformed id', { ids: ['../x'] }, 'ids.0'],
    ['an unknown field', { ids: ['abc'], openid: CITIZEN }, 'openid'],
  ])('%s is refused in Chinese and marks nothing', async (_what, payload, field) => {
    await processingCase();
    const e = await errorOf(CITIZEN, 'message.read', payload);
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.fields?.[field]).toMatch(/[\u4e00-\u9fff]/);
    expect(await ok(CITIZEN, 'message.unread', {})).toEqual({ unread: 1 });
  });
});

test('message.list pages newest first by cursor, never repeating or skipping one', async () => {
  for (let i = 0; i < 4; i++) await submit({ title: `留言${i}` }).then((c) => ok(DISPATCHER, 'case.accept', { id: c.id, version: c.version, departmentId: 'dept-housing' }));
  const seen: string[] = [];
  let cursor: string | null | undefined;
  do {
    const page: Awaited<ReturnType<typeof ok<'message.list'>>> = await ok(CITIZEN, 'message.list', { limit: 3, ...(cursor ? { cursor } : {}) });
    seen.push(...page.items.map((m) => m.id));
    cursor = page.nextCursor;
  } while (cursor);
  expect(seen).toHaveLength(4);
  expect(new Set(seen).size).toBe(4);
  expect(await count('messages')).toBe(4);
  expect((await errorOf(CITIZEN, 'message.list', { limit: 500 })).code).toBe('INVALID_ARGUMENT');
});
