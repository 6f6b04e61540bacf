// The announcement and message-centre pages against the real function on the local cloud: the home feed's three
// latest, search on the list page, 已过期 on an expired one, following, 消息 with its unread count and read marks,
// and the editor's page creating and publishing.
import { localCloud } from '../../tools/local-cloud';
import { ok, seedCatalog, seedStaff } from '../helpers/cloud';
import { connectLocalCloud, mountPage, openPage, useIdentity, waitFor } from '../helpers/mp';
import { pickDate, typeText, waitForTestId } from '../helpers/policies';
import { allByTestId, byTestId, tap, textOf } from '../helpers/ui';
import { announcementInput } from '../cloud/announcements/helpers';

jest.setTimeout(60_000);

const EDITOR = 'o_mp_ann_editor';
const CITIZEN = 'o_mp_ann_citizen';
const OTHER = 'o_mp_ann_other';

beforeEach(async () => {
  connectLocalCloud(CITIZEN);
  localCloud.clock.set('2026-03-02T02:00:00.000Z', { frozen: true });
  await seedCatalog();
  await seedStaff(EDITOR, ['editor']);
});
afterAll(() => localCloud.close());
afterEach(() => jest.restoreAllMocks());

async function publish(over: Parameters<typeof announcementInput>[0] = {}) {
  const a = await ok(EDITOR, 'announcement.save', announcementInput(over));
  return ok(EDITOR, 'announcement.publish', { id: a.id, version: a.version });
}

test('the home page lists the latest three announcements from its one call and links to all of them', async () => {
  for (let d = 1; d <= 4; d++) await publish({ title: `首页通知${d}`, date: `2026-02-0${d}` });
  const page = mountPage('pages/index/index');
  await waitFor(page, (d) => (d.announcements as unknown[]).length === 3);
  expect(allByTestId(page, 'home-announcement').map((e) => e.textContent!.replace(/\s+/g, ''))).toEqual([
    '首页通知4住房和城乡建设局·2026年2月4日',
    '首页通知3住房和城乡建设局·2026年2月3日',
    '首页通知2住房和城乡建设局·2026年2月2日',
  ]);
  const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation((() => Promise.resolve()) as never);
  await tap(page, 'link-announcements');
  expect(navigate).toHaveBeenCalledWith({ url: '/pages/announcements/index' });
});

test('the list page searches with the keyword marked; an expired announcement opens marked 已过期', async () => {
  await publish({ title: '燃气安全检查入户通知', date: '2026-02-20' });
  await publish({ title: '公交线路调整公告', date: '2026-02-21', paragraphs: ['12路公交线路调整。'] });
  const expired = await publish({ title: '春节期间燃气缴费安排', date: '2026-01-20', expiresAt: '2026-02-10' });
  const page = await openPage('pages/announcements/index');
  expect(allByTestId(page, 'announcement-card')).toHaveLength(2);
  await typeText(page, '燃气', 'search');
  await tap(page, 'search-button');
  await waitFor(page, (d) => d.loading === false && d.searched === '燃气');
  expect(allByTestId(page, 'announcement-card')).toHaveLength(1);
  expect(byTestId(page, 'announcement-card')!.querySelector('[data-testid="hit"]')!.textContent).toBe('燃气');

  const detail = await openPage('pages/announcement/index', { id: expired.id });
  expect(textOf(detail, 'expired')).toBe('已过期');
  expect(textOf(detail, 'announcement')).toContain('有效期至2026年2月10日');
});

test('following from an announcement brings the department\'s next announcement into 消息; opening it marks it read', async () => {
  const first = await publish({ title: '第一条通知' });
  const detail = await openPage('pages/announcement/index', { id: first.id });
  await tap(detail, 'follow');
  await waitFor(detail, (d) => d.following === true);
  const next = await publish({ title: '关注后的新通知' });

  const mine = await openPage('pages/mine/index');
  expect(textOf(mine, 'entry-messages')).toContain('1 条未读');
  const page = await openPage('pages/messages/index');
  expect(textOf(page, 'unread')).toBe('1 条未读');
  expect(textOf(page, 'message')).toContain('关注后的新通知');
  expect(textOf(page, 'message')).toContain('通知公告');
  const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation((() => Promise.resolve()) as never);
  await tap(page, 'message');
  expect(navigate).toHaveBeenCalledWith({ url: `/pages/announcement/index?id=${next.id}` });
  await waitFor(page, (d) => d.unread === 0);
  await new Promise((r) => setTimeout(r, 200));
  expect(await ok(CITIZEN, 'message.unread', {})).toEqual({ unread: 0 });

  // Another citizen's 消息 is empty.
  useIdentity(OTHER);
  const theirs = mountPage('pages/messages/index');
  await waitFor(theirs, (d) => d.loading === false);
  expect(byTestId(theirs, 'empty')).not.toBeNull();
});

test('全部已读 marks every message read', async () => {
  await ok(CITIZEN, 'announcement.follow', { departmentId: 'dept-housing', following: true });
  await publish();
  await publish();
  const page = await openPage('pages/messages/index');
  expect(allByTestId(page, 'unread-dot')).toHaveLength(2);
  await tap(page, 'read-all');
  await waitFor(page, (d) => d.unread === 0);
  expect(allByTestId(page, 'unread-dot')).toHaveLength(0);
  expect(await ok(CITIZEN, 'message.unread', {})).toEqual({ unread: 0 });
});

test('the editor writes and publishes an announcement; a refusal shows under its field', async () => {
  useIdentity(EDITOR);
  const page = await openPage('staff/announcement-edit/index');
  await typeText(page, '关于春节期间办事大厅开放时间的通知', 'field-title');
  await pickDate(page, 'date-date', '2026-03-02');
  await pickDate(page, 'date-expiresAt', '2026-03-01');
  await typeText(page, '春节期间办事大厅正常开放。\n\n服务时间为9:00至12:00。', 'field-body');
  await tap(page, 'publish');
  await waitFor(page, (d) => d.saving === false && !!(d.errors as Record<string, string>).expiresAt);
  expect((page.data.errors as Record<string, string>).expiresAt).toBe('有效期不能早于发布日期');
  await pickDate(page, 'date-expiresAt', '2026-03-31');
  await tap(page, 'publish');
  await waitFor(page, (d) => d.status === 'published');
  await waitForTestId(page, 'withdraw-block');
  const list = await ok(CITIZEN, 'announcement.list', {});
  expect(list.items.map((i) => i.title)).toEqual(['关于春节期间办事大厅开放时间的通知']);
  expect((await ok(CITIZEN, 'announcement.get', { id: list.items[0]!.id })).paragraphs).toEqual(['春节期间办事大厅正常开放。', '服务时间为9:00至12:00。']);
});

test('the editor opens a saved announcement; a stale save keeps what was typed and says to reopen', async () => {
  const saved = await ok(EDITOR, 'announcement.save', announcementInput({ title: '关于办事大厅调整开放时间的通知' }));
  useIdentity(EDITOR);
  const page = await openPage('staff/announcement-edit/index', { id: saved.id });
  await waitFor(page, (d) => d.loading === false && !d.isNew);
  expect((page.data.form as { title: string }).title).toBe('关于办事大厅调整开放时间的通知');
  // Another editor saves first: this page's version is stale.
  await ok(EDITOR, 'announcement.save', { ...announcementInput({ title: '别人改过的标题' }), id: saved.id, version: saved.version });
  await typeText(page, '关于办事大厅开放时间的更正通知', 'field-title');
  await tap(page, 'save');
  await waitFor(page, (d) => d.saving === false && Boolean(d.message));
  expect(page.data.message).toContain('别人刚刚修改过这条通知公告，请返回列表重新打开后再改');
  expect((page.data.form as { title: string }).title).toBe('关于办事大厅开放时间的更正通知');
  expect((await ok(EDITOR, 'announcement.get', { id: saved.id })).title).toBe('别人改过的标题');
});
