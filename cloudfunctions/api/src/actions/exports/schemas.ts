// Payload schemas of the export actions.
import * as z from 'zod';
import { daysBetween } from '../../domain/stats-period';
import { EXPORT_MAX_DAYS } from '../../domain/exports';
import { STATUS_LABELS } from '../../domain/case-labels';
import type { CaseStatus } from '../../../../../typings/domain';
import { id, oneOf, pageFields, text } from '../../lib/schema';
import { day } from '../stats/schemas';

const STATUSES = Object.keys(STATUS_LABELS) as [CaseStatus, ...CaseStatus[]];

/** Long enough to say what for and under which rule: "信访复查，依据……". */
export const REASON_MIN = 5;
export const REASON_MAX = 200;

export const exportCreateSchema = z
  .strictObject({
    kind: oneOf('导出内容', ['cases', 'stats']),
    format: oneOf('文件格式', ['csv', 'xlsx']),
    from: day('开始日期'),
    to: day('结束日期'),
    departmentId: id('承办单位').optional(),
    status: oneOf('办理状态', STATUSES).optional(),
    reason: text('导出个人信息的理由', REASON_MAX, { min: REASON_MIN }).optional(),
    clientRequestId: z.string({ error: '请求编号格式不正确' }).regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确'),
  })
  .superRefine((v, ctx) => {
    if (v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' });
    else if (daysBetween(v.from, v.to) + 1 > EXPORT_MAX_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `导出期间不能超过 ${EXPORT_MAX_DAYS} 天` });
    if (v.kind === 'stats' && v.status) ctx.addIssue({ code: 'custom', path: ['status'], message: '统计数据不按办理状态筛选' });
    if (v.kind === 'stats' && v.reason !== undefined) ctx.addIssue({ code: 'custom', path: ['reason'], message: '统计数据不含个人信息，无需填写理由' });
  });

export const exportListSchema = z.strictObject({ ...pageFields });

export const exportIdSchema = z.strictObject({ id: id('导出任务') });
