// announcement.publish: the working words become a published version; followers are told after the write.
import { publishAnnouncement } from '../../domain/announcements/announcement';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { runTransaction } from '../../lib/transaction';
import { announcementInTx, announcementVersionInTx, putAnnouncementInTx, putAnnouncementVersionInTx } from '../../repositories/announcements';
import { auditActor, recordEvent } from '../../repositories/audit';
import { fanOutAfterPublish } from '../../services/announcement-fanout';
import { announcementPublishSchema } from './schemas';
import { announcementView } from './view';

export const announcementPublish = defineAction<'announcement.publish'>({
  schema: announcementPublishSchema,
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
