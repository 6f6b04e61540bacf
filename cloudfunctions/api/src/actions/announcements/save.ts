// announcement.save: an editor creates an announcement or changes its working words.
import { announcementContent, checkAnnouncementDates, editAnnouncement, isAnnouncementFileID, newAnnouncement, type AnnouncementContent, type AnnouncementDoc } from '../../domain/announcements/announcement';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { runTransaction } from '../../lib/transaction';
import { announcementInTx, putAnnouncementInTx } from '../../repositories/announcements';
import { auditActor, recordEvent } from '../../repositories/audit';
import { loadCatalogMaps } from '../../repositories/catalog';
import { fileUrls } from '../../repositories/policy-files';
import { idForRequest, newId } from '../policies/ids';
import { announcementSaveSchema } from './schemas';
import { announcementView } from './view';

function invalid(fields: Record<string, string>): never {
  throw errors.invalid(`提交的内容有误：${Object.values(fields)[0]}`, fields);
}

/** The department must be one of the agency's, the attachments uploaded under announcements/ and present. */
async function checkReferences(content: AnnouncementContent): Promise<void> {
  const fields: Record<string, string> = {};
  const attachments = content.attachments ?? [];
  attachments.forEach((a, i) => {
    if (!isAnnouncementFileID(a.fileID)) fields[`attachments.${i}`] = '附件应上传到云存储的 announcements/ 目录';
  });
  if (Object.keys(fields).length) invalid(fields);
  const [{ departments }, urls] = await Promise.all([loadCatalogMaps(), fileUrls(attachments.map((a) => a.fileID))]);
  const department = departments.get(content.departmentId);
  if (!department || department.disabled) fields.departmentId = '发布单位不存在，请重新选择';
  attachments.forEach((a, i) => {
    if (!urls[a.fileID]) fields[`attachments.${i}`] = `附件“${a.name}”的文件不存在，请重新上传`;
  });
  if (Object.keys(fields).length) invalid(fields);
}

export const announcementSave = defineAction<'announcement.save'>({
  schema: announcementSaveSchema,
  async run(input, { caller, now }) {
    const { id, version, clientRequestId, note, ...rest } = input;
    const content = announcementContent(rest);
    const dateFields = checkAnnouncementDates(content);
    if (Object.keys(dateFields).length) invalid(dateFields);
    if (id !== undefined && version === undefined) invalid({ version: '修改通知公告时需要提供版本号，请刷新后重试' });
    await checkReferences(content);
    const nowIso = now.toISOString();
    const actor = auditActor(caller);
    const doc = await runTransaction(async (tx): Promise<AnnouncementDoc> => {
      if (id === undefined) {
        const newIdValue = clientRequestId ? idForRequest('announcement', caller.openid!, clientRequestId) : newId();
        const first = clientRequestId ? await announcementInTx(tx, newIdValue) : null;
        if (first) return first;
        const created = newAnnouncement(newIdValue, content, nowIso);
        await putAnnouncementInTx(tx, created);
        await recordEvent(tx, { subject: 'announcement', subjectId: created._id, kind: 'created', at: nowIso, actor, note: created.title });
        return created;
      }
      const existing = await announcementInTx(tx, id);
      if (!existing) throw errors.notFound('通知公告');
      if (existing.version !== version) throw errors.conflict();
      if (note && existing.status !== 'published') invalid({ note: '更新说明用于修改已发布的通知公告；未发布的请直接保存' });
      const next = editAnnouncement(existing, content, nowIso, note);
      await putAnnouncementInTx(tx, next);
      await recordEvent(tx, { subject: 'announcement', subjectId: id, kind: 'edited', at: nowIso, actor, data: { version: next.version, pending: !!next.pending, ...(note ? { note } : {}) } });
      return next;
    });
    return announcementView(doc, caller, now);
  },
});
