// announcement.save / publish / withdraw / get / list / follow through the real function on the local cloud (strict).
import { main } from '../../../cloudfunctions/api/src';
import { localCloud } from '../../../tools/local-cloud';
import { callAs, database, ok } from '../../helpers/cloud';
import { ADMIN, CITIZEN, CITIZEN_B, EDITOR, HANDLER, at, count, docById, errorOf, eventsOf, setUp, tick, upload } from '../policies/helpers';
import { announcementInput, publishedAnnouncement } from './helpers';

beforeEach(setUp);

const create = (over = {}) => ok(EDITOR, 'announcement.save', announcementInput(over));
const publish = (a: { id: string; version: number }, note?: string) => ok(EDITOR, 'announcement.publish', { id: a.id, version: a.version, ...(note ? { note } : {}) });

describe('announcement.save', () => {
  test('an editor creates a draft: versioned, unpublished, the department named, an event with the role', async () => {
    const a = await create({ title: '关于2026年春节期间办事大厅开放时间的通知' });
    expect(a).toMatchObject({ title: '关于2026年春节期间办事大厅开放时间的通知', departmentName: '住房和城乡建设局', status: 'draft', statusLabel: '未发布', version: 1, versions: [], following: false });
    expect(await eventsOf(a.id)).toEqual([expect.objectContaining({ kind: 'created', actor: { role: 'editor', openid: EDITOR } })]);
  });

  test.each([
    ['a citizen', CITIZEN, 'PERMISSION_DENIED'],
    ['a handler', HANDLER, 'PERMISSION_DENIED'],
    ['no WeChat identity', null, 'UNAUTHENTICATED'],
  ])('%s cannot write (%s); nothing is stored', async (_who, openid, code) => {
    expect((await errorOf(openid, 'announcement.save', announcementInput())).code).toBe(code);
    expect(await count('announcements')).toBe(0);
  });

  test.each<[string, Record<string, unknown>, string, string]>([
    ['an unknown field', { secret: 1 }, 'secret', '不支持的字段'],
    ['no title', { title: '' }, 'title', '请填写标题'],
    ['a bad date', { date: '2026/03/02' }, 'date', '发布日期格式应为 2026-01-31'],
    ['an impossible date', { date: '2026-02-30' }, 'date', '发布日期无效'],
    ['an expiry before the date', { expiresAt: '2026-03-01' }, 'expiresAt', '有效期不能早于发布日期'],
    ['an unknown department', { departmentId: 'dept-nowhere' }, 'departmentId', '发布单位不存在'],
    ['no body', { paragraphs: [] }, 'paragraphs', '正文至少需要一段'],
    ['an attachment outside announcements/', { attachments: [{ fileID: 'cloud://env.bucket/cases/x.pdf', name: '附件.pdf' }] }, 'attachments.0', 'announcements/'],
    ['an attachment never uploaded', { attachments: [{ fileID: 'cloud://env.bucket/announcements/none.pdf', name: '附件.pdf' }] }, 'attachments.0', '文件不存在'],
  ])('%s is refused in Chinese, naming the field, and stores nothing', async (_what, over, field, words) => {
    const e = await errorOf(EDITOR, 'announcement.save', { ...announcementInput(), ...over });
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.fields?.[field]).toEqual(expect.stringContaining(words));
    expect(await count('announcements')).toBe(0);
  });

  test('an uploaded attachment is kept and handed out with a download URL', async () => {
    const fileID = upload('announcements/2026/plan.pdf');
    const a = await create({ attachments: [{ fileID, name: '施工路段示意图.pdf', size: 13 }] });
    expect(a.attachments).toEqual([{ fileID, name: '施工路段示意图.pdf', size: 13, url: expect.stringMatching(/^http/) }]);
  });

  test('a retried create with the same clientRequestId answers the first announcement', async () => {
    const first = await create({ clientRequestId: 'req-ann-0001' });
    const again = await create({ clientRequestId: 'req-ann-0001' });
    expect(again.id).toBe(first.id);
    expect(await count('announcements')).toBe(1);
  });

  test('a stale version is CONFLICT and changes nothing', async () => {
    const a = await create();
    await ok(EDITOR, 'announcement.save', { ...announcementInput({ title: '第一次修改后的标题' }), id: a.id, version: a.version });
    const e = await errorOf(EDITOR, 'announcement.save', { ...announcementInput({ title: '基于旧版本的修改' }), id: a.id, version: a.version });
    expect(e.code).toBe('CONFLICT');
    expect((await ok(EDITOR, 'announcement.get', { id: a.id })).title).toBe('第一次修改后的标题');
  });
});

describe('publish, versions, withdraw', () => {
  test('publishing makes it public with version 1; an edit waits until published again, as version 2 with its note', async () => {
    const a = await publish(await create({ title: '关于调整公租房租金标准的公告' }));
    expect(a).toMatchObject({ status: 'published', statusLabel: '已发布', publishedVersion: 1 });
    tick();
    const edited = await ok(EDITOR, 'announcement.save', { ...announcementInput({ title: '关于调整公租房租金标准的公告（更正）' }), id: a.id, version: a.version, note: '更正标题' });
    expect(edited).toMatchObject({ hasDraftChanges: true, pendingNote: '更正标题', title: '关于调整公租房租金标准的公告（更正）' });
    // Citizens still read the published text.
    expect((await ok(CITIZEN, 'announcement.get', { id: a.id })).title).toBe('关于调整公租房租金标准的公告');
    tick();
    const v2 = await publish(edited);
    expect(v2.versions.map((v) => [v.version, v.note])).toEqual([[2, '更正标题'], [1, undefined]]);
    const read = await ok(CITIZEN, 'announcement.get', { id: a.id });
    expect(read).toMatchObject({ title: '关于调整公租房租金标准的公告（更正）', updatedNote: expect.stringMatching(/^于2026年3月2日更新$/) });
    expect((await ok(CITIZEN, 'announcement.get', { id: a.id, version: 1 })).title).toBe('关于调整公租房租金标准的公告');
    expect((await eventsOf(a.id)).map((e) => e.kind)).toEqual(['created', 'published', 'edited', 'published']);
  });

  test('publishing again (a retry) changes nothing; a stale publish of pending edits is CONFLICT', async () => {
    const a = await publish(await create());
    expect((await publish(a)).version).toBe(a.version);
    const edited = await ok(EDITOR, 'announcement.save', { ...announcementInput({ title: '修改后的通告标题' }), id: a.id, version: a.version });
    expect((await errorOf(EDITOR, 'announcement.publish', { id: a.id, version: a.version })).code).toBe('CONFLICT');
    expect((await publish(edited)).title).toBe('修改后的通告标题');
  });

  test('a withdrawn announcement is gone for citizens, kept with its reason for editors; withdrawing again changes nothing', async () => {
    const a = await publishedAnnouncement(EDITOR);
    const w = await ok(EDITOR, 'announcement.withdraw', { id: a.id, version: a.version, reason: '信息有误' });
    expect(w).toMatchObject({ status: 'withdrawn', statusLabel: '已撤回', withdrawReason: '信息有误' });
    expect((await errorOf(CITIZEN, 'announcement.get', { id: a.id })).code).toBe('NOT_FOUND');
    expect((await ok(EDITOR, 'announcement.withdraw', { id: a.id, version: a.version, reason: '信息有误' })).version).toBe(w.version);
    expect((await eventsOf(a.id)).map((e) => e.kind)).toEqual(['created', 'published', 'unpublished']);
    const draft = await create();
    expect((await errorOf(EDITOR, 'announcement.withdraw', { id: draft.id, version: draft.version, reason: '无' })).code).toBe('FAILED_PRECONDITION');
  });

  test('an unpublished draft does not exist for citizens', async () => {
    const a = await create();
    expect((await errorOf(CITIZEN, 'announcement.get', { id: a.id })).code).toBe('NOT_FOUND');
    expect((await errorOf(null, 'announcement.get', { id: a.id })).code).toBe('NOT_FOUND');
    expect((await ok(ADMIN, 'announcement.get', { id: a.id })).status).toBe('draft');
  });
});

describe('announcement.list', () => {
  test('citizens page through current announcements newest first by cursor; expired ones are left out but open by link, marked', async () => {
    const made = [];
    for (let d = 1; d <= 5; d++) made.push(await publishedAnnouncement(EDITOR, { title: `第${d}号通告`, date: `2026-02-0${d}` }));
    const expired = await publishedAnnouncement(EDITOR, { title: '已经过期的通告', date: '2026-02-09', expiresAt: '2026-02-28' });
    await create({ title: '尚未发布的通告', date: '2026-02-10' });
    const first = await ok(CITIZEN, 'announcement.list', { limit: 3 });
    expect(first.items.map((i) => i.title)).toEqual(['第5号通告', '第4号通告', '第3号通告']);
    const second = await ok(CITIZEN, 'announcement.list', { limit: 3, cursor: first.nextCursor! });
    expect(second.items.map((i) => i.title)).toEqual(['第2号通告', '第1号通告']);
    expect(second.nextCursor).toBeNull();
    expect(await ok(CITIZEN, 'announcement.get', { id: expired.id })).toMatchObject({ status: 'expired', statusLabel: '已过期' });
    // Editors see every status.
    expect((await ok(EDITOR, 'announcement.list', { status: 'all', limit: 50 })).items).toHaveLength(7);
    expect((await errorOf(CITIZEN, 'announcement.list', { status: 'draft' })).code).toBe('PERMISSION_DENIED');
    expect((await errorOf(CITIZEN, 'announcement.list', { cursor: 'not-a-cursor' })).code).toBe('INVALID_ARGUMENT');
  });

  test('an announcement expires at the end of its 有效期 day (Shanghai)', async () => {
    const a = await publishedAnnouncement(EDITOR, { date: '2026-03-02', expiresAt: '2026-03-03' });
    at('2026-03-03T15:59:00.000Z');
    expect((await ok(CITIZEN, 'announcement.list', {})).items.map((i) => i.id)).toEqual([a.id]);
    at('2026-03-03T16:00:00.000Z');
    expect((await ok(CITIZEN, 'announcement.list', {})).items).toEqual([]);
  });

  test('the tick takes expired announcements out of the list index; a withdrawal too; a republication with a later expiry brings one back', async () => {
    const soon = await publishedAnnouncement(EDITOR, { title: '即将过期的通告', date: '2026-03-02', expiresAt: '2026-03-03' });
    const lasting = await publishedAnnouncement(EDITOR, { title: '长期有效的通告', date: '2026-03-01' });
    const current = async (id: string) => (await docById<{ current?: boolean }>('announcements', id))?.current;
    expect([await current(soon.id), await current(lasting.id)]).toEqual([true, true]);
    at('2026-03-03T16:00:00.000Z');
    await localCloud.fireTimer(main, 'tick');
    expect([await current(soon.id), await current(lasting.id)]).toEqual([undefined, true]);
    expect((await ok(CITIZEN, 'announcement.list', {})).items.map((i) => i.id)).toEqual([lasting.id]);
    expect(await ok(CITIZEN, 'announcement.get', { id: soon.id })).toMatchObject({ status: 'expired' });
    const before = await docById<Record<string, unknown>>('announcements', soon.id);
    await localCloud.fireTimer(main, 'tick');
    expect(await docById<Record<string, unknown>>('announcements', soon.id)).toEqual(before);

    const edited = await ok(EDITOR, 'announcement.save', announcementInput({ id: soon.id, version: soon.version, title: '即将过期的通告', date: '2026-03-02', expiresAt: '2026-03-31' }));
    await publish(edited);
    expect(await current(soon.id)).toBe(true);
    expect((await ok(CITIZEN, 'announcement.list', {})).items.map((i) => i.id)).toEqual([soon.id, lasting.id]);

    await ok(EDITOR, 'announcement.withdraw', { id: lasting.id, version: lasting.version, reason: '信息有误，撤回' });
    expect(await current(lasting.id)).toBeUndefined();
    expect((await ok(CITIZEN, 'announcement.list', {})).items.map((i) => i.id)).toEqual([soon.id]);
  });

  test('search finds by title first, then body, marked, with the same tokens as policies; by department too', async () => {
    const body = await publishedAnnouncement(EDITOR, { title: '关于道路施工的通告', date: '2026-02-20', paragraphs: ['施工期间燃气供应暂停，请居民提前做好准备。'] });
    const title = await publishedAnnouncement(EDITOR, { title: '燃气安全检查入户通知', date: '2026-02-01', departmentId: 'dept-env' });
    await publishedAnnouncement(EDITOR, { title: '公交线路调整公告', paragraphs: ['12路公交线路调整。'] });
    const hits = await ok(CITIZEN, 'announcement.list', { keyword: '燃气' });
    expect(hits.items.map((i) => i.id)).toEqual([title.id, body.id]);
    expect(hits.items[0]!.titleParts).toEqual([{ text: '燃气', hit: true }, { text: '安全检查入户通知', hit: false }]);
    expect(hits.items[1]!.snippet?.some((p) => p.hit && p.text === '燃气')).toBe(true);
    expect((await ok(CITIZEN, 'announcement.list', { keyword: '燃气', departmentId: 'dept-env' })).items.map((i) => i.id)).toEqual([title.id]);
    expect((await ok(CITIZEN, 'announcement.list', { keyword: '！！' })).items).toEqual([]);
  });
});

describe('announcement.follow and the followers\' messages', () => {
  test('following is idempotent; a follower (only) gets a message when the department publishes, once', async () => {
    expect(await ok(CITIZEN, 'announcement.follow', { departmentId: 'dept-housing', following: true })).toEqual({ departmentId: 'dept-housing', following: true });
    await ok(CITIZEN, 'announcement.follow', { departmentId: 'dept-housing', following: true });
    expect(await count('follows')).toBe(1);
    const a = await publishedAnnouncement(EDITOR, { title: '关于老旧小区加装电梯补贴申报的通知' });
    expect((await ok(CITIZEN, 'announcement.get', { id: a.id })).following).toBe(true);
    const mine = await ok(CITIZEN, 'message.list', {});
    expect(mine.items).toEqual([expect.objectContaining({ kind: 'announcement', kindLabel: '通知公告', title: '关于老旧小区加装电梯补贴申报的通知', read: false, subject: { kind: 'announcement', id: a.id } })]);
    expect((await ok(CITIZEN_B, 'message.list', {})).items).toEqual([]);
    // A re-publication (after an edit) is not news again; another department's announcement is not the follower's.
    const edited = await ok(EDITOR, 'announcement.save', { ...announcementInput({ title: '关于老旧小区加装电梯补贴申报的通知（修订）' }), id: a.id, version: a.version });
    await publish(edited);
    await publishedAnnouncement(EDITOR, { departmentId: 'dept-env' });
    expect((await ok(CITIZEN, 'message.list', {})).items).toHaveLength(1);
    expect(await ok(CITIZEN, 'announcement.follow', { departmentId: 'dept-housing', following: false })).toEqual({ departmentId: 'dept-housing', following: false });
    await ok(CITIZEN, 'announcement.follow', { departmentId: 'dept-housing', following: false });
    expect(await count('follows')).toBe(0);
    await publishedAnnouncement(EDITOR);
    expect((await ok(CITIZEN, 'message.list', {})).items).toHaveLength(1);
  });

  test('following an unknown department is NOT_FOUND; a bad payload is refused; without identity UNAUTHENTICATED', async () => {
    expect((await errorOf(CITIZEN, 'announcement.follow', { departmentId: 'dept-nowhere', following: true })).code).toBe('NOT_FOUND');
    expect((await errorOf(CITIZEN, 'announcement.follow', { departmentId: 'dept-housing' })).fields?.following).toBeDefined();
    expect((await errorOf(null, 'announcement.follow', { departmentId: 'dept-housing', following: true })).code).toBe('UNAUTHENTICATED');
    expect(await count('follows')).toBe(0);
  });

  test('a fan-out left unfinished is resumed by the timer without writing anyone twice', async () => {
    const followers = Array.from({ length: 7 }, (_, i) => `o_follower_${i}`);
    for (const f of followers) await ok(f, 'announcement.follow', { departmentId: 'dept-transport', following: true });
    const a = await publishedAnnouncement(EDITOR, { departmentId: 'dept-transport' });
    // As if the publishing request had stopped after the third follower.
    const stored = await docById<{ fanoutKey?: string }>('announcements', a.id);
    expect(stored?.fanoutKey).toBeUndefined();
    await database().collection('announcements').doc(a.id).update({ data: { fanoutKey: `x|${a.id}`, fanoutAfter: followers[2] } });
    await localCloud.fireTimer(main, 'tick');
    for (const f of followers) expect((await ok(f, 'message.list', {})).items).toHaveLength(1);
    expect(await count('messages')).toBe(7);
    expect((await docById<{ fanoutKey?: string }>('announcements', a.id))?.fanoutKey).toBeUndefined();
  });
});

test('home.get: the home feed names the latest three current announcements and the unread count', async () => {
  for (let d = 1; d <= 4; d++) await publishedAnnouncement(EDITOR, { title: `首页通告${d}`, date: `2026-02-0${d}` });
  const feed = await ok(CITIZEN, 'home.get', {});
  expect(feed.announcements.map((a) => a.title)).toEqual(['首页通告4', '首页通告3', '首页通告2']);
  expect(feed.unreadMessages).toBe(0);
  const anonymous = await callAs(null, 'home.get', {});
  expect(anonymous.ok && anonymous.data.unreadMessages).toBeUndefined();
});
