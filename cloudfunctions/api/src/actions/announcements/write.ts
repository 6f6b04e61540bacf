// The editor's commands: save (create or edit), publish, withdraw. Each checks the version the editor read and
// appends its audit event in the same transaction as the change.
import {
  announcementContent,
  checkAnnouncementDates,
  editAnnouncement,
  isAnnouncementFileID,
  newAnnouncement,
  publishAnnouncement,
  withdrawAnnouncement,
  type AnnouncementContent,
  type AnnouncementDoc,
} from '../../domain/announcements/announcement';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { runTransaction } from '../../lib/transaction';
import { announcementInTx, announcementVersionInTx, putAnnouncementInTx, putAnnouncementVersionInTx } from '../../repositories/announcements';
import { auditActor, recordEvent } from '../../repositories/audit';
import { loadCatalogMaps } from '../../repositories/catalog';
import { fileUrls } from '../../repositories/policy-files';
import { fanOutAfterPublish } from '../../services/announcement-fanout';
import { idForRequest, newId } from '../policies/ids';
import { announcementPublish, announcementSave, announcementWithdraw } from './schemas';
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

export const saveAnnouncement = defineAction<'announcement.save'>({
  schema: announcementSave,
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

export const publishAnnouncementAction = defineAction<'announcement.publish'>({
  schema: announcementPublish,
  async run(input, { caller, now }) {
    const nowIso = now.toISOString();
    const doc = await runTransaction(async (tx) => {
      const existing = await announcementInTx(tx, input.id);
      if (!existing) throw errors.notFound('通知公告');
      // Published with nothing pending: what was asked for already holds (a retry, a double tap).
      if (existing.status === 'published' && !existing.pending) return existing;
      if (existing.version !== input.version) throw errors.conflict();
      const last = existing.pubVersion > 0 ? await announcementVersionInTx(tx, existing._id, existing.pubVersion) : null;
      const { doc: next, snapshot } = publishAnnouncement(existing, last?.content ?? null, nowIso, input.note);
      if (snapshot) await putAnnouncementVersionInTx(tx, snapshot);
      await putAnnouncementInTx(tx, next);
      await recordEvent(tx, {
        subject: 'announcement',
        subjectId: next._id,
        kind: 'published',
        at: nowIso,
        actor: auditActor(caller),
        note: snapshot ? `发布第 ${snapshot.version} 版` : '重新发布（内容未变）',
        data: { version: next.version, publishedVersion: next.pubVersion, ...(input.note ? { note: input.note } : {}) },
      });
      return next;
    });
    await fanOutAfterPublish(doc);
    return announcementView(doc, caller, now);
  },
});

export const withdrawAnnouncementAction = defineAction<'announcement.withdraw'>({
  schema: announcementWithdraw,
  async run(input, { caller, now }) {
    const nowIso = now.toISOString();
    const doc = await runTransaction(async (tx) => {
      const existing = await announcementInTx(tx, input.id);
      if (!existing) throw errors.notFound('通知公告');
      if (existing.status === 'withdrawn') return existing;
      if (existing.status === 'draft') throw errors.precondition('这条通知公告尚未发布，无需撤回');
      if (existing.version !== input.version) throw errors.conflict();
      const next = withdrawAnnouncement(existing, nowIso, input.reason);
      await putAnnouncementInTx(tx, next);
      await recordEvent(tx, { subject: 'announcement', subjectId: existing._id, kind: 'unpublished', at: nowIso, actor: auditActor(caller), note: input.reason, data: { version: next.version } });
      return next;
    });
    return announcementView(doc, caller, now);
  },
});
