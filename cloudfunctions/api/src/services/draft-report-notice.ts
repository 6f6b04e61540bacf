// "The adoption report is out": one subscribe message to everyone who commented on a draft, through the outbox
// (repositories/notifications.ts, services/notifier.ts). Ids are derived from draft and citizen, so a retried report
// never queues a second message to anyone.
import type { DraftDoc } from '../domain/policies/drafts';
import { COLLECTIONS, db } from '../lib/db';
import { eachComment } from '../repositories/drafts';
import { addMessageOnce, inboxCopy } from '../repositories/messages';
import { findNotification, newNotificationDoc, type NotificationDraft } from '../repositories/notifications';
import { deliverNow } from './notifier';

/** Sent at once (best effort); the rest, and any retry, by the timer's sender. */
const SEND_NOW_MAX = 20;

export const reportNoticeId = (draftId: string, openid: string): string => `draft-report-${draftId}-${openid}`;

function isDuplicate(error: unknown): boolean {
  const msg = String((error as { errMsg?: unknown; message?: unknown } | null)?.errMsg ?? (error as Error | null)?.message ?? '');
  return /E11000|duplicate/i.test(msg);
}

export async function notifyCommenters(draft: DraftDoc, now: Date): Promise<string[]> {
  const openids = new Set<string>();
  await eachComment({ draftId: draft._id }, (c) => openids.add(c.openid), { openid: true });
  const nowIso = now.toISOString();
  const queued: string[] = [];
  for (const openid of openids) {
    const id = reportNoticeId(draft._id, openid);
    const draftNotice: NotificationDraft = {
      kind: 'draft_report',
      touser: openid,
      template: 'draftReport',
      fields: { title: draft.title, status: '已公布', time: draft.report?.publishedAt ?? nowIso, note: '您参与的意见征集已公布采纳情况' },
      query: `id=${draft._id}`,
    };
    // Before the outbox check: a first attempt that stopped between the two still leaves the message in 消息.
    await addMessageOnce(inboxCopy(id, draftNotice, nowIso));
    if (await findNotification(id)) continue;
    const doc = newNotificationDoc(id, draftNotice, nowIso);
    try {
      await db.collection(COLLECTIONS.notifications).add({ data: doc });
      queued.push(id);
    } catch (error) {
      if (!isDuplicate(error)) throw error;
    }
  }
  await deliverNow(queued.slice(0, SEND_NOW_MAX), now);
  return queued;
}
