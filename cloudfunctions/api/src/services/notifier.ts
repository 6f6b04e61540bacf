// The outbox sender: right after an action (best effort, for the messages it queued) and on every timer tick (for
// anything left). A message without a configured template, or whose recipient has no grant left, is recorded as
// skipped; a refusal by WeChat (43101) is final; anything else is retried with backoff up to MAX_ATTEMPTS. A fan-out
// entry (a message to many people) is expanded into one message each, then those are sent like any other.
import * as cloud from 'wx-server-sdk';
import { buildSubscribeData } from '../domain/subscribe-message';
import { loadSettings, type Settings } from '../repositories/settings';
import {
  claimNotification,
  consumeGrant,
  dueNotifications,
  finishNotification,
  findOutboxEntry,
  isFanout,
  markGrantConsumed,
  retryNotificationAt,
  type FanoutDoc,
  type NotificationDoc,
  type OutboxDoc,
} from '../repositories/notifications';
import { queueCosignNotices } from './cosign-notice';
import { queueReportNotices } from './draft-report-notice';

export const MAX_ATTEMPTS = 5;
const LEASE_MS = 2 * 60_000;
const BACKOFF_BASE_MS = 60_000;
const REFUSED_ERRCODE = 43101;
const BATCH = 50;
/** Messages of one fan-out sent as soon as it is expanded; the rest by the timer's sender. */
const FANOUT_SEND_NOW_MAX = 20;

export interface DeliveryCounts {
  sent: number;
  skipped: number;
  failed: number;
  retrying: number;
}

function miniprogramState(): string {
  return process.env.MINIPROGRAM_STATE ?? 'formal';
}

function errorOf(e: unknown): { errCode: number; errMsg: string } {
  const x = e as { errCode?: unknown; errMsg?: unknown; message?: unknown } | null;
  return { errCode: typeof x?.errCode === 'number' ? x.errCode : -1, errMsg: String(x?.errMsg ?? x?.message ?? e) };
}

const isDue = (doc: OutboxDoc, nowIso: string): boolean => doc.status === 'pending' && Boolean(doc.sendKey) && doc.sendKey! <= `${nowIso}|\uffff`;

function expand(doc: FanoutDoc, nowIso: string): Promise<string[]> {
  switch (doc.fanout) {
    case 'cosign_response':
      return queueCosignNotices(doc.subjectId, doc.fields, nowIso);
    case 'draft_report':
      return queueReportNotices(doc.subjectId, doc.fields, nowIso);
  }
}

async function retryLater(doc: OutboxDoc, attempts: number, now: Date, error: { errCode: number; errMsg: string }, counts: DeliveryCounts): Promise<void> {
  const nowIso = now.toISOString();
  if (attempts >= MAX_ATTEMPTS) {
    await finishNotification(doc._id, nowIso, { status: 'failed', reason: 'gave_up', error });
    counts.failed++;
  } else {
    const at = new Date(now.getTime() + BACKOFF_BASE_MS * 2 ** (attempts - 1)).toISOString();
    await retryNotificationAt(doc._id, nowIso, at, error);
    counts.retrying++;
  }
}

/** Queues every message of a fan-out (none twice), then sends the first of them. */
async function expandOne(doc: FanoutDoc, settings: Settings, now: Date, counts: DeliveryCounts): Promise<void> {
  const nowIso = now.toISOString();
  if (!(await claimNotification(doc, new Date(now.getTime() + LEASE_MS).toISOString()))) return;
  let queued: string[];
  try {
    queued = await expand(doc, nowIso);
  } catch (e) {
    // Part may be queued: the next attempt queues the rest (ids per recipient), after the back-off.
    await retryLater(doc, doc.attempts + 1, now, errorOf(e), counts);
    return;
  }
  await finishNotification(doc._id, nowIso, { status: 'sent' });
  for (const id of queued.slice(0, FANOUT_SEND_NOW_MAX)) {
    const message = await findOutboxEntry(id);
    if (message && !isFanout(message)) await deliverOne(message, settings, now, counts);
  }
}

async function dispatch(doc: OutboxDoc, settings: Settings, now: Date, counts: DeliveryCounts): Promise<void> {
  if (!isDue(doc, now.toISOString())) return;
  if (isFanout(doc)) await expandOne(doc, settings, now, counts);
  else await deliverOne(doc, settings, now, counts);
}

async function deliverOne(doc: NotificationDoc, settings: Settings, now: Date, counts: DeliveryCounts): Promise<void> {
  const nowIso = now.toISOString();
  if (!isDue(doc, nowIso)) return;
  if (!(await claimNotification(doc, new Date(now.getTime() + LEASE_MS).toISOString()))) return;
  const template = settings.subscribeTemplates[doc.template];
  if (!template?.templateId) {
    await finishNotification(doc._id, nowIso, { status: 'skipped', reason: 'no_template' });
    counts.skipped++;
    return;
  }
  if (!doc.grantConsumed) {
    if (!(await consumeGrant(doc.touser, template.templateId, template.longTerm === true))) {
      await finishNotification(doc._id, nowIso, { status: 'skipped', reason: 'no_grant' });
      counts.skipped++;
      return;
    }
    await markGrantConsumed(doc._id);
  }
  const attempts = doc.attempts + 1;
  try {
    await cloud.openapi.subscribeMessage.send({
      touser: doc.touser,
      templateId: template.templateId,
      page: template.page ? (doc.query ? `${template.page}?${doc.query}` : template.page) : undefined,
      data: buildSubscribeData(doc.fields, template.fields, settings.subscribeFieldLimits),
      miniprogramState: miniprogramState(),
      lang: 'zh_CN',
    });
    await finishNotification(doc._id, nowIso, { status: 'sent' });
    counts.sent++;
  } catch (e) {
    const error = errorOf(e);
    if (error.errCode === REFUSED_ERRCODE) {
      await finishNotification(doc._id, nowIso, { status: 'failed', reason: 'refused', error });
      counts.failed++;
    } else {
      await retryLater(doc, attempts, now, error, counts);
    }
  }
}

const emptyCounts = (): DeliveryCounts => ({ sent: 0, skipped: 0, failed: 0, retrying: 0 });

/** Sends the messages (or expands the fan-outs) an action just queued. Never throws: the action has succeeded whatever happens here. */
export async function deliverNow(ids: readonly string[], now: Date, settings?: Settings): Promise<void> {
  if (ids.length === 0) return;
  try {
    const s = settings ?? (await loadSettings());
    const counts = emptyCounts();
    for (const id of ids) {
      const doc = await findOutboxEntry(id);
      if (doc) await dispatch(doc, s, now, counts);
    }
  } catch (error) {
    console.warn('[notifier] immediate delivery failed; the timer will retry', error);
  }
}

/** Timer job: every message whose attempt is due, in batches by send key. */
export async function deliverDue(now: Date): Promise<DeliveryCounts> {
  const settings = await loadSettings();
  const counts = emptyCounts();
  let cursor: string | undefined;
  for (;;) {
    const batch = await dueNotifications(now.toISOString(), cursor, BATCH);
    for (const doc of batch) {
      try {
        await dispatch(doc, settings, now, counts);
      } catch (error) {
        console.warn('[notifier] delivery of one message failed; it stays queued', doc._id, error);
      }
    }
    if (batch.length < BATCH) return counts;
    cursor = batch[batch.length - 1]!.sendKey;
  }
}
