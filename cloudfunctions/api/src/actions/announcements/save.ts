// announcement.save: an editor creates an announcement or changes its working words.
import { announcementContent, checkAnnouncementDates, editAnnouncement, isAnnouncementFileID, newAnnouncement, type AnnouncementContent } from '../../domain/announcements/announcement';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { ANNOUNCEMENTS } from '../../repositories/announcements';
import { saveVersioned } from '../../repositories/versioned-publish';
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
    const createAs = { id: clientRequestId ? idForRequest('announcement', caller.openid!, clientRequestId) : newId(), keyed: !!clientRequestId };
    const doc = await saveVersioned(
      {
        ...ANNOUNCEMENTS,
        create: (newIdValue) => newAnnouncement(newIdValue, content, now.toISOString()),
        nameOf: (created) => created.title,
        noteRefusal: (existing) => (existing.status === 'published' ? null : '更新说明用于修改已发布的通知公告；未发布的请直接保存'),
        edit: (existing, nowIso, changeNote) => editAnnouncement(existing, content, nowIso, changeNote),
      },
      { id, version, note, createAs },
      caller,
      now,
    );
    return announcementView(doc, caller, now);
  },
});
