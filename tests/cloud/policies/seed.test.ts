// The demo policy library and consultations of `npm start`: made through the actions, every state the pages show.
import { localCloud } from '../../../tools/local-cloud';
import { seedDemo, SEEDERS } from '../../../tools/seed';
import { demoIdentity } from '../../../tools/seed/identities';
import { DRAFT_REPORT_TEMPLATE } from '../../../tools/seed/policies';
import { ok } from '../../helpers/cloud';

const who = (key: string) => demoIdentity(key).openid;

test('demo policies (two versions, expired, repealed), favourites, an open and a reported consultation', async () => {
  localCloud.clock.set('2026-11-25T06:00:00.000Z', { frozen: true });
  await seedDemo(SEEDERS.filter((s) => ['catalog', 'staff', 'cases', 'policies'].includes(s.name)));
  expect(localCloud.clock.now().toISOString()).toBe('2026-11-25T06:00:00.000Z');
  const citizen = who('citizenA');

  const library = await ok(citizen, 'policy.list', { limit: 50 });
  expect(library.items).toHaveLength(13);
  expect(library.items.filter((i) => i.status === 'expired').map((i) => i.title)).toEqual(['关于应对COVID-19疫情支持中小微企业稳定发展的若干措施']);
  expect((await ok(citizen, 'policy.list', { status: 'repealed' })).items.map((i) => i.title)).toEqual(['城市道路挖掘管理规定']);

  const fees = library.items.find((i) => i.title === '北京市住宅小区物业服务收费管理办法')!;
  const detail = await ok(citizen, 'policy.get', { id: fees.id });
  expect(detail).toMatchObject({ publishedVersion: 2, favorited: true, updatedNote: '于2026年11月13日修订' });
  expect(detail.versions.map((v) => v.version)).toEqual([2, 1]);
  expect(detail.explanation?.changes).toContain('每季度公示');
  expect(detail.related?.map((r) => r.title)).toEqual(['关于加强和改进住宅小区业主委员会建设的指导意见', '住宅专项维修资金管理实施细则']);
  expect(detail.attachments?.[0]).toMatchObject({ name: '物业服务收费标准.pdf', url: expect.any(String) });
  expect((await ok(citizen, 'policy.get', { id: fees.id, version: 1 })).paragraphs).toHaveLength(3);
  expect((await ok(citizen, 'policy.list', { favorites: true })).items).toHaveLength(2);
  // The title hit first, then body hits, newest first.
  expect((await ok(citizen, 'policy.list', { keyword: '物业' })).items.map((i) => i.title)).toEqual([
    '北京市住宅小区物业服务收费管理办法',
    '关于加强和改进住宅小区业主委员会建设的指导意见',
    '上海市生活垃圾分类投放指南',
  ]);

  const drafts = await ok(citizen, 'draft.list', {});
  expect(drafts.items.map((d) => [d.status, d.commentCount])).toEqual([
    ['open', 2],
    ['reported', 3],
  ]);
  const open = await ok(citizen, 'draft.get', { id: drafts.items[0]!.id });
  expect(open.comments.filter((c) => c.mine).map((c) => c.status)).toEqual(['approved', 'pending']);
  const reported = await ok(citizen, 'draft.get', { id: drafts.items[1]!.id });
  expect(reported.report?.counts).toEqual({ total: 3, adopted: 2, partly: 1, notAdopted: 0 });
  const notices = localCloud.openapi.calls.filter((c) => c.api === 'subscribeMessage.send' && (c.args as { templateId: string }).templateId === DRAFT_REPORT_TEMPLATE);
  expect(notices.map((c) => (c.args as { touser: string }).touser).sort()).toEqual([who('citizenA'), who('citizenB')].sort());
  expect((await ok(who('editor'), 'draft.moderationQueue', {})).items).toHaveLength(2);

  // The citizens' one search box finds the open consultation on the home page, and the pension policy.
  const ebike = await ok(citizen, 'search.query', { q: '电动自行车' });
  expect(ebike.groups.find((g) => g.kind === 'draft')?.items[0]?.id).toBe(drafts.items[0]!.id);
  const pension = await ok(citizen, 'search.query', { q: '退休金怎么领' });
  expect(pension.groups[0]?.items[0]?.titleParts.map((p) => p.text).join('')).toBe('关于调整退休人员基本养老金的通知');
}, 30_000);
