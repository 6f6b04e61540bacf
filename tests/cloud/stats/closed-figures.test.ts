// The figures of closed days kept by a warm instance (repositories/closed-figures.ts, ADR 0098), on as in production
// (jest turns the warm caches off everywhere else): a past day is read once and kept for the TTL, today's is read on
// every call, and a past day this instance writes (a repair, an event under a clock running behind) is read afresh.
import type { DashboardResponse } from '../../../typings/api';
import { localCloud } from '../../../tools/local-cloud';
import { recomputeDay } from '../../../cloudfunctions/api/src/repositories/stats';
import { database, ok } from '../../helpers/cloud';
import { at, CITIZEN, setUpAgency, submission, SUPERVISOR, WEDNESDAY_10H } from '../cases/helpers';

const saved = process.env.CONFIG_CACHE_TTL_MS;
beforeAll(() => {
  process.env.CONFIG_CACHE_TTL_MS = '60000';
});
afterAll(() => {
  process.env.CONFIG_CACHE_TTL_MS = saved;
});

// Monday 23 to today, Wednesday 25 November 2026: three day documents, a point each.
const PERIOD = { period: 'custom', from: '2026-11-23', to: '2026-11-25' } as const;

const writeDay = (id: string, received: number) =>
  localCloud.invoke(() => database().collection('case_daily').doc(id).set({ data: { day: id, all: { received }, depts: { 'dept-housing': { received } } } }), {});

async function received(): Promise<{ total: number | null; housing: number | null; points: Array<number | null> }> {
  const d: DashboardResponse = await ok(SUPERVISOR, 'stats.dashboard', PERIOD);
  const value = (s: DashboardResponse['scope']) => s.figures.find((f) => f.key === 'received')!.value;
  return {
    total: value(d.scope),
    housing: value(d.departments.find((x) => x.departmentId === 'dept-housing')!),
    points: d.series.find((s) => s.key === 'received')!.points.map((p) => p.value),
  };
}

test('a closed day is kept for the TTL, today is always read, and a closed day written through the instance is read again', async () => {
  await setUpAgency();
  await writeDay('20261124', 2);
  await writeDay('20261125', 1);
  expect(await received()).toEqual({ total: 3, housing: 3, points: [0, 2, 1] });

  // Behind the instance (another instance, a direct write): today's change is seen at once, yesterday's after the TTL.
  await writeDay('20261124', 5);
  await writeDay('20261125', 4);
  expect(await received()).toEqual({ total: 6, housing: 6, points: [0, 2, 4] });

  // A repair through this instance rebuilds yesterday from its events (none): read afresh.
  await localCloud.invoke(() => recomputeDay('20261124'), {});
  expect(await received()).toEqual({ total: 4, housing: 4, points: [0, 0, 4] });

  // A clock running behind writes an event into yesterday through this instance: counted at once.
  at('2026-11-24T03:00:00.000Z');
  await ok(CITIZEN, 'case.submit', submission());
  at(WEDNESDAY_10H);
  expect(await received()).toEqual({ total: 5, housing: 4, points: [0, 1, 4] });
});

test('with the warm caches off (CONFIG_CACHE_TTL_MS=0) a write behind the instance to a closed day is seen at once', async () => {
  process.env.CONFIG_CACHE_TTL_MS = '0';
  await setUpAgency();
  await writeDay('20261124', 2);
  expect((await received()).points).toEqual([0, 2, 0]);
  await writeDay('20261124', 7);
  expect((await received()).points).toEqual([0, 7, 0]);
});
