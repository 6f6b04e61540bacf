// announcement.withdraw: a published announcement is taken down, with a reason.
import { withdrawAnnouncement, type AnnouncementDoc } from '../../domain/announcements/announcement';
import { defineAction } from '../../lib/action';
import { ANNOUNCEMENTS } from '../../repositories/announcements';
import { withdrawVersioned, type WithdrawOutcome } from '../../repositories/versioned-publish';
import { announcementWithdrawSchema } from './schemas';
import { announcementView } from './view';

function withdrawal(doc: AnnouncementDoc, nowIso: string, reason: string): WithdrawOutcome<AnnouncementDoc> {
  if (doc.status === 'withdrawn') return { kind: 'unchanged' };
  if (doc.status === 'draft') return { kind: 'refused', message: '这条通知公告尚未发布，无需撤回' };
  return { kind: 'changed', doc: withdrawAnnouncement(doc, nowIso, reason) };
}

export const announcementWithdraw = defineAction<'announcement.withdraw'>({
  schema: announcementWithdrawSchema,
  async run(input, { caller, now }) {
    const doc = await withdrawVersioned({ ...ANNOUNCEMENTS, withdraw: withdrawal, event: 'unpublished' }, input, caller, now);
    return announcementView(doc, caller, now);
  },
});
