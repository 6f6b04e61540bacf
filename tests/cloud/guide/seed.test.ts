// The demo service guide of `npm start`: made through the actions, with a revised item, a draft, links to the demo
// policies both ways, and hot questions on the home page.
import { localCloud } from '../../../tools/local-cloud';
import { seedDemo, SEEDERS } from '../../../tools/seed';
import { DRAFT_ITEM, HOT_QUESTIONS_PINNED } from '../../../tools/seed/guide';
import { GUIDE_FIXTURES } from '../../../tools/seed/guide-items';
import { demoIdentity } from '../../../tools/seed/identities';
import { ok } from '../../helpers/cloud';

const who = (key: string) => demoIdentity(key).openid;

test('demo guide: every item but one published, one revised, related policies linked back, hot questions pinned', async () => {
  localCloud.clock.set('2026-11-25T06:00:00.000Z', { frozen: true });
  await seedDemo(SEEDERS.filter((s) => ['catalog', 'staff', 'cases', 'policies', 'guide'].includes(s.name)));
  const citizen = who('citizenA');
  const items = [];
  let cursor: string | undefined;
  do {
    const page = await ok(citizen, 'guide.list', { limit: 50, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  expect(items).toHaveLength(GUIDE_FIXTURES.length - 1);
  const draftName = GUIDE_FIXTURES.find((f) => f.key === DRAFT_ITEM)!.name;
  expect(items.map((i) => i.name)).not.toContain(draftName);
  expect((await ok(who('editor'), 'guide.list', { status: 'draft' })).items.map((i) => i.name)).toEqual([draftName]);

  const renewal = await ok(citizen, 'guide.get', { id: items.find((i) => i.name === '居民身份证换领')!.id });
  expect(renewal.versions.map((v) => [v.version, v.note])).toEqual([
    [2, '新增邮寄送达方式'],
    [1, undefined],
  ]);
  const fund = await ok(citizen, 'guide.get', { id: items.find((i) => i.name.startsWith('住房公积金提取'))!.id });
  expect(fund.relatedPolicies.map((p) => p.title)).toHaveLength(1);
  const policy = await ok(citizen, 'policy.get', { id: fund.relatedPolicies[0]!.id });
  expect(policy.relatedGuideItems?.map((i) => i.name)).toEqual(['住房公积金个人住房贷款申请', '住房公积金提取（购房、租房）']);

  const home = await ok(citizen, 'home.get', {});
  expect(home.hotQuestions).toHaveLength(HOT_QUESTIONS_PINNED);
  expect(home.openDrafts.length).toBeGreaterThan(0);

  // Seeding again changes nothing.
  await seedDemo(SEEDERS.filter((s) => s.name === 'guide'));
  expect(localCloud.db.collectionSize('guide_items')).toBe(GUIDE_FIXTURES.length);
  expect(localCloud.db.collectionSize('hot_questions')).toBe(HOT_QUESTIONS_PINNED);
});
