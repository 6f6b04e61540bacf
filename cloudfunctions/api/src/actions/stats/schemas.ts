// Payload schemas of the statistics actions.
import * as z from 'zod';
import { id, oneOf } from '../../lib/schema';
import { isValidDay } from '../../domain/calendar';
import { daysBetween, MAX_PERIOD_DAYS } from '../../domain/stats-period';

export const day = (label: string) =>
  z
    .string({ error: `${label}应为日期` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 2026-01-31`)
    .refine(isValidDay, `${label}不是有效的日期`);

export const dashboardSchema = z
  .strictObject({
    period: oneOf('统计周期', ['week', 'month', 'quarter', 'custom']),
    from: day('开始日期').optional(),
    to: day('结束日期').optional(),
    departmentId: id('承办单位').optional(),
  })
  .superRefine((v, ctx) => {
    if (v.period !== 'custom') return;
    if (!v.from) ctx.addIssue({ code: 'custom', path: ['from'], message: '请选择开始日期' });
    if (!v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: '请选择结束日期' });
    if (!v.from || !v.to) return;
    if (v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' });
    else if (daysBetween(v.from, v.to) + 1 > MAX_PERIOD_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `统计周期不能超过 ${MAX_PERIOD_DAYS} 天` });
  });

export const publicStatsSchema = z.strictObject({
  month: z
    .string({ error: '月份应为文字' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-01')
    .optional(),
});
