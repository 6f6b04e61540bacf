// Search quality over the demo service guide (tools/seed/guide-items.ts, 32 real-style items), searched as a citizen
// would type, through the function on the local cloud in strict mode: every answer comes from the token indexes.
// The items are loaded as documents built by the same domain functions guide.save and guide.publish use.
import { applyGuidePublish, newGuideDoc } from '../../../cloudfunctions/api/src/domain/guide/item';
import { localCloud } from '../../../tools/local-cloud';
import { GUIDE_FIXTURES } from '../../../tools/seed/guide-items';
import { ok } from '../../helpers/cloud';

const CITIZEN = 'o_guide_searcher';
const T0 = '2026-03-02T01:00:00.000Z';

beforeEach(() => {
  localCloud.clock.set(T0, { frozen: true });
  const docs = GUIDE_FIXTURES.map(({ key, relatedPolicies: _r, ...content }) => applyGuidePublish(newGuideDoc(key, content, T0), T0, undefined).doc);
  localCloud.db.bulkInsert('guide_items', docs as unknown as Record<string, unknown>[]);
});

async function search(keyword: string, limit = 50): Promise<string[]> {
  return (await ok(CITIZEN, 'guide.list', { keyword, limit })).items.map((i) => i.id);
}

test('the fixture is a guide of at least 30 items with materials and offices', () => {
  expect(GUIDE_FIXTURES.length).toBeGreaterThanOrEqual(30);
  expect(new Set(GUIDE_FIXTURES.map((f) => f.key)).size).toBe(GUIDE_FIXTURES.length);
  expect(GUIDE_FIXTURES.every((f) => f.materials.length > 0 && f.offices.length > 0 && f.basis.length > 0)).toBe(true);
});

/** What a citizen types, and the item that must come first. */
const TOP_HITS: Array<[string, string]> = [
  ['身份证到期', 'id-card-renewal'],
  ['身份证换领', 'id-card-renewal'],
  ['身份证丢了', 'id-card-lost'],
  ['临时身份证', 'temporary-id-card'],
  ['上户口', 'hukou-birth'],
  ['暂住证', 'residence-permit'],
  ['护照', 'passport'],
  ['港澳通行证', 'hk-macao-pass'],
  ['养老金', 'pension-claim'],
  ['城乡居民养老保险', 'pension-claim'],
  ['退休', 'pension-employee-retire'],
  ['社保卡', 'social-security-card'],
  ['医保缴费', 'medical-insurance-resident'],
  ['异地就医', 'medical-reimbursement'],
  ['失业金', 'unemployment-benefit'],
  ['工伤', 'work-injury'],
  ['公积金提取', 'housing-fund-withdraw'],
  ['租房提取公积金', 'housing-fund-withdraw'],
  ['公积金贷款', 'housing-fund-loan'],
  ['过户', 'property-registration'],
  ['公租房', 'public-rental'],
  ['加装电梯', 'elevator-retrofit'],
  ['电动车上牌', 'ebike-registration'],
  ['电动自行车', 'ebike-registration'],
  ['换驾照', 'driving-licence-renewal'],
  ['停车包月', 'parking-permit'],
  ['生育登记', 'birth-registration'],
  ['准生证', 'birth-registration'],
  ['生育津贴', 'maternity-allowance'],
  ['结婚证', 'marriage-registration'],
  ['育儿补贴', 'child-care-subsidy'],
  ['低保', 'minimum-living'],
  ['临时救助', 'temporary-assistance'],
  ['高龄津贴', 'elderly-allowance'],
  ['残疾证', 'disability-card'],
  ['营业执照', 'business-licence'],
  ['注册公司', 'company-setup'],
  ['开饭店', 'food-business-licence'],
  ['发票', 'invoice'],
];

test.each(TOP_HITS)('%s → %s first', async (keyword, expected) => {
  expect((await search(keyword))[0]).toBe(expected);
});

test('a word of the materials finds the items that ask for it', async () => {
  const hits = await search('户口簿');
  expect(hits).toEqual(expect.arrayContaining(['id-card-renewal', 'id-card-lost', 'hukou-birth', 'minimum-living', 'public-rental', 'marriage-registration']));
  expect(hits).not.toContain('passport');
});

test('name hits come before hits elsewhere, shortest name first', async () => {
  const hits = await search('身份证');
  expect(hits.slice(0, 3)).toEqual(['id-card-renewal', 'temporary-id-card', 'id-card-lost']);
  // Then items that ask for the card among their materials or conditions (the passport, the pension ...).
  expect(hits.length).toBeGreaterThan(10);
  expect(hits).toContain('passport');
});

test('nothing for what the guide does not hold', async () => {
  expect(await search('量子计算机')).toEqual([]);
  expect(await search('blockchain')).toEqual([]);
});

test('searchGuideItems, the source a unified search plugs in: the same ranking, paged by its cursor', async () => {
  const { searchGuideItems } = await import('../../../cloudfunctions/api/src/repositories/guide');
  const run = <T>(fn: () => Promise<T>): Promise<T> => localCloud.invoke(() => fn(), {});
  const all = await search('公积金');
  const first = await run(() => searchGuideItems('公积金', { limit: 1 }));
  expect(first.items.map((i) => i.id)).toEqual(all.slice(0, 1));
  expect(first.items[0]!.nameParts?.some((p) => p.hit && p.text === '公积金')).toBe(true);
  const rest = await run(() => searchGuideItems('公积金', { limit: 50, cursor: first.nextCursor! }));
  expect([...first.items, ...rest.items].map((i) => i.id)).toEqual(all);
  expect(rest.nextCursor).toBeNull();
  expect(await run(() => searchGuideItems('？！', { limit: 5 }))).toEqual({ items: [], nextCursor: null });
});
