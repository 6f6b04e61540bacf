// The agency's settings, versioned: deadlines per type, the working-day calendar, limits, the review switch, reply
// templates and subscribe-message templates. Every value is checked here; a bad one changes nothing.
import type { SettingsView } from '../../../../../typings/api';
import { isValidDay } from '../../domain/calendar';
import { TYPE_LABELS } from '../../domain/case-labels';
import { HOTLINE_RE } from '../../domain/defaults';
import { KEYWORD_RE, MESSAGE_FIELDS } from '../../domain/subscribe-message';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import * as z from 'zod';
import { bool, empty, id, int, oneOf, text, version } from '../../lib/schema';
import { readSettings, saveSettings, type Settings } from '../../repositories/settings';
import { CASE_TYPE_KEYS } from '../cases/schemas';
import { auditActor } from '../../repositories/audit';

function view(s: Settings): SettingsView {
  return {
    version: s.version,
    caseTypes: s.caseTypes.map((t) => ({ key: t.key, label: t.label, answerDays: t.answerDays })),
    acceptDays: s.acceptDays,
    extensionMaxDays: s.extensionMaxDays,
    ratingReminderDays: s.ratingReminderDays,
    autoCloseDays: s.autoCloseDays,
    submissionsPerDay: s.limits.submissionsPerDay,
    cosignThreshold: s.cosignThreshold,
    cosignsPerDay: s.cosignsPerDay,
    hotline: s.hotline,
    reviewReplies: s.reviewReplies,
    retentionDays: s.retentionDays,
    calendar: s.calendar,
    replyTemplates: s.replyTemplates,
    subscribeTemplates: s.subscribeTemplates,
  };
}

export const adminSettingsGet = defineAction<'admin.settings.get'>({
  schema: empty(),
  async run() {
    return view(await readSettings());
  },
});

const day = z.string({ error: '日期格式应为 YYYY-MM-DD' }).refine(isValidDay, { message: '日期格式应为 YYYY-MM-DD，且须为有效日期' });
const dayList = (label: string) =>
  z
    .array(day, { error: `${label}格式不正确` })
    .max(400, `${label}最多 400 天`)
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

const updateSchema = z
  .strictObject({
    version: version(),
    caseTypes: z
      .array(z.strictObject({ key: oneOf('诉求类型', CASE_TYPE_KEYS), label: text('类型名称', 10), answerDays: int('答复时限（工作日）', 1, 60) }), {
        error: '诉求类型格式不正确',
      })
      .length(CASE_TYPE_KEYS.length, `请为 ${CASE_TYPE_KEYS.length} 种诉求类型各设置一次`)
      .refine((l) => new Set(l.map((t) => t.key)).size === l.length, { message: '诉求类型不能重复' })
      .optional(),
    acceptDays: int('受理时限（工作日）', 1, 10).optional(),
    extensionMaxDays: int('最长延期（工作日）', 1, 30).optional(),
    ratingReminderDays: int('评价提醒（天）', 1, 30).optional(),
    autoCloseDays: int('自动办结（天）', 1, 60).optional(),
    submissionsPerDay: int('每人每日提交上限', 1, 100).optional(),
    cosignThreshold: int('附议回应人数', 1, 100000).optional(),
    cosignsPerDay: int('每人每日附议上限', 1, 1000).optional(),
    hotline: z
      .string({ error: '服务热线应为电话号码' })
      .trim()
      .max(30, '服务热线过长')
      .regex(HOTLINE_RE, '服务热线应为电话号码，只含数字和短横线，如 12345 或 010-12345678')
      .optional(),
    reviewReplies: bool('答复是否需要审核').optional(),
    retentionDays: int('个人信息保存期限（天）', 30, 3650).optional(),
    calendar: z.strictObject({ holidays: dayList('节假日'), workdays: dayList('调休上班日') }).optional(),
    replyTemplates: z
      .array(z.strictObject({ id: id('模板编号'), title: text('模板名称', 30), text: text('模板内容', 2000, { multiline: true }) }), { error: '答复模板格式不正确' })
      .max(50, '答复模板最多 50 个')
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

export const adminSettingsUpdate = defineAction<'admin.settings.update'>({
  schema: updateSchema,
  async run(input, { caller, now }) {
    const current = await readSettings();
    const { version: v, submissionsPerDay, caseTypes, ...rest } = input;
    const patch: Partial<Omit<Settings, 'version'>> = { ...rest };
    if (caseTypes) {
      patch.caseTypes = CASE_TYPE_KEYS.map((key) => {
        const t = caseTypes.find((x) => x.key === key)!;
        return { key, label: t.label || TYPE_LABELS[key], answerDays: t.answerDays };
      });
    }
    if (submissionsPerDay !== undefined) patch.limits = { ...current.limits, submissionsPerDay };
    const ratingReminderDays = patch.ratingReminderDays ?? current.ratingReminderDays;
    const autoCloseDays = patch.autoCloseDays ?? current.autoCloseDays;
    if (autoCloseDays <= ratingReminderDays) {
      throw errors.invalid('自动办结天数须大于评价提醒天数', { autoCloseDays: '自动办结天数须大于评价提醒天数' });
    }
    const changed = Object.keys(input).filter((k) => k !== 'version');
    const event = { subject: 'settings' as const, subjectId: 'settings', kind: 'settings_updated' as const, at: now.toISOString(), actor: auditActor(caller, ['admin']), note: `修改：${changed.join('、')}` };
    return view(await saveSettings(v, patch, event));
  },
});
