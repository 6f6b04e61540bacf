// The demo statistics of `npm start`: the seeded residents' cases make a non-empty dashboard and public statistics,
// with one department under the public threshold.
import { localCloud } from '../../../tools/local-cloud';
import { seedDemo, SEEDERS } from '../../../tools/seed';
import { demoIdentity } from '../../../tools/seed/identities';
import { ok } from '../../helpers/cloud';

test('the demo agency has figures this month, and "样本过少" where a department has too few cases', async () => {
  localCloud.clock.set('2026-11-25T06:00:00.000Z', { frozen: true });
  await seedDemo(SEEDERS.filter((s) => ['catalog', 'staff', 'cases', 'stats'].includes(s.name)));
  expect(localCloud.clock.now().toISOString()).toBe('2026-11-25T06:00:00.000Z');
  const d = await ok(demoIdentity('supervisor').openid, 'stats.dashboard', { period: 'month' });
  const received = d.scope.figures.find((f) => f.key === 'received')!.value!;
  expect(received).toBeGreaterThanOrEqual(13);
  expect(d.scope.figures.find((f) => f.key === 'answered')!.value).toBeGreaterThan(0);
  expect(d.scope.ratings.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  expect(d.departments.find((x) => x.departmentId === 'dept-transport')!.figures.find((f) => f.key === 'extensions')!.value).toBe(1);

  const pub = await ok(null, 'stats.public', {});
  const row = (id: string) => pub.departments.find((r) => r.departmentId === id)!;
  expect(row('dept-housing').received).toBeGreaterThanOrEqual(5);
  expect(row('dept-transport').received).toBeGreaterThanOrEqual(5);
  expect(row('dept-env').note).toBe('样本过少');
  expect(pub.overall.received).toBe(received);
});
