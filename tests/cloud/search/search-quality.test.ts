// Search quality of the citizens' one search box, over the 57-policy library (tests/fixtures/policies.ts), two draft
// consultations and four public letters, through search.query on the strict local cloud (every answer from the token
// indexes). Each query is written as citizens ask (口语, synonyms, question words); its expected top hit, within the
// kind it belongs to, is written down.
import type { SearchKind } from '../../../typings/api';
import { draftTokens, type DraftDoc } from '../../../cloudfunctions/api/src/domain/policies/drafts';
import { applyPublish, newPolicy } from '../../../cloudfunctions/api/src/domain/policies/lifecycle';
import { indexTokens } from '../../../cloudfunctions/api/src/domain/search-tokens';
import type { LetterDoc } from '../../../cloudfunctions/api/src/domain/case-doc';
import { localCloud } from '../../../tools/local-cloud';
import { DEMO_CATEGORIES } from '../../../tools/seed/catalog';
import { ok } from '../../helpers/cloud';
import { POLICY_FIXTURES } from '../../fixtures/policies';
import { CITIZEN, T0, at } from '../policies/helpers';

const DAY = 86_400_000;

function draft(id: string, title: string, paragraphs: string[], opensDaysAgo: number, days: number): DraftDoc {
  const opensAt = new Date(Date.parse(T0) - opensDaysAgo * DAY).toISOString();
  const closesAt = new Date(Date.parse(opensAt) + days * DAY).toISOString();
  return {
    _id: id, title, paragraphs, opensAt, closesAt, normative: false, version: 1, createdAt: opensAt, updatedAt: opensAt,
    openKey: `${opensAt}|${id}`, closeKey: `${closesAt}|${id}`, reported: false, approvedCounts: {}, approvedTotal: 0, decisionsRev: 0,
    ...draftTokens({ title, paragraphs }),
  };
}

function letter(id: string, title: string, content: string, daysAgo: number): LetterDoc {
  const at = new Date(Date.parse(T0) - daysAgo * DAY).toISOString();
  return {
    _id: id, title, content, reply: '已转交相关部门办理。', type: 'inquiry', categoryId: 'cat-property', submittedAt: at, repliedAt: at,
    visible: true, listKey: `${at}|${id}`, searchTokens: indexTokens(title, content), publishedAt: at,
  };
}

const DRAFTS = [
  draft('ebike', '住宅小区电动自行车停放充电管理办法（征求意见稿）', ['第一条 为加强住宅小区电动自行车停放充电管理，预防和减少火灾事故，制定本办法。', '第二条 禁止在楼道、疏散通道、安全出口停放电动自行车或者为其充电。'], 10, 35),
  draft('bus', '关于优化调整中心城区公交线网的实施方案（征求意见稿）', ['一、调整与地铁线路重复度高的公交线路，增加社区微循环线路。', '二、早高峰时段加密56路、72路等客流集中线路的班次。'], 60, 32),
];

const LETTERS = [
  letter('l-ebike', '楼道里给电瓶车充电太危险', '我们单元楼道里经常有人给电瓶车充电，晚上也不拔插头，请物业管一管。', 5),
  letter('l-fund', '公积金贷款额度咨询', '请问用住房公积金贷款买首套房，最多能贷多少？', 8),
  letter('l-noise', '小区旁工地半夜施工太吵', '小区旁边的工地半夜还在施工，吵得老人孩子睡不着。', 12),
  letter('l-pension', '养老金每月几号发放', '我母亲今年刚退休，想知道养老金每个月几号打到卡上。', 20),
];

beforeEach(() => {
  at(T0);
  localCloud.db.bulkInsert('categories', DEMO_CATEGORIES.map((c) => ({ ...c })));
  const t0 = Date.parse(T0) - DAY;
  const docs = POLICY_FIXTURES.map((f, i) => {
    const instant = new Date(t0 + i * 1000).toISOString();
    const content = { title: f.title, ...(f.docNo ? { docNo: f.docNo } : {}), issuer: f.issuer, categoryId: f.categoryId, issuedAt: f.issuedAt, paragraphs: f.paragraphs };
    return applyPublish(newPolicy(f.key, content, instant), null, instant, undefined).doc;
  });
  localCloud.db.bulkInsert('policies', docs as unknown as Record<string, unknown>[]);
  localCloud.db.bulkInsert('drafts', DRAFTS as unknown as Record<string, unknown>[]);
  localCloud.db.bulkInsert('letters', LETTERS as unknown as Record<string, unknown>[]);
});
afterAll(() => localCloud.close());

const EXPECTED: Array<[string, SearchKind, string]> = [
  ['电动自行车', 'draft', 'ebike'],
  ['电瓶车充电', 'draft', 'ebike'],
  ['楼道里电动车充电', 'letter', 'l-ebike'],
  ['退休金怎么领', 'policy', 'pension-insurance'],
  ['退休工资调整', 'policy', 'pension-insurance'],
  ['养老金几号发', 'letter', 'l-pension'],
  ['公积金贷款', 'policy', 'housing-fund-loan'],
  ['公积金怎么取', 'policy', 'housing-fund-rent'],
  ['租房能提取公积金吗', 'policy', 'housing-fund-rent'],
  ['外地看病怎么报销', 'policy', 'medical-insurance-remote'],
  ['医保门诊', 'policy', 'medical-insurance-outpatient'],
  ['失业金怎么领', 'policy', 'unemployment-insurance'],
  ['老板拖欠工资怎么办', 'policy', 'wage-arrears'],
  ['欠薪投诉', 'policy', 'wage-arrears'],
  ['最低工资是多少', 'policy', 'minimum-wage'],
  ['物业费太贵', 'policy', 'property-beijing'],
  ['晚上工地施工噪音', 'policy', 'noise-construction'],
  ['工地半夜施工太吵', 'letter', 'l-noise'],
  ['广场舞太吵', 'policy', 'noise-square-dance'],
  ['加装电梯有补贴吗', 'policy', 'elevator-retrofit'],
  ['老小区改造', 'policy', 'old-estate-renovation'],
  ['老人坐公交免费吗', 'policy', 'bus-fare-elderly'],
  ['小区充电桩安装', 'policy', 'charging-piles'],
  ['新能源车消费', 'policy', 'new-energy-vehicles'],
  ['停车费', 'policy', 'parking-fees'],
  ['公租房', 'policy', 'rental-housing'],
  ['怎么落户口', 'policy', 'household-registration'],
  ['外卖食品安全', 'policy', 'food-delivery'],
  ['网购退货', 'policy', 'consumer-7-days-return'],
  ['会员卡', 'policy', 'consumer-prepaid-cards'],
  ['个税专项附加扣除', 'policy', 'individual-income-tax'],
  ['育儿补贴怎么申请', 'policy', 'childcare-subsidy'],
  ['低保', 'policy', 'minimum-living'],
  ['长护险', 'policy', 'long-term-care-insurance'],
  ['老年食堂', 'policy', 'elderly-meal-assistance'],
  ['12345', 'policy', 'hotline-12345'],
  ['一网通办', 'policy', 'digital-government'],
  ['路面塌陷', 'policy', 'road-potholes'],
  ['业委会', 'policy', 'property-committee'],
  ['维修基金怎么用', 'policy', 'property-maintenance-fund'],
  ['公交线路调整', 'draft', 'bus'],
  ['公积金贷款能贷多少', 'letter', 'l-fund'],
];

test.each(EXPECTED)('%s -> %s %s', async (q, kind, key) => {
  const res = await ok(CITIZEN, 'search.query', { q });
  const group = res.groups.find((g) => g.kind === kind);
  expect(group?.items[0]?.id).toBe(key);
});

test('the fixture is big enough to mean something: at least 30 queries, every kind among the expectations', () => {
  expect(EXPECTED.length).toBeGreaterThanOrEqual(30);
  expect(new Set(EXPECTED.map(([, kind]) => kind))).toEqual(new Set(['policy', 'draft', 'letter']));
});

test('a query of nothing the library holds finds nothing, and offers the words typed', async () => {
  const res = await ok(CITIZEN, 'search.query', { q: '量子计算机补贴' });
  expect(res.groups).toEqual([]);
  expect(res.suggestions).toEqual(['量子', '计算机', '补贴']);
});
