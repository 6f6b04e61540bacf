// Payload schemas of the announcement actions. Limits match the staff editor's form (miniprogram/staff/announcement-edit).
import * as z from 'zod';
import { bool, id, int, oneOf, pageFields, text, version } from '../../lib/schema';
import { attachment, clientRequestId, day } from '../policies/schemas';

export const ANNOUNCEMENT_LIMITS = {
  titleMax: 100,
  paragraphsMax: 100,
  paragraphMax: 3000,
  attachmentsMax: 10,
  noteMax: 200,
  keywordMax: 50,
} as const;

const L = ANNOUNCEMENT_LIMITS;

export const announcementSaveSchema = z.strictObject({
  id: id('通知公告').optional(),
  version: version().optional(),
  clientRequestId: clientRequestId().optional(),
  note: text('更新说明', L.noteMax).optional(),
  title: text('标题', L.titleMax),
  departmentId: id('发布单位'),
  date: day('发布日期'),
  paragraphs: z
    .array(text('正文段落', L.paragraphMax, { multiline: true }), { error: '正文应为段落列表' })
    .min(1, '正文至少需要一段')
    .max(L.paragraphsMax, `正文不能超过 ${L.paragraphsMax} 段`),
  attachments: z.array(attachment).max(L.attachmentsMax, `附件不能超过 ${L.attachmentsMax} 个`).optional(),
  expiresAt: day('有效期').optional(),
});

export const announcementListSchema = z.strictObject({
  keyword: text('关键词', L.keywordMax).optional(),
  departmentId: id('发布单位').optional(),
  status: oneOf('状态', ['draft', 'published', 'withdrawn', 'all']).optional(),
  ...pageFields,
});

export const announcementGetSchema = z.strictObject({ id: id('通知公告'), version: int('版本', 1, 100000).optional() });

export const announcementPublishSchema = z.strictObject({ id: id('通知公告'), version: version(), note: text('更新说明', L.noteMax, { multiline: true }).optional() });

export const announcementWithdrawSchema = z.strictObject({ id: id('通知公告'), version: version(), reason: text('撤回原因', L.noteMax, { multiline: true }) });

export const announcementFollowSchema = z.strictObject({ departmentId: id('发布单位'), following: bool('关注状态') });
