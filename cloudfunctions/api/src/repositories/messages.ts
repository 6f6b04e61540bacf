// The message centre (消息): one document per message to one citizen. Every message the agency sends a citizen
// through the outbox (repositories/notifications.ts) is written here too, with the outbox message's id, whether or
// not the citizen accepted subscribe messages; announcements of followed departments are added by their fan-out.
// docs/adr/0141-message-centre.md.
import type { MessageKind, MessageSubject } from '../../../../typings/api';
import { _, COLLECTIONS, db } from '../lib/db';
import { withoutId, type Transaction } from '../lib/transaction';
import type { NotificationDraft } from './notifications';
import { phasedPage, type PhasedPage } from './phased-page';

export interface MessageDoc {
  _id: string;
  openid: string;
  kind: MessageKind;
  title: string;
  text: string;
  at: string;
  read: boolean;
  /** `${at}|${_id}`: unique, newest first. */
  msgKey: string;
  subject: MessageSubject;
}

export function newMessageDoc(id: string, m: Omit<MessageDoc, '_id' | 'read' | 'msgKey'>): MessageDoc {
  return { _id: id, ...m, read: false, msgKey: `${m.at}|${id}` };
}

/** Staff messages stay in the outbox only; a citizen's gets its inbox copy (the subject from the page it opens). */
export function inboxCopy(id: string, draft: NotificationDraft, now: string): MessageDoc | null {
  const f = draft.fields;
  const queryId = /(?:^|&)id=([^&]+)/.exec(draft.query ?? '')?.[1];
  const subjectId = draft.caseId ?? queryId;
  if (!subjectId) return null;
  const title = f.title ?? '';
  switch (draft.kind) {
    case 'case_status':
      return newMessageDoc(id, { openid: draft.touser, kind: draft.kind, title, text: [f.status, f.note].filter(Boolean).join('：'), at: now, subject: { kind: 'case', id: subjectId } });
    case 'rating_reminder':
      return newMessageDoc(id, { openid: draft.touser, kind: draft.kind, title, text: f.note ?? '请对办理结果作出评价', at: now, subject: { kind: 'case', id: subjectId } });
    case 'draft_report':
      return newMessageDoc(id, { openid: draft.touser, kind: draft.kind, title, text: f.note ?? '', at: now, subject: { kind: 'draft', id: queryId ?? subjectId } });
    case 'cosign_response':
      return newMessageDoc(id, { openid: draft.touser, kind: draft.kind, title, text: f.note ?? '', at: now, subject: { kind: 'letter', id: subjectId } });
    default:
      return null;
  }
}

/** Inside the transaction of the change the message reports. */
export async function putInboxCopyInTx(tx: Transaction, id: string, draft: NotificationDraft, now: string): Promise<void> {
  const doc = inboxCopy(id, draft, now);
  if (doc) await tx.collection(COLLECTIONS.messages).doc(doc._id).set({ data: withoutId(doc) });
}

function isDuplicate(error: unknown): boolean {
  const msg = String((error as { errMsg?: unknown; message?: unknown } | null)?.errMsg ?? (error as Error | null)?.message ?? '');
  return /E11000|duplicate/i.test(msg);
}

/** Outside a transaction, for messages sent after a change (draft reports, co-sign responses, announcements): once. */
export async function addMessageOnce(doc: MessageDoc | null): Promise<void> {
  if (!doc) return;
  try {
    await db.collection(COLLECTIONS.messages).add({ data: doc });
  } catch (error) {
    if (!isDuplicate(error)) throw error;
  }
}

export function messagePage(openid: string, limit: number, cursor: string | undefined): Promise<PhasedPage<MessageDoc & Record<string, unknown>>> {
  return phasedPage<MessageDoc & Record<string, unknown>>({
    collection: COLLECTIONS.messages,
    phases: [{ where: { openid }, key: 'msgKey', dir: -1 }],
    limit,
    cursor,
    omit: ['openid'],
  });
}

export async function unreadCount(openid: string): Promise<number> {
  const { total } = await db.collection(COLLECTIONS.messages).where({ openid, read: false }).count();
  return total;
}

/** The caller's messages among `ids` (another citizen's are simply not found). */
export async function ownMessages(openid: string, ids: readonly string[]): Promise<Array<Pick<MessageDoc, '_id' | 'read'>>> {
  const unique = [...new Set(ids)];
  const { data } = await db.collection(COLLECTIONS.messages).where({ openid, _id: _.in(unique) }).field({ _id: true, read: true }).limit(unique.length).get();
  return data as Array<Pick<MessageDoc, '_id' | 'read'>>;
}

/** Marks read: only unread messages of `openid` are touched, so a repeat changes nothing. */
export async function markRead(openid: string, ids: readonly string[] | 'all'): Promise<number> {
  const where = ids === 'all' ? { openid, read: false } : { openid, read: false, _id: _.in([...ids]) };
  const { stats } = await db.collection(COLLECTIONS.messages).where(where).update({ data: { read: true } });
  return stats.updated;
}
