// Cases, their events, their counters and their public letters. Every change to a case is one transaction: read the
// case, check its version, write it with recomputed keys, append its events, move its counters, queue its messages
// in the outbox, and keep its public letter in step. Whatever a change needs from elsewhere (settings, recipients,
// content-check verdicts) is read before the transaction, so the transaction holds only single-document operations.
import type { ReplyTemplate } from '../../../../typings/api';
import type { WorkCalendar } from '../domain/calendar';
import type { CaseDoc, CaseEventDoc, NewEvent } from '../domain/case-doc';
import { eventFacts } from '../domain/case-figures';
import { statDelta, withKeys, type CaseCore } from '../domain/case-keys';
import type { CaseRules } from '../domain/deadlines';
import { formatTrackingNo } from '../domain/tracking';
import { _, COLLECTIONS, db, findById } from '../lib/db';
import { errors } from '../lib/errors';
import { runTransaction, txGet, withoutId, type Transaction } from '../lib/transaction';
import { dailySubmissionsKey, trackingSequenceKey } from './counters';
import { newNotificationDoc, type NotificationDraft } from './notifications';
import { putInboxCopyInTx } from './messages';
import { moveDailyFigures } from './stats';
import type { LetterDoc } from './letters';

export interface CaseContext {
  rules: CaseRules;
  cal: WorkCalendar;
  now: string;
  /** From settings: an answer is compared with them for the template-only figure. */
  replyTemplates?: readonly ReplyTemplate[];
}

export async function findCase(id: string): Promise<CaseDoc | null> {
  return findById<CaseDoc>(COLLECTIONS.cases, id);
}

/** The case of a tracking number (unique by construction: a per-day sequence), through its index. */
export async function findCaseByTrackingNo(trackingNo: string): Promise<CaseDoc | null> {
  const { data } = await db.collection(COLLECTIONS.cases).where({ trackingNo }).limit(1).get();
  return (data[0] as CaseDoc | undefined) ?? null;
}

/** A case's events in timeline order. A case has tens of events; 500 is a bound, not a page. */
export async function listEvents(caseId: string): Promise<CaseEventDoc[]> {
  const { data } = await db.collection(COLLECTIONS.caseEvents).where({ caseId }).orderBy('seq', 'asc').limit(500).get();
  return data as CaseEventDoc[];
}

/** The first event written with a case's `version` (its id is deterministic: appendEvents). */
export async function firstEventOf(caseId: string, version: number): Promise<CaseEventDoc | null> {
  return findById<CaseEventDoc>(COLLECTIONS.caseEvents, `${caseId}-${version}-0`);
}

export interface CaseStatsDoc {
  _id: string;
  counts: Record<string, number>;
}

export async function loadStats(scope: string): Promise<Record<string, number>> {
  return (await findById<CaseStatsDoc>(COLLECTIONS.caseStats, scope))?.counts ?? {};
}

/** What one change does besides writing the case. */
export interface CaseChange {
  /** The case after the change, without version, updatedAt and derived keys (the repository sets those). */
  next: CaseCore;
  events: NewEvent[];
  notifications?: NotificationDraft[];
  /** Publish (or re-publish) the case as this letter, withdraw its letter, or set fields of the published letter. */
  letter?: { upsert: LetterDoc } | { remove: true } | { patch: Partial<Omit<LetterDoc, '_id'>> };
}

export interface WriteResult {
  doc: CaseDoc;
  notificationIds: string[];
}

async function moveStats(tx: Transaction, before: CaseDoc | null, after: CaseDoc): Promise<void> {
  for (const [scope, delta] of statDelta(before, after)) {
    const stored = await txGet<CaseStatsDoc>(tx, COLLECTIONS.caseStats, scope);
    const counts = { ...(stored?.counts ?? {}) };
    for (const [key, d] of delta) {
      const n = (counts[key] ?? 0) + d;
      // Day buckets come and go; a zero is dropped so the document stays the size of the open workload.
      if (n === 0) delete counts[key];
      else counts[key] = n;
    }
    await tx.collection(COLLECTIONS.caseStats).doc(scope).set({ data: { counts } });
  }
}

/** Appends the events, each with the facts it counts for, and adds them to the daily figures. */
async function appendEvents(tx: Transaction, ctx: CaseContext, before: CaseDoc | null, after: CaseDoc, events: NewEvent[]): Promise<void> {
  const written: CaseEventDoc[] = [];
  let i = 0;
  for (const e of events) {
    const facts = eventFacts(before, after, e, ctx);
    // Deterministic ids: a retried transaction cannot append an event twice.
    const doc: CaseEventDoc = { ...e, ...(facts ? { facts } : {}), _id: `${after._id}-${after.version}-${i}`, caseId: after._id, seq: after.version * 100 + i };
    await tx.collection(COLLECTIONS.caseEvents).add({ data: doc });
    written.push(doc);
    i++;
  }
  await moveDailyFigures(tx, written);
}

async function queueNotifications(tx: Transaction, caseId: string, version: number, drafts: NotificationDraft[], now: string): Promise<string[]> {
  const ids: string[] = [];
  let i = 0;
  for (const draft of drafts) {
    const doc = newNotificationDoc(`${caseId}-${version}-${i++}`, draft, now);
    await tx.collection(COLLECTIONS.notifications).add({ data: doc });
    // The citizen's 消息 holds it whatever becomes of the subscribe message.
    await putInboxCopyInTx(tx, doc._id, draft, now);
    ids.push(doc._id);
  }
  return ids;
}

async function syncLetter(tx: Transaction, before: CaseDoc, after: CaseDoc, letter: CaseChange['letter']): Promise<void> {
  const ref = tx.collection(COLLECTIONS.letters).doc(after._id);
  if (letter && 'upsert' in letter) {
    // Co-signs belong to the letter, not to the case it is built from: a re-publication keeps them.
    const stored = await txGet<LetterDoc>(tx, COLLECTIONS.letters, after._id);
    const kept = { ...(stored?.cosignCount ? { cosignCount: stored.cosignCount } : {}), ...(stored?.cosignResponse ? { cosignResponse: stored.cosignResponse } : {}) };
    await ref.set({ data: withoutId({ ...letter.upsert, ...kept, visible: letter.upsert.visible && !after.flagged }) });
  } else if (letter && 'patch' in letter) {
    if (await txGet(tx, COLLECTIONS.letters, after._id)) await ref.update({ data: letter.patch });
  } else if (letter && 'remove' in letter) {
    if (await txGet(tx, COLLECTIONS.letters, after._id)) await ref.remove();
  } else if (after.publishable && before.flagged !== after.flagged) {
    // Content held for review is never public: the letter hides while the case is flagged.
    const stored = await txGet<LetterDoc>(tx, COLLECTIONS.letters, after._id);
    if (stored) await ref.update({ data: { visible: !after.flagged } });
  }
}

/**
 * Applies the change `decide` makes of the stored case `id`, in one transaction. `decide` checks who may do it and
 * the version the caller read (throwing an AppError to refuse), or answers null to change nothing.
 */
export async function updateCase(id: string, ctx: CaseContext, decide: (doc: CaseDoc) => CaseChange | null): Promise<WriteResult | null> {
  return runTransaction(async (tx) => {
    const doc = await txGet<CaseDoc>(tx, COLLECTIONS.cases, id);
    if (!doc) throw errors.notFound('诉求');
    const change = decide(doc);
    if (!change) return null;
    return writeCaseChangeInTx(tx, doc, change, ctx);
  });
}

/** One change of a case read in `tx`, for a transaction that also writes other records (a co-sign). */
export async function writeCaseChangeInTx(tx: Transaction, doc: CaseDoc, change: CaseChange, ctx: CaseContext): Promise<WriteResult> {
  const version = doc.version + 1;
  const next = withKeys({ ...change.next, _id: doc._id, version, updatedAt: ctx.now }, ctx.rules, ctx.cal);
  await tx.collection(COLLECTIONS.cases).doc(doc._id).set({ data: withoutId(next) });
  await syncLetter(tx, doc, next, change.letter);
  const notificationIds = await queueNotifications(tx, doc._id, version, change.notifications ?? [], ctx.now);
  // The daily figures and the stats documents are shared by every case: read them last, so the window in which
  // another commit can conflict with this one is as short as possible (docs/adr/0055).
  await appendEvents(tx, ctx, doc, next, change.events);
  await moveStats(tx, doc, next);
  return { doc: next, notificationIds };
}

export interface NewCase {
  /** Without trackingNo (allocated here), version, derived keys. */
  doc: Omit<CaseCore, 'trackingNo' | 'version'>;
  events: NewEvent[];
  notifications?: NotificationDraft[];
  /** Shanghai day "20261125" of the submission: the tracking-number sequence and the daily limit count per day. */
  day: string;
  dailyLimit: number;
}

export type CreateResult = { created: true; doc: CaseDoc; notificationIds: string[] } | { created: false; doc: CaseDoc };

/**
 * Creates a case with the next tracking number of its day, unless a case with its id exists (a retried submit):
 * then that case is the answer. The citizen's daily limit is counted in the same transaction, so concurrent
 * submissions cannot pass it together.
 */
export async function createCase(input: NewCase, ctx: CaseContext, rateLimited: (limit: number) => Error): Promise<CreateResult> {
  const id = input.doc._id;
  try {
    return await runTransaction<CreateResult>(async (tx) => {
      const existing = await txGet<CaseDoc>(tx, COLLECTIONS.cases, id);
      if (existing) return { created: false, doc: existing };
      const mineId = dailySubmissionsKey(input.doc.openid, input.day);
      const mine = await txGet<{ n: number }>(tx, COLLECTIONS.counters, mineId);
      if ((mine?.n ?? 0) >= input.dailyLimit) throw rateLimited(input.dailyLimit);
      await tx.collection(COLLECTIONS.counters).doc(mineId).set({ data: { n: (mine?.n ?? 0) + 1 } });
      const notificationIds = await queueNotifications(tx, id, 1, input.notifications ?? [], ctx.now);
      // The day's sequence, the daily figures and the stats are shared by every submission: read last, just before the commit, so
      // concurrent submissions overlap (and conflict) as little as possible (docs/adr/0055).
      const dayId = trackingSequenceKey(input.day);
      const seq = ((await txGet<{ n: number }>(tx, COLLECTIONS.counters, dayId))?.n ?? 0) + 1;
      await tx.collection(COLLECTIONS.counters).doc(dayId).set({ data: { n: seq } });
      const doc = withKeys({ ...input.doc, trackingNo: formatTrackingNo(input.day, seq), version: 1 }, ctx.rules, ctx.cal);
      await tx.collection(COLLECTIONS.cases).add({ data: doc });
      await appendEvents(tx, ctx, null, doc, input.events);
      await moveStats(tx, null, doc);
      return { created: true, doc, notificationIds };
    });
  } catch (error) {
    // Two first attempts of one retried submit racing: the loser's insert meets the winner's case.
    if (/duplicate key|E11000/.test(String((error as { message?: string; errMsg?: string })?.errMsg ?? (error as Error)?.message ?? ''))) {
      const doc = await findCase(id);
      if (doc) return { created: false, doc };
    }
    throw error;
  }
}

/** Cases whose timer is due (timerKey up to now), in key order after `cursor`. */
export async function dueForTimer(now: string, cursor: string | undefined, limit: number): Promise<CaseDoc[]> {
  const upper = `${now}|\uffff`;
  const { data } = await db
    .collection(COLLECTIONS.cases)
    .where({ timerKey: cursor ? _.gt(cursor).and(_.lte(upper)) : _.lte(upper) })
    .orderBy('timerKey', 'asc')
    .limit(limit)
    .get();
  return data as CaseDoc[];
}
