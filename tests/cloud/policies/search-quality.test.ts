// Search quality over a library of 57 policies (tests/fixtures/policies.ts), searched as a citizen through the function
// on the local cloud in strict mode, so every answer is proved to come from the token indexes. The library is loaded
// before each test (the local cloud is emptied between tests) with bulkInsert, as documents built by the same domain
// functions policy.save and policy.publish use; policies.test.ts covers search through those actions.
// Expected results are written down: title (or document number) hits first, then body-only hits, each newest first.
import { applyPublish, newPolicy } from '../../../cloudfunctions/api/src/domain/policies/lifecycle';
import { tokensOf } from '../../../cloudfunctions/api/src/domain/policies/policy';
import { localCloud } from '../../../tools/local-cloud';
import { DEMO_CATEGORIES } from '../../../tools/seed/catalog';
import { ok } from '../../helpers/cloud';
import { POLICY_FIXTURES } from '../../fixtures/policies';
import { CITIZEN, T0, at } from './helpers';

const PREFIX = 'fx-';
const keyOf = (id: string): string => id.slice(PREFIX.length);

beforeEach(() => {
  at(T0);
  localCloud.db.bulkInsert('categories', DEMO_CATEGORIES.map((c) => ({ ...c })));
  const t0 = Date.parse(T0) - 86_400_000;
  const docs = POLICY_FIXTURES.map((f, i) => {
    const instant = new Date(t0 + i * 1000).toISOString();
    const content = { title: f.title, ...(f.docNo ? { docNo: f.docNo } : {}), issuer: f.issuer, categoryId: f.categoryId, issuedAt: f.issuedAt, paragraphs: f.paragraphs };
    return applyPublish(newPolicy(`${PREFIX}${f.key}`, content, instant), null, instant, undefined).doc;
  });
  localCloud.db.bulkInsert('policies', docs as unknown as Record<string, unknown>[]);
});

async function search(keyword: string, limit = 50): Promise<string[]> {
  const page = await ok(CITIZEN, 'policy.list', { keyword, limit });
  return page.items.map((i) => keyOf(i.id));
}

const EXPECTED: Array<[string, string, string[]]> = [
  // exact titles
  ['exact title', '关于加快5G网络建设和应用发展的实施意见', ['5g-infrastructure']],
  ['exact title', '住宅专项维修资金管理实施细则', ['property-maintenance-fund']],
  // partial words: titles first, then bodies, newest first in each
  ['two characters', '养老', ['pension-insurance', 'elderly-home-care', 'individual-income-tax']],
  ['two characters', '物业', ['property-beijing', 'parking-fees', 'elderly-meal-assistance', 'charging-piles', 'property-committee', 'garbage-sorting-shanghai']],
  ['two characters', '公积', ['housing-fund-loan', 'housing-fund-rent', 'elevator-retrofit']],
  ['two characters', '医保', ['medical-insurance-outpatient', 'medical-insurance-remote', 'long-term-care-insurance']],
  ['two characters', '电梯', ['elevator-retrofit', 'property-maintenance-fund', 'old-estate-renovation']],
  ['three characters', '老年人', ['bus-fare-elderly', 'elderly-digital-divide', 'elderly-meal-assistance', 'elderly-home-care']],
  ['four characters', '垃圾分类', ['garbage-sorting-rules', 'garbage-sorting-shanghai', 'waste-reduction']],
  ['one character', '税', ['individual-income-tax', 'tax-relief-small', 'childcare-subsidy']],
  ['two words', '物业 收费', ['property-beijing', 'parking-fees']],
  // document numbers, in the bracket style of the document and in others, with full-width digits
  ['document number', '国办发〔2020〕53号', ['hotline-12345']],
  ['document number, square brackets', '国办发[2020]53号', ['hotline-12345']],
  ['document number, full-width', '国办发（２０２０）５３号', ['hotline-12345']],
  ['document number', '京政发〔2021〕8号', ['bizenv-beijing']],
  ['document number, round brackets', '粤府办(2022)15号', ['bizenv-guangdong']],
  ['document number, no serial', '国办发〔2020〕', ['hotline-12345', 'elderly-digital-divide', 'bizenv-national']],
  ['issuer code', '京政发', ['bizenv-beijing']],
  // mixed ASCII
  ['ASCII', '5G', ['5g-apps', '5g-infrastructure']],
  ['ASCII, lower case', '5g', ['5g-apps', '5g-infrastructure']],
  ['ASCII, full-width', '５Ｇ', ['5g-apps', '5g-infrastructure']],
  ['ASCII with Chinese', '5G 基站', ['5g-infrastructure']],
  ['ASCII', 'COVID-19', ['covid-relief', 'covid-prevention']],
  ['ASCII prefix', 'covid', ['covid-relief', 'covid-prevention']],
  ['ASCII', 'ETC', ['etc-highway']],
  ['digits', '12345', ['road-potholes', 'property-beijing', 'noise-construction', 'bizenv-beijing', 'hotline-12345', 'wage-arrears']],
  ['ASCII, body only', 'APP', ['medical-insurance-remote', 'housing-fund-rent', 'unemployment-insurance']],
  // nothing
  ['no result', '量子计算机', []],
  ['no result', 'blockchain', []],
];

test.each(EXPECTED)('%s: %s', async (_kind, keyword, expected) => {
  expect(await search(keyword)).toEqual(expected);
});

test('the title hit is marked in the title, and a body hit gets an excerpt around it', async () => {
  const page = await ok(CITIZEN, 'policy.list', { keyword: '5G' });
  expect(page.items[1]!.titleParts).toEqual([
    { text: '关于加快', hit: false },
    { text: '5G', hit: true },
    { text: '网络建设和应用发展的实施意见', hit: false },
  ]);
  const body = await ok(CITIZEN, 'policy.list', { keyword: 'ETC' });
  expect(body.items[0]!.snippet?.find((p) => p.hit)?.text).toBe('ETC');
  const long = await ok(CITIZEN, 'policy.list', { keyword: '异地就医' });
  const snippet = long.items[0]!.snippet!;
  expect(snippet.map((p) => p.text).join('').length).toBeLessThanOrEqual(82);
  expect(snippet.some((p) => p.hit && p.text === '异地就医')).toBe(true);
});

test('paging through a search crosses from title hits to body hits without gaps or repeats', async () => {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 5; i++) {
    const page = await ok(CITIZEN, 'policy.list', cursor ? { keyword: '物业', limit: 2, cursor } : { keyword: '物业', limit: 2 });
    seen.push(...page.items.map((x) => keyOf(x.id)));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  expect(seen).toEqual(EXPECTED.find(([, k]) => k === '物业')![2]);
});

test('a search within a category', async () => {
  expect((await ok(CITIZEN, 'policy.list', { keyword: '物业', categoryId: 'cat-property' })).items.map((i) => keyOf(i.id))).toEqual([
    'property-beijing',
    'charging-piles',
    'property-committee',
  ]);
});

test('token arrays stay small: at most two per body character, whole bodies tokenized', () => {
  for (const f of POLICY_FIXTURES) {
    const { titleTokens, searchTokens } = tokensOf({ title: f.title, docNo: f.docNo, issuer: f.issuer, categoryId: f.categoryId, paragraphs: f.paragraphs });
    const chars = [...`${f.title}${f.docNo ?? ''}${f.paragraphs.join('')}`].length;
    expect(searchTokens.length).toBeLessThanOrEqual(2 * chars);
    expect(searchTokens).toEqual(expect.arrayContaining(titleTokens));
    // The last paragraph is indexed as well as the first.
    const runs = f.paragraphs[f.paragraphs.length - 1]!.match(/[\u4e00-\u9fff]{2,}/g)!;
    expect(searchTokens).toContain(runs[runs.length - 1]!.slice(-2));
  }
});
