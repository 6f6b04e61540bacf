// The subscribe-message outbox and the one-time grants that allow each message. A message is queued in the same
// transaction as the change it reports, and sent afterwards (services/notifier.ts): a change is never lost for a
// failed send, and a failed send never fails the change.
import { createHash } from 'crypto';
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

/**
 * A message to many people (every co-signer, every commenter): too many to queue in the transaction of the change, so
 * the transaction queues this one entry, and the sender expands it into one message per person (deterministic ids,
 * none twice) right after the action and, if the function stopped first, on the timer (docs/adr/0054).
 */
export type FanoutKind = 'cosign_response' | 'draft_report';

export interface FanoutDoc {
  _id: string;
  kind: 'fanout';
  fanout: FanoutKind;
  /** The case or draft whose co-signers or commenters are told. */
  subjectId: string;
  fields: MessageFields;
  /** 'sent' once every message it stands for is queued. */
  status: NotificationStatus;
  reason?: NotificationReason;
  attempts: number;
  createdAt: string;
  updatedAt: string;
  lastError?: { errCode: number; errMsg: string };
  sendKey?: string;
}

export type OutboxDoc = NotificationDoc | FanoutDoc;

export const fanoutId = (kind: FanoutKind, subjectId: string): string => `fanout-${kind}-${subjectId}`;

export function newFanoutDoc(kind: FanoutKind, subjectId: string, fields: MessageFields, now: string): FanoutDoc {
  const id = fanoutId(kind, subjectId);
  return { _id: id, kind: 'fanout', fanout: kind, subjectId, fields, status: 'pending', attempts: 0, createdAt: now, updatedAt: now, sendKey: `${now}|${id}` };
}

export function isFanout(doc: OutboxDoc): doc is FanoutDoc {
  return doc.kind === 'fanout';
}

function isDuplicate(error: unknown): boolean {
  const msg = String((error as { errMsg?: unknown; message?: unknown } | null)?.errMsg ?? (error as Error | null)?.message ?? '');
  return /E11000|duplicate/i.test(msg);
}

/** Queues one message of a fan-out unless it is queued already; answers whether this call queued it. */
export async function queueOnce(doc: NotificationDoc): Promise<boolean> {
  if (await findNotification(doc._id)) return false;
  try {
    await db.collection(COLLECTIONS.notifications).add({ data: doc });
    return true;
  } catch (error) {
    if (isDuplicate(error)) return false;
    throw error;
  }
}

export function newNotificationDoc(id: string, draft: NotificationDraft, now: string): NotificationDoc {
  return { ...draft, _id: id, status: 'pending', attempts: 0, grantConsumed: false, createdAt: now, updatedAt: now, sendKey: `${now}|${id}` };
}

export async function findNotification(id: string): Promise<NotificationDoc | null> {
  return findById<NotificationDoc>(COLLECTIONS.notifications, id);
}

export async function findOutboxEntry(id: string): Promise<OutboxDoc | null> {
  return findById<OutboxDoc>(COLLECTIONS.notifications, id);
}

/** Messages due for a (re)try, oldest first, after `cursor`. */
export async function dueNotifications(now: string, cursor: string | undefined, limit: number): Promise<OutboxDoc[]> {
  const upper = `${now}|\uffff`;
  const { data } = await db
    .collection(COLLECTIONS.notifications)
    .where({ sendKey: cursor ? _.gt(cursor).and(_.lte(upper)) : _.lte(upper) })
    .orderBy('sendKey', 'asc')
    .limit(limit)
    .get();
  return data as OutboxDoc[];
}

/** Takes a message for sending: only one sender wins (the send key moves to the lease's end). */
export async function claimNotification(doc: OutboxDoc, leaseUntil: string): Promise<boolean> {
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

/** The record of one subscribe request already applied (case.subscribe with a clientRequestId). */
const grantRequestId = (openid: string, clientRequestId: string): string => `req_${createHash('sha256').update(`${openid}\n${clientRequestId}`).digest('hex').slice(0, 32)}`;

/**
 * Adds one grant per template id (each acceptance in wx.requestSubscribeMessage allows one message), all in one
 * transaction. With the client's request id, the same request again answers what the first one granted and adds none.
 */
export async function addGrants(openid: string, templateIds: readonly string[], now: string, clientRequestId?: string): Promise<Record<string, number>> {
  return runTransaction(async (tx) => {
    const requestId = clientRequestId ? grantRequestId(openid, clientRequestId) : null;
    if (requestId) {
      const applied = await txGet<{ granted: Record<string, number> }>(tx, COLLECTIONS.subscriptions, requestId);
      if (applied) return applied.granted;
    }
    const granted: Record<string, number> = {};
    for (const templateId of new Set(templateIds)) {
      const id = grantId(openid, templateId);
      const count = ((await txGet<{ count: number }>(tx, COLLECTIONS.subscriptions, id))?.count ?? 0) + 1;
      await tx.collection(COLLECTIONS.subscriptions).doc(id).set({ data: { openid, templateId, count, updatedAt: now } });
      granted[templateId] = count;
    }
    if (requestId) await tx.collection(COLLECTIONS.subscriptions).doc(requestId).set({ data: { openid, granted, at: now } });
    return granted;
  });
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
