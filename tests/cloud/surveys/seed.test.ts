// The demo surveys of `npm start`: an open one with answers (linked to the open consultation), one with results.
import { localCloud } from '../../../tools/local-cloud';
import { seedDemo, SEEDERS } from '../../../tools/seed';
import { demoIdentity } from '../../../tools/seed/identities';
import { ok } from '../../helpers/cloud';

const who = (key: string) => demoIdentity(key).openid;

test('an open survey with answers and a survey with published results; seeding twice changes nothing', async () => {
  localCloud.clock.set('2026-11-25T06:00:00.000Z', { frozen: true });
  const seeders = SEEDERS.filter((s) => ['catalog', 'staff', 'cases', 'policies', 'surveys'].includes(s.name));
  await seedDemo(seeders);
  expect(localCloud.clock.now().toISOString()).toBe('2026-11-25T06:00:00.000Z');
  const list = await ok(who('citizenA'), 'survey.list', {});
  expect(list.items.map((i) => [i.title, i.status])).toEqual([
    ['小区电动自行车充电设施需求调查', 'open'],
    ['中心城区公交线网优化满意度调查', 'published'],
  ]);
  const [open, done] = list.items;
  const mine = await ok(who('citizenB'), 'survey.get', { id: open!.id });
  expect(mine).toMatchObject({ canAnswer: true, anonymous: true, mine: { revision: 1 } });
  expect((await ok(who('citizenA'), 'survey.get', { id: open!.id })).mine).toBeUndefined();
  expect((await ok(who('editor'), 'survey.results', { id: open!.id })).respondents).toBe(8);
  const results = await ok(who('citizenA'), 'survey.results', { id: done!.id });
  expect(results).toMatchObject({ respondents: 12, summary: expect.stringContaining('12 位市民') });
  expect(results.questions[3]!.texts!.items).toHaveLength(2);
  const draftId = mine.draftId!;
  expect((await ok(who('citizenA'), 'draft.get', { id: draftId })).survey?.title).toBe('小区电动自行车充电设施需求调查');
  await seedDemo(seeders.filter((s) => s.name === 'surveys'));
  expect((await ok(who('editor'), 'survey.results', { id: done!.id })).respondents).toBe(12);
  expect((await ok(who('editor'), 'survey.list', {})).items).toHaveLength(2);
});
