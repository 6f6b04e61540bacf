// Payload schemas of the case actions: every field labelled in Chinese, unknown fields refused (lib/schema.ts).
import type { CaseStatus, CaseType } from '../../../../../typings/domain';
import { REJECT_REASONS } from '../../domain/case-labels';
import { CASE_STATUSES } from '../../domain/case-machine';
import { CASE_FORM_LIMITS as F, CASE_TEXT_LIMITS as T, DEFAULT_LIMITS } from '../../domain/defaults';
import { normalizeTrackingNo } from '../../domain/tracking';
import * as z from 'zod';
import { bool, id, int, oneOf, pageFields, text, version, visibleLength, type TextOptions } from '../../lib/schema';

export const CASE_TYPE_KEYS = ['inquiry', 'help', 'complaint', 'suggestion'] as const satisfies readonly CaseType[];
export const STATUS_KEYS = CASE_STATUSES as unknown as readonly [CaseStatus, ...CaseStatus[]];

/** A note that may be left empty: '' reads as absent. Notes have several lines unless told otherwise. */
export const optionalText = (label: string, max: number, opts: TextOptions = { multiline: true }) => text(label, max, { ...opts, min: 0 }).optional();

export const caseId = () => id('诉求编号');

const versioned = { id: caseId(), version: version() };

const PHONE = /^\+?\d[\d\s-]{4,19}$/;

export const fileIds = (label: string, max: number) =>
  z
    .array(z.string({ error: `${label}格式不正确` }).min(1, `${label}格式不正确`).max(256, `${label}格式不正确`), { error: `${label}格式不正确` })
    .max(max, `最多上传 ${max} 张图片`);

const templateIds = z
  .array(z.string({ error: '订阅消息模板格式不正确' }).regex(/^[A-Za-z0-9_-]{1,128}$/, '订阅消息模板格式不正确'), { error: '订阅消息模板格式不正确' })
  .max(10, '订阅消息模板过多');

export const submitSchema = z.strictObject({
  type: oneOf('诉求类型', CASE_TYPE_KEYS),
  categoryId: id('诉求分类'),
  title: text('标题', DEFAULT_LIMITS.titleMax),
  content: text('诉求内容', DEFAULT_LIMITS.contentMax, { multiline: true, min: F.contentMin }),
  images: fileIds('图片', DEFAULT_LIMITS.imagesMax).optional(),
  contactName: optionalText('联系人', F.contactNameMax, { multiline: false }),
  contactPhone: z
    .string({ error: '联系电话应为文字' })
    .trim()
    .refine((s) => s === '' || PHONE.test(s), { message: '联系电话格式不正确' })
    .optional(),
  publishConsent: bool('是否同意公开'),
  clientRequestId: z
    .string({ error: '请求编号格式不正确' })
    .regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确'),
  subscribed: templateIds.optional(),
  policyId: id('关联政策').optional(),
  guideItemId: id('关联事项').optional(),
});

export const listMineSchema = z.strictObject({
  ...pageFields,
  tab: oneOf('列表分组', ['all', 'open', 'replied', 'done'] as const).optional(),
  status: oneOf('状态', STATUS_KEYS).optional(),
});

export const getSchema = z.strictObject({ id: caseId() });
/** A tracking number as people type it (lower case, spaces, full-width digits, without "MS"): an identifier, not free text. */
export const findByTrackingNoSchema = z.strictObject({
  trackingNo: z
    .string({ error: (issue) => (issue.input === undefined ? '请填写留言编号' : '留言编号应为文字') })
    .max(30, '留言编号格式不正确，应类似 MS20261125-0042')
    .refine((s) => normalizeTrackingNo(s) !== null, { message: '留言编号格式不正确，应类似 MS20261125-0042' }),
});

export const withdrawSchema = z.strictObject({ ...versioned, reason: optionalText('撤回原因', F.withdrawReasonMax) });

export const supplementSchema = z.strictObject({
  ...versioned,
  content: text('补充内容', F.supplementMax, { multiline: true }),
  images: fileIds('图片', DEFAULT_LIMITS.imagesMax).optional(),
});

export const rateSchema = z.strictObject({
  ...versioned,
  score: int('评价', 1, 5).transform((n) => n as 1 | 2 | 3 | 4 | 5),
  solved: bool('问题是否解决'),
  comment: optionalText('评价内容', F.rateCommentMax),
});

export const listPublicSchema = z.strictObject({
  ...pageFields,
  keyword: text('关键词', 50, { min: 0 }).optional(),
  categoryId: id('分类').optional(),
});

export const getPublicSchema = z.strictObject({ id: caseId() });

export const subscribeSchema = z.strictObject({
  templateIds: templateIds.min(1, '请选择要订阅的消息'),
  clientRequestId: z.string({ error: '请求编号格式不正确' }).regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确').optional(),
});

export const queueSchema = z.strictObject({
  ...pageFields,
  status: oneOf('状态', STATUS_KEYS).optional(),
  departmentId: id('承办单位').optional(),
  overdue: bool('是否超期').optional(),
  dueWithinHours: int('到期时间范围（小时）', 1, 720).optional(),
  flagged: bool('是否待确认内容').optional(),
  awaitingReview: bool('是否待审核').optional(),
  cosignAwaiting: bool('是否待回应附议').optional(),
});

export const acceptSchema = z.strictObject({ ...versioned, departmentId: id('承办单位').optional(), note: optionalText('受理意见', T.noteMax) });

export const rejectSchema = z
  .strictObject({ ...versioned, reason: oneOf('不予受理原因', REJECT_REASONS), note: optionalText('说明', T.noteMax) })
  .refine((v) => v.reason !== 'other' || visibleLength(v.note ?? '') > 0, { message: '选择“其他原因”时请填写说明', path: ['note'] });

export const assignSchema = z.strictObject({ ...versioned, departmentId: id('承办单位'), note: optionalText('分派说明', T.noteMax) });

export const askInfoSchema = z.strictObject({ ...versioned, question: text('需要补充的内容', T.noteMax, { multiline: true }) });

export const replySchema = z.strictObject({ ...versioned, content: text('答复内容', T.replyMax, { multiline: true }), templateId: id('答复模板').optional() });

export const approveReplySchema = z
  .strictObject({ ...versioned, approve: bool('审核结果'), note: optionalText('审核意见', T.noteMax) })
  .refine((v) => v.approve || visibleLength(v.note ?? '') > 0, { message: '退回答复时请填写修改意见', path: ['note'] });

export const noteSchema = z.strictObject({ ...versioned, content: text('备注', 1000, { multiline: true }) });

export const requestExtensionSchema = z.strictObject({ ...versioned, days: int('延期天数', 1, 60), reason: text('延期理由', T.reasonMax, { multiline: true }) });

export const approveExtensionSchema = z.strictObject({ ...versioned, approve: bool('审批结果'), note: optionalText('审批意见', T.noteMax) });

export const escalateSchema = z.strictObject({ ...versioned, note: text('督办意见', T.noteMax, { multiline: true }) });

export const setPublishableSchema = z.strictObject({
  ...versioned,
  publishable: bool('是否公开'),
  redactions: z.array(text('隐去的内容', 100), { error: '隐去的内容格式不正确' }).max(20, '隐去的内容最多 20 项').optional(),
  publicTitle: text('公开标题', T.publicTitleMax).optional(),
});

export const clearContentSchema = z.strictObject({ ...versioned, note: optionalText('说明', T.reasonMax) });

export const cosignSchema = z.strictObject({ id: caseId(), subscribed: templateIds.optional() });

export const respondCosignSchema = z.strictObject({ ...versioned, content: text('回应内容', F.cosignResponseMax) });

export const lookupSchema = z.strictObject({
  trackingNo: z
    .string({ error: '请填写受理编号' })
    .trim()
    .transform((s) => s.toUpperCase())
    .refine((s) => /^MS\d{8}-\d{4,6}$/.test(s), { message: '受理编号格式不正确，应如 MS20261125-0001' }),
  phoneLast4: z.string({ error: '请填写手机号后四位' }).trim().regex(/^\d{4}$/, '请填写提交时所留手机号的后四位数字'),
});
