// Payload schemas of the service-guide actions. Limits match the staff editor's form (miniprogram/staff/guide-edit).
import * as z from 'zod';
import { GUIDE_CATEGORIES } from '../../domain/guide/item';
import { bool, id, int, oneOf, pageFields, text, version } from '../../lib/schema';
import { clientRequestId } from '../policies/schemas';

export const GUIDE_LIMITS = {
  nameMax: 60,
  codeMax: 40,
  itemTypeMax: 20,
  authorityMax: 60,
  listMax: 30,
  lineMax: 500,
  applicantsMax: 500,
  materialsMax: 40,
  materialNameMax: 100,
  materialFormMax: 20,
  copiesMax: 20,
  officesMax: 20,
  feeMax: 300,
  daysMax: 365,
  visitsMax: 5,
  faqMax: 30,
  questionMax: 200,
  answerMax: 3000,
  relatedMax: 20,
  keywordsMax: 20,
  keywordMax: 20,
  reasonMax: 200,
  searchMax: 50,
  orderMax: 999,
} as const;

const L = GUIDE_LIMITS;

const lines = (label: string, max: number, min = 0) =>
  z
    .array(text(label, L.lineMax, { multiline: true }), { error: `${label}应为列表` })
    .min(min, `请至少填写一条${label}`)
    .max(max, `${label}不能超过 ${max} 条`);

const material = z.strictObject(
  {
    name: text('材料名称', L.materialNameMax),
    form: text('材料形式', L.materialFormMax),
    copies: int('份数', 0, L.copiesMax),
    required: bool('是否必需'),
    source: text('材料来源', 100).optional(),
    note: text('材料说明', 300, { multiline: true }).optional(),
  },
  { error: '申请材料格式不正确' },
);

const office = z.strictObject(
  {
    name: text('办理地点名称', 60),
    address: text('地址', 100),
    hours: text('办公时间', 100),
    phone: z.string({ error: '咨询电话应为文字' }).regex(/^[0-9-]{5,20}$/, '咨询电话格式不正确'),
    latitude: z.number({ error: '纬度应为数字' }).min(-90, '纬度超出范围').max(90, '纬度超出范围'),
    longitude: z.number({ error: '经度应为数字' }).min(-180, '经度超出范围').max(180, '经度超出范围'),
  },
  { error: '办理地点格式不正确' },
);

export const guideCategory = (label = '事项分类') => oneOf(label, GUIDE_CATEGORIES);

export const guideSaveSchema = z.strictObject({
  id: id('事项').optional(),
  version: version().optional(),
  clientRequestId: clientRequestId().optional(),
  note: text('修订说明', L.reasonMax).optional(),
  name: text('事项名称', L.nameMax),
  code: z.string({ error: '事项编码应为文字' }).regex(/^[A-Za-z0-9-]{1,40}$/, '事项编码只能包含字母、数字和连字符').optional(),
  itemType: text('事项类型', L.itemTypeMax),
  categoryId: guideCategory(),
  authority: text('实施主体', L.authorityMax),
  basis: lines('设定依据', L.listMax, 1),
  applicants: text('受理范围', L.applicantsMax, { multiline: true }),
  conditions: lines('受理条件', L.listMax),
  materials: z.array(material, { error: '申请材料应为列表' }).max(L.materialsMax, `申请材料不能超过 ${L.materialsMax} 项`),
  fee: text('收费标准', L.feeMax, { multiline: true }),
  legalDays: int('法定时限', 0, L.daysMax).optional(),
  promisedDays: int('承诺时限', 0, L.daysMax),
  visits: int('到现场次数', 0, L.visitsMax),
  offices: z.array(office, { error: '办理地点应为列表' }).max(L.officesMax, `办理地点不能超过 ${L.officesMax} 个`),
  onlineSteps: lines('网上办理步骤', L.listMax),
  faq: z
    .array(z.strictObject({ q: text('问题', L.questionMax), a: text('回答', L.answerMax, { multiline: true }) }), { error: '常见问题应为列表' })
    .max(L.faqMax, `常见问题不能超过 ${L.faqMax} 条`),
  relatedPolicyIds: z.array(id('相关政策')).max(L.relatedMax, `相关政策不能超过 ${L.relatedMax} 个`).optional(),
  keywords: z.array(text('关键词', L.keywordMax)).max(L.keywordsMax, `关键词不能超过 ${L.keywordsMax} 个`).optional(),
  caseCategoryId: id('咨询分类').optional(),
});

export const guideListSchema = z.strictObject({
  keyword: text('关键词', L.searchMax).optional(),
  categoryId: guideCategory().optional(),
  status: oneOf('状态', ['draft', 'published', 'withdrawn', 'all']).optional(),
  ...pageFields,
});

export const guideGetSchema = z.strictObject({ id: id('事项') });

export const guidePublishSchema = z.strictObject({ id: id('事项'), version: version(), note: text('更新说明', L.reasonMax, { multiline: true }).optional() });

export const guideWithdrawSchema = z.strictObject({ id: id('事项'), version: version(), reason: text('撤回原因', L.reasonMax, { multiline: true }) });

export const pinQuestionSchema = z.strictObject({ letterId: id('公开信件'), order: int('排序', 1, L.orderMax), version: version().optional() });

export const unpinQuestionSchema = z.strictObject({ letterId: id('公开信件') });
