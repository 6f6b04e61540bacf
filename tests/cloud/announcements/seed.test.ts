// The demo announcements and message centre of `npm start`: made through the actions, every state the pages show.
import { localCloud } from '../../../tools/local-cloud';
import { seedDemo, SEEDERS } from '../../../tools/seed';
import { demoIdentity } from '../../../tools/seed/identities';
import { ok } from '../../helpers/cloud';

const who = (key: string) => demoIdentity(key).openid;

test('a dozen announcements from several departments, one revised, one expired, one withdrawn; 张阿姨 follows one and reads 消息', async () => {
  localCloud.clock.set('2026-11-25T06:00:00.000Z', { frozen: true });
  await seedDemo(SEEDERS.filter((s) => ['catalog', 'staff', 'cases', 'announcements'].includes(s.name)));
  expect(localCloud.clock.now().toISOString()).toBe('2026-11-25T06:00:00.000Z');
  const citizen = who('citizenA');

  const current = await ok(citizen, 'announcement.list', { limit: 50 });
  expect(current.items).toHaveLength(11);
  expect(new Set(current.items.map((i) => i.departmentName)).size).toBeGreaterThanOrEqual(5);
  expect(current.items[0]!.title).toBe('关于幸福路燃气管道施工期间交通管制的通告');
  const all = await ok(who('editor'), 'announcement.list', { status: 'all', limit: 50 });
  expect(all.items).toHaveLength(13);
  const expired = all.items.find((i) => i.title === '关于12路公交线路临时调整的公告')!;
  expect(await ok(citizen, 'announcement.get', { id: expired.id })).toMatchObject({ status: 'expired', statusLabel: '已过期' });
  expect(all.items.filter((i) => i.status === 'withdrawn')).toHaveLength(1);
  const elevator = current.items.find((i) => i.title.includes('加装电梯'))!;
  expect((await ok(citizen, 'announcement.get', { id: elevator.id })).versions.map((v) => [v.version, v.note])).toEqual([[2, '申报截止时间延长至下月15日'], [1, undefined]]);
  expect((await ok(citizen, 'announcement.list', { keyword: '停车' })).items.map((i) => i.title)).toEqual(['关于调整中心城区路边停车收费标准的公告']);

  const feed = await ok(citizen, 'home.get', {});
  expect(feed.announcements.map((a) => a.id)).toEqual(current.items.slice(0, 3).map((i) => i.id));
  const inbox = await ok(citizen, 'message.list', { limit: 50 });
  expect(inbox.items.filter((m) => m.kind === 'announcement').map((m) => m.title).sort()).toEqual(
    ['关于12路公交线路临时调整的公告', '关于地铁1号线夜间延长运营的通知', '关于调整中心城区路边停车收费标准的公告', '关于幸福路燃气管道施工期间交通管制的通告'].sort(),
  );
  expect(inbox.items.some((m) => m.kind === 'case_status')).toBe(true);
  expect(inbox.unread).toBeGreaterThan(4);
  expect(feed.unreadMessages).toBe(inbox.unread);
});
