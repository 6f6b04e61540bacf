// The demo consultations of `npm start`: made through the actions, every status present, and the queue's maintained
// counters equal to what the lists hold.
import { localCloud } from '../../../tools/local-cloud';
import { seedDemo, SEEDERS } from '../../../tools/seed';
import { DEMO_COSIGNERS } from '../../../tools/seed/cases';
import { demoIdentity } from '../../../tools/seed/identities';
import { ok } from '../../helpers/cloud';

const who = (key: string) => demoIdentity(key).openid;

test('demo cases in every status, with letters, an overdue case and messages in the outbox', async () => {
  localCloud.clock.set('2026-11-25T06:00:00.000Z', { frozen: true });
  await seedDemo(SEEDERS.filter((s) => ['catalog', 'staff', 'cases'].includes(s.name)));
  expect(localCloud.clock.now().toISOString()).toBe('2026-11-25T06:00:00.000Z');

  const a = await ok(who('citizenA'), 'case.listMine', { limit: 50 });
  const b = await ok(who('citizenB'), 'case.listMine', { limit: 50 });
  const statuses = new Set([...a.items, ...b.items].map((i) => i.status));
  expect([...statuses].sort()).toEqual(['accepted', 'closed', 'needs_info', 'processing', 'rejected', 'replied', 'submitted', 'withdrawn']);
  expect(a.items.length + b.items.length).toBe(14);

  const queue = await ok(who('supervisor'), 'case.queue', { limit: 50 });
  const overdue = await ok(who('supervisor'), 'case.queue', { overdue: true, limit: 50 });
  expect(overdue.items.map((i) => i.title)).toEqual(['老旧小区改造补贴申请条件']);
  expect(overdue.items[0]).toMatchObject({ escalated: true, overdue: true });
  const byStatus = (s: string) => queue.items.filter((i) => i.status === s).length;
  expect(queue.counts).toMatchObject({
    all: queue.items.length,
    submitted: byStatus('submitted'),
    accepted: byStatus('accepted'),
    processing: byStatus('processing'),
    needs_info: byStatus('needs_info'),
    overdue: overdue.items.length,
    replied: (await ok(who('supervisor'), 'case.queue', { status: 'replied' })).items.length,
  });
  const letters = await ok(null, 'case.listPublic', {});
  expect(letters.items.map((l) => l.title).sort()).toEqual(['小区电梯长期故障无人维修', '物业费收费标准咨询', '老旧小区加装电梯进度咨询', '建议老旧小区改造同步增设充电桩'].sort());
  // 附议: the published suggestion carries its co-signs; other letters cannot be co-signed.
  expect(letters.items.find((l) => l.title === '建议老旧小区改造同步增设充电桩')).toMatchObject({ cosignable: true, cosignCount: DEMO_COSIGNERS });
  expect(letters.items.filter((l) => l.cosignable)).toHaveLength(1);
  const letter = await ok(null, 'case.getPublic', { id: letters.items.find((l) => l.title === '小区电梯长期故障无人维修')!.id });
  expect(letter.content).not.toContain('幸福里小区');
  expect(localCloud.openapi.calls.filter((c) => c.api === 'subscribeMessage.send').length).toBeGreaterThan(10);
  const settings = await ok(who('admin'), 'admin.settings.get', {});
  expect(settings.subscribeTemplates.caseStatus?.templateId).toBe('demo-tpl-case-status');
  expect(settings.replyTemplates).toHaveLength(3);
});
