// Payload schemas of the admin actions (staff, invites, binding, settings, catalog, audit trail), every field labelled
// in Chinese, unknown fields refused. ADMIN_LIMITS are served by meta.get (formLimits.admin) to the admin forms.
import type { AuditSubject, SettingRanges } from '../../../../../typings/api';
import type { Role } from '../../../../../typings/domain';
import { AUDIT_SUBJECT_LABELS } from '../../domain/audit-labels';
import { isValidDay } from '../../domain/calendar';
import { HOTLINE_RE } from '../../domain/defaults';
import { KEYWORD_RE, MESSAGE_FIELDS } from '../../domain/subscribe-message';
import * as z from 'zod';
import { bool, id, instant, int, oneOf, pageFields, text, version } from '../../lib/schema';
import { CASE_TYPE_KEYS } from '../cases/schemas';

export const ADMIN_LIMITS = {
  /** A department's or a category's name. */
  nameMax: 30,
  inviteDaysMax: 30,
  /** A keyword is a word or short phrase of a title ("垃圾", "电梯"); a few dozen per category are plenty. */
  keywordMax: 10,
  keywordsMax: 30,
  templateTitleMax: 30,
  templateTextMax: 2000,
  templatesMax: 50,
  /** Holidays or swapped working days in the calendar: a few years' worth. */
  dayListMax: 400,
  /** The name a colleague gives when binding an invite. */
  displayNameMax: 20,
  inviteCodeMax: 40,
  /** The agency's hotline in settings, digits and dashes. */
  hotlineMax: 30,
} as const;

const L = ADMIN_LIMITS;

/** Each number of the settings, its range as admin.settings.update takes it; served by meta.get (formLimits.settings). */
export const SETTING_RANGES = {
  answerDays: { min: 1, max: 60 },
  acceptDays: { min: 1, max: 10 },
  extensionMaxDays: { min: 1, max: 30 },
  ratingReminderDays: { min: 1, max: 30 },
  autoCloseDays: { min: 1, max: 60 },
  submissionsPerDay: { min: 1, max: 100 },
  cosignThreshold: { min: 1, max: 100000 },
  cosignsPerDay: { min: 1, max: 1000 },
  retentionDays: { min: 30, max: 3650 },
} as const satisfies SettingRanges;

const R = SETTING_RANGES;

export const ROLES = ['dispatcher', 'handler', 'supervisor', 'editor', 'admin'] as const satisfies readonly Role[];

const roleList = z
  .array(oneOf('角色', ROLES), { error: '角色格式不正确' })
  .min(1, '请至少选择一个角色')
  .max(ROLES.length, '角色格式不正确')
  .refine((r) => new Set(r).size === r.length, { message: '角色不能重复' });

export const inviteSchema = z.strictObject({ roles: roleList, departmentId: id('所属单位').optional(), expiresInDays: int('有效天数', 1, L.inviteDaysMax).optional() });

export const bindSchema = z.strictObject({
  // Only what a code can be made of: other input is a format error, not a wrong guess counted toward the limit.
  code: z.string({ error: '请输入邀请码' }).trim().min(1, '请输入邀请码').max(L.inviteCodeMax, '邀请码格式不正确').regex(/^[A-Za-z0-9 -]+$/, '邀请码格式不正确'),
  displayName: text('姓名', L.displayNameMax).optional(),
});

export const staffListSchema = z.strictObject({ ...pageFields });

export const staffUpdateSchema = z.strictObject({
  openid: z.string({ error: '工作人员编号格式不正确' }).regex(/^[A-Za-z0-9_-]{1,64}$/, '工作人员编号格式不正确'),
  version: int('版本号', 0, Number.MAX_SAFE_INTEGER),
  roles: roleList.optional(),
  departmentId: id('所属单位').nullable().optional(),
  disabled: bool('是否停用').optional(),
  displayName: text('姓名', L.displayNameMax).optional(),
});

export const departmentSaveSchema = z.strictObject({
  id: id('单位编号').optional(),
  name: text('单位名称', L.nameMax),
  phone: z
    .string({ error: '电话应为文字' })
    .trim()
    .regex(/^(|[0-9][0-9-]{2,19})$/, '电话格式不正确：只能填数字和横线，如 0571-87001234 或 12345')
    .optional(),
  address: text('地址', 60, { min: 0 }).optional(),
  hours: text('办公时间', 40, { min: 0 }).optional(),
  location: z
    .strictObject({
      latitude: z.number({ error: '纬度应为数字' }).min(-90, '纬度应在 -90 到 90 之间').max(90, '纬度应在 -90 到 90 之间'),
      longitude: z.number({ error: '经度应为数字' }).min(-180, '经度应在 -180 到 180 之间').max(180, '经度应在 -180 到 180 之间'),
    })
    .nullable()
    .optional(),
  order: int('排序', 0, 9999).optional(),
  disabled: bool('是否停用').optional(),
});

export const categorySaveSchema = z.strictObject({
  id: id('分类编号').optional(),
  name: text('分类名称', L.nameMax),
  departmentId: id('默认承办单位').nullable(),
  types: z
    .array(oneOf('诉求类型', CASE_TYPE_KEYS), { error: '诉求类型格式不正确' })
    .min(1, '请至少选择一种诉求类型')
    .refine((t) => new Set(t).size === t.length, { message: '诉求类型不能重复' }),
  keywords: z
    .array(text('关键词', L.keywordMax), { error: '关键词格式不正确' })
    .max(L.keywordsMax, `关键词最多 ${L.keywordsMax} 个`)
    .optional(),
  order: int('排序', 0, 9999).optional(),
  disabled: bool('是否停用').optional(),
});

const day = z.string({ error: '日期格式应为 YYYY-MM-DD' }).refine(isValidDay, { message: '日期格式应为 YYYY-MM-DD，且须为有效日期' });
const dayList = (label: string) =>
  z
    .array(day, { error: `${label}格式不正确` })
    .max(L.dayListMax, `${label}最多 ${L.dayListMax} 天`)
    .refine((l) => new Set(l).size === l.length, { message: `${label}中有重复的日期` });

const subscribeTemplate = z.strictObject({
  templateId: z.string({ error: '模板编号格式不正确' }).regex(/^[A-Za-z0-9_-]{1,128}$/, '模板编号格式不正确'),
  fields: z
    .record(z.string(), z.string({ error: '模板关键词格式不正确' }).regex(KEYWORD_RE, '模板关键词应如 thing1、phrase2、time3'), {
      error: '字段对应关系格式不正确',
    })
    .refine((f) => Object.keys(f).length > 0, { message: '请至少配置一个字段' })
    .refine((f) => Object.keys(f).every((k) => (MESSAGE_FIELDS as readonly string[]).includes(k)), {
      message: `消息字段只能是 ${MESSAGE_FIELDS.join('、')}`,
    })
    // Two of our fields on one keyword would send only the last of them, silently.
    .refine((f) => new Set(Object.values(f)).size === Object.keys(f).length, { message: '同一个模板关键词只能对应一个字段' }),
  page: z.string({ error: '跳转页面格式不正确' }).regex(/^[A-Za-z0-9_/-]{1,200}$/, '跳转页面格式不正确').optional(),
  longTerm: bool('是否长期订阅').optional(),
});

export const settingsUpdateSchema = z
  .strictObject({
    version: version(),
    caseTypes: z
      .array(z.strictObject({ key: oneOf('诉求类型', CASE_TYPE_KEYS), label: text('类型名称', 10), answerDays: int('答复时限（工作日）', R.answerDays.min, R.answerDays.max) }), {
        error: '诉求类型格式不正确',
      })
      .length(CASE_TYPE_KEYS.length, `请为 ${CASE_TYPE_KEYS.length} 种诉求类型各设置一次`)
      .refine((l) => new Set(l.map((t) => t.key)).size === l.length, { message: '诉求类型不能重复' })
      .optional(),
    acceptDays: int('受理时限（工作日）', R.acceptDays.min, R.acceptDays.max).optional(),
    extensionMaxDays: int('最长延期（工作日）', R.extensionMaxDays.min, R.extensionMaxDays.max).optional(),
    ratingReminderDays: int('评价提醒（天）', R.ratingReminderDays.min, R.ratingReminderDays.max).optional(),
    autoCloseDays: int('自动办结（天）', R.autoCloseDays.min, R.autoCloseDays.max).optional(),
    submissionsPerDay: int('每人每日提交上限', R.submissionsPerDay.min, R.submissionsPerDay.max).optional(),
    cosignThreshold: int('附议回应人数', R.cosignThreshold.min, R.cosignThreshold.max).optional(),
    cosignsPerDay: int('每人每日附议上限', R.cosignsPerDay.min, R.cosignsPerDay.max).optional(),
    hotline: z
      .string({ error: '服务热线应为电话号码' })
      .trim()
      .max(L.hotlineMax, '服务热线过长')
      .regex(HOTLINE_RE, '服务热线应为电话号码，只含数字和短横线，如 12345 或 010-12345678')
      .optional(),
    reviewReplies: bool('答复是否需要审核').optional(),
    retentionDays: int('个人信息保存期限（天）', R.retentionDays.min, R.retentionDays.max).optional(),
    calendar: z.strictObject({ holidays: dayList('节假日'), workdays: dayList('调休上班日') }).optional(),
    replyTemplates: z
      .array(z.strictObject({ id: id('模板编号'), title: text('模板名称', L.templateTitleMax), text: text('模板内容', L.templateTextMax, { multiline: true }) }), { error: '答复模板格式不正确' })
      .max(L.templatesMax, `答复模板最多 ${L.templatesMax} 个`)
      .refine((l) => new Set(l.map((t) => t.id)).size === l.length, { message: '答复模板编号不能重复' })
      .optional(),
    subscribeTemplates: z
      .strictObject({
        caseStatus: subscribeTemplate.optional(),
        staffAssigned: subscribeTemplate.optional(),
        staffReview: subscribeTemplate.optional(),
        staffDue: subscribeTemplate.optional(),
        staffOverdue: subscribeTemplate.optional(),
        draftReport: subscribeTemplate.optional(),
        cosignResponse: subscribeTemplate.optional(),
      })
      .optional(),
  })
  .refine((v) => !v.calendar || !v.calendar.holidays.some((d) => v.calendar!.workdays.includes(d)), {
    message: '同一天不能既是节假日又是调休上班日',
    path: ['calendar'],
  });

const SUBJECTS = Object.keys(AUDIT_SUBJECT_LABELS) as [AuditSubject, ...AuditSubject[]];

export const auditListSchema = z
  .strictObject({
    ...pageFields,
    subject: oneOf('记录类别', SUBJECTS).optional(),
    actorOpenid: z.string({ error: '操作人格式不正确' }).regex(/^[A-Za-z0-9_-]{1,64}$/, '操作人格式不正确').optional(),
    from: instant('开始时间').optional(),
    to: instant('结束时间').optional(),
  })
  .refine((v) => !v.from || !v.to || v.from < v.to, { message: '开始时间须早于结束时间', path: ['to'] });
