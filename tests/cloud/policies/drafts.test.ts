// Draft consultations (意见征集): the window rules, comments and their moderation, decisions and the adoption report,
// and the notice to commenters, through the real function on the local cloud (strict mode).
import type { RequestOf } from '../../../typings/api';
import { localCloud } from '../../../tools/local-cloud';
import { database, ok } from '../../helpers/cloud';
import { CITIZEN, CITIZEN_B, EDITOR, HANDLER, T0, at, count, docById, errorOf, eventsOf, setUp, tick } from './helpers';

const CITIZEN_C = 'o_citizen_wang';
/** 23:59 Shanghai on 2026-04-01: the 30th day after an opening on 2026-03-02 (the opening day does not count). */
const EARLIEST_30 = '2026-04-01T15:59:00.000Z';
const TEMPLATE = 'tpl-draft-report';

function draftInput(over: Partial<RequestOf<'draft.save'>> = {}): RequestOf<'draft.save'> {
  return {
    title: '住宅小区电动自行车停放充电管理办法（征求意见稿）',
    paragraphs: [
      '第一条 为加强住宅小区电动自行车停放充电管理，预防和减少火灾事故，制定本办法。',
      '第二条 禁止在楼道、疏散通道、安全出口停放电动自行车或者为其充电。',
      '第三条 物业服务企业应当在小区内设置集中停放和充电场所。',
    ],
    explanation: { background: '近年来电动自行车火灾多发。', keyPoints: ['禁止楼道充电', '集中充电场所'] },
    opensAt: T0,
    closesAt: '2026-04-01T16:00:00.000Z',
    ...over,
  };
}

async function openDraft(over: Partial<RequestOf<'draft.save'>> = {}) {
  return ok(EDITOR, 'draft.save', draftInput(over));
}

async function comment(openid: string, id: string, content: string, paragraphIndex?: number) {
  return ok(openid, 'draft.comment', paragraphIndex === undefined ? { id, content } : { id, content, paragraphIndex });
}

async function setSettings(data: Record<string, unknown>): Promise<void> {
  await database().collection('settings').doc('global').set({ data });
}

beforeEach(setUp);

describe('draft.save and the comment window', () => {
  test('an editor opens a consultation; every save is versioned and leaves an event', async () => {
    const d = await openDraft();
    expect(d).toMatchObject({ status: 'open', statusLabel: '征求意见中', version: 1, normative: false, windowText: '还剩 31 天', comments: [], commentCounts: {} });
    expect((await eventsOf(d.id))[0]).toMatchObject({ kind: 'created', actor: { role: 'editor', openid: EDITOR } });
    expect((await errorOf(EDITOR, 'draft.save', { ...draftInput({ closesAt: '2026-05-01T16:00:00.000Z' }), id: d.id, version: 0 })).code).toBe('CONFLICT');
  });

  test('at least 30 days after the opening day, counted to 23:59 Shanghai', async () => {
    const short = await errorOf(EDITOR, 'draft.save', draftInput({ closesAt: '2026-04-01T15:58:00.000Z' }));
    expect(short).toMatchObject({ code: 'INVALID_ARGUMENT', fields: { closesAt: '意见征集期不得少于 30 日（开始当日不计入），截止时间不能早于2026年4月1日 23:59' } });
    expect(await count('drafts')).toBe(0);
    expect((await ok(EDITOR, 'draft.save', draftInput({ closesAt: EARLIEST_30 }))).closesAt).toBe(EARLIEST_30);
  });

  test('a normative document: at least 7 working days on the official calendar (a holiday does not count)', async () => {
    // Opens Thursday 2026-04-02; 清明 (4–6 April) is off: the 7th working day after is Tuesday 14 April.
    at('2026-04-02T01:00:00.000Z');
    const opens = '2026-04-02T01:00:00.000Z';
    const tooShort = await errorOf(EDITOR, 'draft.save', draftInput({ normative: true, opensAt: opens, closesAt: '2026-04-13T16:00:00.000Z' }));
    expect(tooShort.fields?.closesAt).toBe('规范性文件的意见征集期不得少于 7 个工作日（开始当日不计入），截止时间不能早于2026年4月14日 23:59');
    const d = await ok(EDITOR, 'draft.save', draftInput({ normative: true, opensAt: opens, closesAt: '2026-04-14T16:00:00.000Z' }));
    expect(d.normative).toBe(true);
    // The calendar is the admin's: one more holiday moves the earliest close.
    await setSettings({ calendar: { holidays: ['2026-04-04', '2026-04-05', '2026-04-06', '2026-04-07'], workdays: [] } });
    expect((await errorOf(EDITOR, 'draft.save', { ...draftInput({ normative: true, opensAt: opens, closesAt: '2026-04-14T16:00:00.000Z' }), id: d.id, version: d.version })).code).toBe('INVALID_ARGUMENT');
  });

  test('an opening in the past opens now: the window is counted from when it really opens', async () => {
    const error = await errorOf(EDITOR, 'draft.save', draftInput({ opensAt: '2026-02-01T01:00:00.000Z', closesAt: '2026-03-20T16:00:00.000Z' }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    const d = await openDraft({ opensAt: '2026-02-01T01:00:00.000Z' });
    expect(d.opensAt).toBe(T0);
  });

  test('once open: the text and opening are fixed, the close may move within the rule; once closed, nothing changes', async () => {
    const d = await openDraft();
    const base = { ...draftInput(), id: d.id };
    expect(await errorOf(EDITOR, 'draft.save', { ...base, version: d.version, paragraphs: ['改写后的正文'] })).toMatchObject({
      code: 'FAILED_PRECONDITION',
      message: expect.stringContaining('正文不能修改'),
    });
    expect((await errorOf(EDITOR, 'draft.save', { ...base, version: d.version, closesAt: '2026-03-20T16:00:00.000Z' })).code).toBe('INVALID_ARGUMENT');
    const longer = await ok(EDITOR, 'draft.save', { ...base, version: d.version, closesAt: '2026-04-15T16:00:00.000Z' });
    expect(longer).toMatchObject({ version: 2, closesAt: '2026-04-15T16:00:00.000Z' });
    at('2026-04-16T00:00:00.000Z');
    expect(await errorOf(EDITOR, 'draft.save', { ...base, version: longer.version, closesAt: '2026-05-15T16:00:00.000Z' })).toEqual({
      code: 'FAILED_PRECONDITION',
      message: '意见征集已于2026年4月15日 24:00截止，不能再修改',
    });
  });

  test('invalid payloads and wrong roles change nothing', async () => {
    expect((await errorOf(EDITOR, 'draft.save', { ...draftInput(), extra: true })).fields).toEqual({ extra: '不支持的字段：extra' });
    expect((await errorOf(EDITOR, 'draft.save', draftInput({ closesAt: '2026-13-01' }))).fields).toEqual({ closesAt: '截止时间不是有效的时间' });
    expect((await errorOf(EDITOR, 'draft.save', draftInput({ closesAt: '2026-03-01T00:00:00.000Z' }))).fields).toEqual({ closesAt: '截止时间应晚于开始时间' });
    expect((await errorOf(EDITOR, 'draft.save', draftInput({ title: '长'.repeat(101) }))).fields).toEqual({ title: '标题不能超过 100 个字' });
    expect((await errorOf(CITIZEN, 'draft.save', draftInput())).code).toBe('PERMISSION_DENIED');
    expect((await errorOf(HANDLER, 'draft.save', draftInput())).code).toBe('PERMISSION_DENIED');
    expect(await count('drafts')).toBe(0);
  });
});

describe('what citizens see', () => {
  test('scheduled drafts are hidden from citizens; open ones come first, closing soonest first, then ended ones', async () => {
    const later = await openDraft({ title: '晚截止的征集', closesAt: '2026-05-01T16:00:00.000Z' });
    const sooner = await openDraft({ title: '早截止的征集' });
    const scheduled = await openDraft({ title: '下月开始的征集', opensAt: '2026-04-01T01:00:00.000Z', closesAt: '2026-05-15T16:00:00.000Z' });
    at('2026-03-03T01:00:00.000Z');
    const ended = await ok(EDITOR, 'draft.save', draftInput({ title: '即将截止的征集', opensAt: '2026-03-03T01:00:00.000Z', closesAt: '2026-04-02T16:00:00.000Z' }));
    at('2026-04-10T01:00:00.000Z');
    const stillOpen = await ok(CITIZEN, 'draft.list', {});
    expect(stillOpen.items.map((i) => [i.title, i.status])).toEqual([
      ['晚截止的征集', 'open'],
      ['下月开始的征集', 'open'],
      ['即将截止的征集', 'closed'],
      ['早截止的征集', 'closed'],
    ]);
    at('2026-03-10T01:00:00.000Z');
    const citizen = await ok(CITIZEN, 'draft.list', {});
    expect(citizen.items.map((i) => i.id)).toEqual([sooner.id, ended.id, later.id]);
    expect(citizen.items[0]).toMatchObject({ status: 'open', windowText: '还剩 23 天', commentCount: 0 });
    expect((await ok(EDITOR, 'draft.list', {})).items.map((i) => i.id)).toEqual([sooner.id, ended.id, later.id, scheduled.id]);
    expect((await errorOf(CITIZEN, 'draft.get', { id: scheduled.id })).code).toBe('NOT_FOUND');
    expect((await errorOf(CITIZEN, 'draft.list', { status: 'scheduled' })).code).toBe('PERMISSION_DENIED');
    expect((await ok(EDITOR, 'draft.get', { id: scheduled.id })).windowText).toBe('将于 4月1日 开始');
    const page1 = await ok(CITIZEN, 'draft.list', { limit: 2 });
    const page2 = await ok(CITIZEN, 'draft.list', { limit: 2, cursor: page1.nextCursor! });
    expect([...page1.items, ...page2.items].map((i) => i.id)).toEqual([sooner.id, ended.id, later.id]);
    expect(page2.nextCursor).toBeNull();
  });
});

describe('comments and moderation', () => {
  test('a comment waits for moderation: its author sees it pending, others do not, editors see it flagged or not', async () => {
    const d = await openDraft();
    localCloud.openapi.setMsgSecWords({ review: ['可疑'] });
    const mine = await comment(CITIZEN, d.id, '建议在小区增加充电桩数量，方便居民。', 1);
    tick();
    const flagged = await comment(CITIZEN_B, d.id, '这条内容有些可疑需要人工看看。');
    expect(mine).toEqual({ commentId: expect.any(String), status: 'pending' });
    const check = localCloud.openapi.calls.find((c) => c.api === 'security.msgSecCheck');
    expect(check?.args).toEqual({ openid: CITIZEN, scene: 2, version: 2, content: '建议在小区增加充电桩数量，方便居民。' });

    expect((await ok(CITIZEN, 'draft.get', { id: d.id })).comments).toEqual([
      { id: mine.commentId, paragraphIndex: 1, content: '建议在小区增加充电桩数量，方便居民。', status: 'pending', statusLabel: '待审核', mine: true, at: T0 },
    ]);
    expect((await ok(CITIZEN_C, 'draft.get', { id: d.id })).comments).toEqual([]);
    const editorView = await ok(EDITOR, 'draft.get', { id: d.id });
    expect(editorView.comments.map((c) => [c.id, c.flagged, c.mine])).toEqual([
      [mine.commentId, false, false],
      [flagged.commentId, true, false],
    ]);
  });

  test('risky content is refused and nothing is stored; a paragraph must exist; a retry does not comment twice', async () => {
    const d = await openDraft();
    localCloud.openapi.setMsgSecWords({ risky: ['违禁词'] });
    expect((await errorOf(CITIZEN, 'draft.comment', { id: d.id, content: '这里有违禁词的意见内容' })).code).toBe('CONTENT_REJECTED');
    expect(await errorOf(CITIZEN, 'draft.comment', { id: d.id, content: '针对第九段的意见内容', paragraphIndex: 8 })).toEqual({
      code: 'INVALID_ARGUMENT',
      message: '草案没有第 9 段，请重新选择',
      fields: { paragraphIndex: '所选段落不存在' },
    });
    expect((await errorOf(CITIZEN, 'draft.comment', { id: d.id, content: '太短' })).fields).toEqual({ content: '意见至少 5 个字' });
    expect(await count('draft_comments')).toBe(0);
    const first = await ok(CITIZEN, 'draft.comment', { id: d.id, content: '建议明确充电场所的消防要求。', clientRequestId: 'tap-000001' });
    const retry = await ok(CITIZEN, 'draft.comment', { id: d.id, content: '建议明确充电场所的消防要求。', clientRequestId: 'tap-000001' });
    expect(retry.commentId).toBe(first.commentId);
    expect(await count('draft_comments')).toBe(1);
  });

  test('one citizen may comment several times, up to 20 a day', async () => {
    const d = await openDraft();
    for (let i = 0; i < 20; i++) await comment(CITIZEN, d.id, `第 ${i + 1} 条意见：建议细化条款。`);
    expect(await errorOf(CITIZEN, 'draft.comment', { id: d.id, content: '第 21 条意见：建议细化条款。' })).toEqual({
      code: 'RATE_LIMITED',
      message: '每人每天最多提交 20 条意见，请明天再提交',
    });
    expect(await count('draft_comments')).toBe(20);
    await comment(CITIZEN_B, d.id, '另一位市民的意见仍可提交。');
    at('2026-03-02T16:00:00.000Z');
    await comment(CITIZEN, d.id, '第二天的意见可以提交。');
  });

  test('before the window opens and after it closes: FAILED_PRECONDITION with the dates', async () => {
    const d = await openDraft({ opensAt: '2026-03-05T01:00:00.000Z', closesAt: '2026-04-05T16:00:00.000Z' });
    expect(await errorOf(CITIZEN, 'draft.comment', { id: d.id, content: '提前提交的意见内容' })).toEqual({
      code: 'FAILED_PRECONDITION',
      message: '意见征集尚未开始，将于2026年3月5日 09:00开始',
    });
    at('2026-04-05T16:00:00.000Z');
    expect(await errorOf(CITIZEN, 'draft.comment', { id: d.id, content: '截止后提交的意见内容' })).toEqual({
      code: 'FAILED_PRECONDITION',
      message: '意见征集已于2026年4月5日 24:00截止，感谢您的关注',
    });
    expect(await count('draft_comments')).toBe(0);
  });

  test('the queue is oldest first and pages; approve makes a comment public; hide keeps it for its author only', async () => {
    const d = await openDraft();
    const a = await comment(CITIZEN, d.id, '第一条：建议增加充电桩。', 2);
    tick();
    const b = await comment(CITIZEN_B, d.id, '第二条：楼道禁停要有过渡期。');
    tick();
    const c = await comment(CITIZEN_C, d.id, '第三条：与本办法无关的广告内容。');
    tick();
    const page1 = await ok(EDITOR, 'draft.moderationQueue', { limit: 2 });
    expect(page1.items.map((i) => [i.commentId, i.draftTitle])).toEqual([
      [a.commentId, d.title],
      [b.commentId, d.title],
    ]);
    expect(page1.items[0]).toMatchObject({ paragraphIndex: 2, flagged: false, at: T0 });
    const page2 = await ok(EDITOR, 'draft.moderationQueue', { limit: 2, cursor: page1.nextCursor! });
    expect(page2).toEqual({ items: [expect.objectContaining({ commentId: c.commentId })], nextCursor: null });

    expect(await ok(EDITOR, 'draft.moderate', { commentId: a.commentId, decision: 'approve' })).toMatchObject({ status: 'approved', statusLabel: '已公开' });
    await ok(EDITOR, 'draft.moderate', { commentId: a.commentId, decision: 'approve' });
    await ok(EDITOR, 'draft.moderate', { commentId: b.commentId, decision: 'approve' });
    expect((await errorOf(EDITOR, 'draft.moderate', { commentId: c.commentId, decision: 'hide' })).fields).toEqual({ reason: '请填写不公开的原因' });
    const hidden = await ok(EDITOR, 'draft.moderate', { commentId: c.commentId, decision: 'hide', reason: '与征求意见内容无关' });
    expect(hidden).toMatchObject({ status: 'hidden', hiddenReason: '与征求意见内容无关' });
    expect((await errorOf(CITIZEN, 'draft.moderate', { commentId: b.commentId, decision: 'hide', reason: 'x' })).code).toBe('PERMISSION_DENIED');

    expect((await ok(EDITOR, 'draft.moderationQueue', {})).items).toEqual([]);
    const others = await ok(CITIZEN_B, 'draft.get', { id: d.id });
    expect(others.comments.map((x) => [x.id, x.mine])).toEqual([
      [b.commentId, true],
      [a.commentId, false],
    ]);
    expect(others.commentCounts).toEqual({ '-1': 1, '2': 1 });
    const author = await ok(CITIZEN_C, 'draft.get', { id: d.id });
    expect(author.comments[0]).toEqual({ id: c.commentId, content: '第三条：与本办法无关的广告内容。', status: 'hidden', statusLabel: '未公开', mine: true, at: '2026-03-02T01:02:00.000Z' });
    expect((await ok(CITIZEN, 'draft.list', {})).items[0]!.commentCount).toBe(2);
    expect((await eventsOf(c.commentId)).map((e) => [e.kind, e.actor.role, e.note])).toEqual([
      ['commented', 'citizen', undefined],
      ['hidden', 'editor', '与征求意见内容无关'],
    ]);
  });

  test('draft.comments pages on from draft.get', async () => {
    const d = await openDraft();
    for (let i = 0; i < 23; i++) {
      const { commentId } = await comment(`o_reader_${i}`, d.id, `公开意见第 ${i + 1} 条，建议完善。`);
      await ok(EDITOR, 'draft.moderate', { commentId, decision: 'approve' });
      tick(1000);
    }
    const first = await ok(CITIZEN_B, 'draft.get', { id: d.id });
    expect(first.comments).toHaveLength(20);
    const rest = await ok(CITIZEN_B, 'draft.comments', { id: d.id, cursor: first.commentsNextCursor! });
    expect(rest.items.map((c) => c.content)).toEqual(['公开意见第 21 条，建议完善。', '公开意见第 22 条，建议完善。', '公开意见第 23 条，建议完善。']);
    expect(rest.nextCursor).toBeNull();
  });
});

describe('decisions, the report and the notice', () => {
  test('after the window: decisions per comment or group, the report, and each commenter told once', async () => {
    await setSettings({
      subscribeTemplates: { draftReport: { templateId: TEMPLATE, fields: { title: 'thing1', status: 'phrase2', time: 'time3', note: 'thing4' }, page: 'pages/draft/index' } },
    });
    const d = await openDraft();
    const a1 = await comment(CITIZEN, d.id, '建议增加集中充电场所数量。', 2);
    tick();
    const a2 = await comment(CITIZEN, d.id, '建议对老旧小区给予建设补贴。');
    tick();
    const b1 = await comment(CITIZEN_B, d.id, '建议充电收费标准公开透明。');
    tick();
    const c1 = await comment(CITIZEN_C, d.id, '无关内容无关内容无关内容。');
    for (const openid of [CITIZEN, CITIZEN_B, CITIZEN_C]) await ok(openid, 'case.subscribe', { templateIds: [TEMPLATE] });
    for (const x of [a1, a2, b1]) await ok(EDITOR, 'draft.moderate', { commentId: x.commentId, decision: 'approve' });

    expect((await errorOf(EDITOR, 'draft.decide', { commentIds: [a1.commentId], decision: 'adopted', reason: '已采纳' })).code).toBe('FAILED_PRECONDITION');
    at('2026-04-02T01:00:00.000Z');
    const closed = await ok(EDITOR, 'draft.get', { id: d.id });
    expect(closed.status).toBe('closed');
    expect(await errorOf(EDITOR, 'draft.publishReport', { id: d.id, version: closed.version, summary: '共收到意见4条。' })).toEqual({
      code: 'FAILED_PRECONDITION',
      message: '还有 1 条意见待审核，审核后才能公布采纳情况',
    });
    expect((await errorOf(EDITOR, 'draft.decide', { commentIds: [c1.commentId], decision: 'adopted', reason: '采纳' })).code).toBe('FAILED_PRECONDITION');
    await ok(EDITOR, 'draft.moderate', { commentId: c1.commentId, decision: 'hide', reason: '与本办法无关' });
    expect(await errorOf(EDITOR, 'draft.publishReport', { id: d.id, version: closed.version, summary: '共收到意见4条。' })).toEqual({
      code: 'FAILED_PRECONDITION',
      message: '还有 3 条公开意见未作出采纳决定',
    });

    tick();
    expect(await ok(EDITOR, 'draft.decide', { commentIds: [a1.commentId, b1.commentId], decision: 'adopted', reason: '已在第三条中增加相关规定。' })).toEqual({ decided: 2 });
    tick();
    await ok(EDITOR, 'draft.decide', { commentIds: [a2.commentId], decision: 'not_adopted', reason: '补贴政策另行制定。' });
    // Before the report a citizen sees no decisions.
    expect((await ok(CITIZEN, 'draft.get', { id: d.id })).comments.every((x) => x.decision === undefined)).toBe(true);
    expect((await errorOf(CITIZEN, 'draft.publishReport', { id: d.id, version: closed.version, summary: 'x' })).code).toBe('PERMISSION_DENIED');

    localCloud.openapi.clear();
    tick();
    const reported = await ok(EDITOR, 'draft.publishReport', { id: d.id, version: closed.version, summary: '共收到公开意见3条，采纳2条。' });
    expect(reported).toMatchObject({ status: 'reported', statusLabel: '已公布采纳情况', version: closed.version + 1 });
    expect(reported.report).toEqual({
      summary: '共收到公开意见3条，采纳2条。',
      publishedAt: '2026-04-02T01:03:00.000Z',
      counts: { total: 3, adopted: 2, partly: 0, notAdopted: 1 },
      decisions: [
        { decision: 'adopted', decisionLabel: '采纳', reason: '已在第三条中增加相关规定。', commentIds: [a1.commentId, b1.commentId] },
        { decision: 'not_adopted', decisionLabel: '不予采纳', reason: '补贴政策另行制定。', commentIds: [a2.commentId] },
      ],
    });
    const sends = localCloud.openapi.calls.filter((c) => c.api === 'subscribeMessage.send');
    expect(sends.map((c) => (c.args as { touser: string }).touser).sort()).toEqual([CITIZEN, CITIZEN_B, CITIZEN_C].sort());
    expect(sends[0]!.args).toMatchObject({ templateId: TEMPLATE, page: `pages/draft/index?id=${d.id}`, data: { phrase2: { value: '已公布' } } });

    // A retry: the report stands and nobody is told twice.
    const again = await ok(EDITOR, 'draft.publishReport', { id: d.id, version: closed.version, summary: '另一段说明' });
    expect(again.report?.summary).toBe('共收到公开意见3条，采纳2条。');
    expect(localCloud.openapi.calls.filter((c) => c.api === 'subscribeMessage.send')).toHaveLength(3);
    // Three messages and the one outbox entry of the report's transaction that queued them.
    expect(await count('notifications')).toBe(4);

    const citizenView = await ok(CITIZEN, 'draft.get', { id: d.id });
    expect(citizenView.comments.find((x) => x.id === a2.commentId)).toMatchObject({ decision: 'not_adopted', decisionLabel: '不予采纳', decisionReason: '补贴政策另行制定。' });
    expect((await ok(CITIZEN, 'draft.list', { status: 'reported' })).items.map((i) => i.id)).toEqual([d.id]);
    expect((await errorOf(EDITOR, 'draft.decide', { commentIds: [a2.commentId], decision: 'adopted', reason: '改为采纳' })).code).toBe('FAILED_PRECONDITION');
    expect((await errorOf(EDITOR, 'draft.moderate', { commentId: a2.commentId, decision: 'hide', reason: '撤下' })).code).toBe('FAILED_PRECONDITION');
    expect((await eventsOf(d.id)).map((e) => e.kind)).toEqual(['created', 'decided', 'decided', 'reported']);
  });

  test('a citizen without a grant is queued but not sent to; the notice is skipped, the report still stands', async () => {
    await setSettings({ subscribeTemplates: { draftReport: { templateId: TEMPLATE, fields: { title: 'thing1' } } } });
    const d = await openDraft();
    const x = await comment(CITIZEN, d.id, '建议增加集中充电场所数量。');
    await ok(EDITOR, 'draft.moderate', { commentId: x.commentId, decision: 'approve' });
    at('2026-04-02T01:00:00.000Z');
    await ok(EDITOR, 'draft.decide', { commentIds: [x.commentId], decision: 'partly', reason: '部分采纳。' });
    const closed = await ok(EDITOR, 'draft.get', { id: d.id });
    const reported = await ok(EDITOR, 'draft.publishReport', { id: d.id, version: closed.version, summary: '共收到意见1条。' });
    expect(reported.report?.counts).toEqual({ total: 1, adopted: 0, partly: 1, notAdopted: 0 });
    expect(localCloud.openapi.calls.filter((c) => c.api === 'subscribeMessage.send')).toEqual([]);
    expect(await docById('notifications', `draft-report-${d.id}-${CITIZEN}`)).toMatchObject({ kind: 'draft_report', status: 'skipped', reason: 'no_grant' });
  });
});
