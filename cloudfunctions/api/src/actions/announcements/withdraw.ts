// announcement.withdraw: a published announcement is taken down, with a reason.
import { withdrawAnnouncement } from '../../domain/announcements/announcement';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { runTransaction } from '../../lib/transaction';
import { announcementInTx, putAnnouncementInTx } from '../../repositories/announcements';
import { auditActor, recordEvent } from '../../repositories/audit';
import { announcementWithdrawSchema } from './schemas';
import { announcementView } from './view';

export const announcementWithdraw = defineAction<'announcement.withdraw'>({
  schema: announcementWithdrawSchema,
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
