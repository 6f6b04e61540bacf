// "The adoption report is out": one subscribe message to everyone who commented on a draft. The report's transaction
// queues one fan-out entry (repositories/notifications.ts); the sender expands it here. Ids are derived from draft
// and citizen, so an expansion run twice (a retry, two timer runs) never queues a second message to anyone.
import type { MessageFields } from '../domain/subscribe-message';
import { eachComment } from '../repositories/drafts';
import { addMessageOnce, inboxCopy } from '../repositories/messages';
import { newNotificationDoc, queueOnce, type NotificationDraft } from '../repositories/notifications';

export const reportNoticeId = (draftId: string, openid: string): string => `draft-report-${draftId}-${openid}`;

export function reportNoticeFields(title: string, publishedAt: string): MessageFields {
  return { title, status: '已公布', time: publishedAt, note: '您参与的意见征集已公布采纳情况' };
}

/** Queues the message to each commenter of the draft that is not queued yet; answers the ids this call queued. */
export async function queueReportNotices(draftId: string, fields: MessageFields, now: string): Promise<string[]> {
  const openids = new Set<string>();
  await eachComment({ draftId }, (c) => openids.add(c.openid), { openid: true });
  const queued: string[] = [];
  for (const openid of openids) {
    const id = reportNoticeId(draftId, openid);
    const draft: NotificationDraft = { kind: 'draft_report', touser: openid, template: 'draftReport', fields, query: `id=${draftId}` };
    // The 消息 copy first: an expansion that stopped between the two still leaves it, and a rerun adds none twice.
    await addMessageOnce(inboxCopy(id, draft, now));
    if (await queueOnce(newNotificationDoc(id, draft, now))) queued.push(id);
  }
  return queued;
}
