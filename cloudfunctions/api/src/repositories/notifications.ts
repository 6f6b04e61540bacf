// The subscribe-message outbox and the one-time grants that allow each message. A message is queued in the same
// transaction as the change it reports, and sent afterwards (services/notifier.ts): a change is never lost for a
// failed send, and a failed send never fails the change.
import type { SettingsView } from '../../../../typings/api';
import type { MessageFields } from '../domain/subscribe-message';
import { _, COLLECTIONS, db, findById } from '../lib/db';
import { runTransaction, txGet } from '../lib/transaction';

export type NotificationKind = 'case_status' | 'rating_reminder' | 'staff_assigned' | 'staff_review' | 'staff_due' | 'staff_overdue' | 'draft_report' | 'cosign_response';
export type TemplateKey = keyof SettingsView['subscribeTemplates'];

export interface NotificationDraft {
  kind: NotificationKind;
  touser: string;
  template: TemplateKey;
  caseId?: string;
  fields: MessageFields;
  /** Query string of the page the message opens, e.g. "id=<case id>". */
  query?: string;
}

export type NotificationStatus = 'pending' | 'sent' | 'skipped' | 'failed';
export type NotificationReason = 'no_template' | 'no_grant' | 'refused' | 'gave_up';

export interface NotificationDoc extends NotificationDraft {
  _id: string;
  status: NotificationStatus;
  reason?: NotificationReason;
  attempts: number;
  grantConsumed: boolean;
  createdAt: string;
  updatedAt: string;
  sentAt?: string;
  lastError?: { errCode: number; errMsg: string };
  /** "<next attempt>|<id>" while the message waits to be sent; removed once it is sent, skipped or failed. */
  sendKey?: string;
}

export function newNotificationDoc(id: string, draft: NotificationDraft, now: string): NotificationDoc {
  return { ...draft, _id: id, status: 'pending', attempts: 0, grantConsumed: false, createdAt: now, updatedAt: now, sendKey: `${now}|${id}` };
}

export async function findNotification(id: string): Promise<NotificationDoc | null> {
  return findById<NotificationDoc>(COLLECTIONS.notifications, id);
}

/** Messages due for a (re)try, oldest first, after `cursor`. */
export async function dueNotifications(now: string, cursor: string | undefined, limit: number): Promise<NotificationDoc[]> {
  const upper = `${now}|\uffff`;
  const { data } = await db
    .collection(COLLECTIONS.notifications)
    .where({ sendKey: cursor ? _.gt(cursor).and(_.lte(upper)) : _.lte(upper) })
    .orderBy('sendKey', 'asc')
    .limit(limit)
    .get();
  return data as NotificationDoc[];
}

/** Takes a message for sending: only one sender wins (the send key moves to the lease's end). */
export async function claimNotification(doc: NotificationDoc, leaseUntil: string): Promise<boolean> {
  const { stats } = await db
    .collection(COLLECTIONS.notifications)
    .where({ _id: doc._id, sendKey: doc.sendKey })
    .update({ data: { sendKey: `${leaseUntil}|${doc._id}`, attempts: _.inc(1) } });
  return stats.updated === 1;
}

export async function markGrantConsumed(id: string): Promise<void> {
  await db.collection(COLLECTIONS.notifications).doc(id).update({ data: { grantConsumed: true } });
}

export async function finishNotification(
  id: string,
  now: string,
  result: { status: Exclude<NotificationStatus, 'pending'>; reason?: NotificationReason; error?: { errCode: number; errMsg: string } },
): Promise<void> {
  const data: Record<string, unknown> = { status: result.status, updatedAt: now, sendKey: _.remove() };
  if (result.reason) data.reason = result.reason;
  if (result.error) data.lastError = result.error;
  if (result.status === 'sent') data.sentAt = now;
  await db.collection(COLLECTIONS.notifications).doc(id).update({ data });
}

export async function retryNotificationAt(id: string, now: string, at: string, error: { errCode: number; errMsg: string }): Promise<void> {
  await db
    .collection(COLLECTIONS.notifications)
    .doc(id)
    .update({ data: { sendKey: `${at}|${id}`, lastError: error, updatedAt: now } });
}

// ---- grants ---------------------------------------------------------------------------------------------------

const grantId = (openid: string, templateId: string): string => `${openid}_${templateId}`;

/** Adds one grant per template id (each acceptance in wx.requestSubscribeMessage allows one message). */
export async function addGrants(openid: string, templateIds: readonly string[], now: string): Promise<Record<string, number>> {
  const granted: Record<string, number> = {};
  for (const templateId of new Set(templateIds)) {
    granted[templateId] = await runTransaction(async (tx) => {
      const id = grantId(openid, templateId);
      const count = ((await txGet<{ count: number }>(tx, COLLECTIONS.subscriptions, id))?.count ?? 0) + 1;
      await tx.collection(COLLECTIONS.subscriptions).doc(id).set({ data: { openid, templateId, count, updatedAt: now } });
      return count;
    });
  }
  return granted;
}

/** Uses up one grant, if any is left; a long-term template (长期订阅) needs one but keeps it. */
export async function consumeGrant(openid: string, templateId: string, longTerm: boolean): Promise<boolean> {
  const id = grantId(openid, templateId);
  if (longTerm) {
    return ((await findById<{ count?: number }>(COLLECTIONS.subscriptions, id))?.count ?? 0) > 0;
  }
  const { stats } = await db
    .collection(COLLECTIONS.subscriptions)
    .where({ _id: id, count: _.gt(0) })
    .update({ data: { count: _.inc(-1) } });
  return stats.updated === 1;
}
