// The audit log of policies, drafts and comments: one append-only document per change, written in the same
// transaction as the change. Who (role, and the OPENID for the audit, never shown to citizens), when, what.
import type { ActorRole } from '../../../../typings/api';
import type { Caller } from '../lib/caller';
import { COLLECTIONS, db } from '../lib/db';
import type { Transaction } from '../lib/transaction';

export type PolicyEventSubject = 'policy' | 'draft' | 'comment';

export type PolicyEventKind =
  | 'created'
  | 'edited'
  | 'published'
  | 'unpublished'
  | 'repealed'
  | 'commented'
  | 'approved'
  | 'hidden'
  | 'decided'
  | 'reported';

export interface PolicyEventDoc {
  subject: PolicyEventSubject;
  subjectId: string;
  /** The draft a comment belongs to, so a draft's history includes its comments' moderation. */
  draftId?: string;
  kind: PolicyEventKind;
  at: string;
  actor: { role: ActorRole; openid: string | null };
  note?: string;
  data?: Record<string, unknown>;
}

/** The role a change was made in: the writing role when the caller holds it, else what they are. */
export function actorOf(caller: Caller): PolicyEventDoc['actor'] {
  const role: ActorRole = caller.roles.includes('editor') ? 'editor' : caller.roles.includes('admin') ? 'admin' : caller.roles[0] ?? 'citizen';
  return { role, openid: caller.openid };
}

export async function addEvent(tx: Transaction | null, event: PolicyEventDoc): Promise<void> {
  const target = tx ? tx.collection(COLLECTIONS.policyEvents) : db.collection(COLLECTIONS.policyEvents);
  await target.add({ data: event });
}
