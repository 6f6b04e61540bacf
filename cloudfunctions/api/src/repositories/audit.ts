// The one audit trail: every change to a policy, draft, comment, staff member, invite, setting, department or category
// is recorded here by `recordEvent`, in the same transaction as the change, with one actor model (role and OPENID).
// A case's changes are its timeline (case_events, repositories/cases.ts), which citizens read; this trail is for
// admins (admin.audit.list). docs/adr/0060-one-audit-trail.md says why two collections and one module.
import type { ActorRole, AuditSubject } from '../../../../typings/api';
import type { Role } from '../../../../typings/domain';
import type { Caller } from '../lib/caller';
import { _, COLLECTIONS, db } from '../lib/db';
import type { Transaction } from '../lib/transaction';

export type AuditKind =
  // policies, drafts, comments
  | 'created'
  | 'edited'
  | 'published'
  | 'unpublished'
  | 'repealed'
  | 'commented'
  | 'approved'
  | 'hidden'
  | 'decided'
  | 'reported'
  // surveys
  | 'answered'
  | 'answer_changed'
  | 'results_published'
  | 'exported'
  // staff and invites
  | 'invited'
  | 'bound'
  | 'staff_updated'
  // settings and the catalog
  | 'settings_updated'
  | 'saved'
  // exports of personal data (docs/adr/0121-personal-data-in-exports.md)
  | 'exported'
  | 'downloaded';

export interface AuditActor {
  role: ActorRole;
  /** For the audit only: never part of a citizen's answer. */
  openid: string | null;
}

export interface AuditEventDoc {
  _id: string;
  subject: AuditSubject;
  subjectId: string;
  /** The draft a comment belongs to, so a draft's history includes its comments' moderation. */
  draftId?: string;
  kind: AuditKind;
  at: string;
  /** `${at}|${_id}`: the unique sort key of the trail. */
  key: string;
  actor: AuditActor;
  note?: string;
  data?: Record<string, unknown>;
}

export type NewAuditEvent = Omit<AuditEventDoc, '_id' | 'key'>;

/** The role a change was made in: the first of `preferred` the caller holds, else their first role, else citizen. */
export function auditActor(caller: Caller, preferred: readonly Role[] = ['editor', 'admin']): AuditActor {
  const role: ActorRole = preferred.find((r) => caller.roles.includes(r)) ?? caller.roles[0] ?? 'citizen';
  return { role, openid: caller.openid };
}

let lastMs = 0;
let sameMs = 0;

/**
 * Rising within one instance: the trail is newest first by `${at}|${_id}`, and two changes can share `at` (one
 * millisecond, or a frozen clock), so the id must order them as they were made. The random tail keeps ids of two
 * instances apart.
 */
function newId(): string {
  const ms = Date.now();
  sameMs = ms === lastMs ? sameMs + 1 : 0;
  lastMs = ms;
  return `${ms.toString(36).padStart(9, '0')}${sameMs.toString(36).padStart(4, '0')}${Math.random().toString(36).slice(2, 10)}`;
}

/** Appends one event; inside `tx` when the change it records is transactional (it then commits or rolls back with it). */
export async function recordEvent(tx: Transaction | null, event: NewAuditEvent): Promise<void> {
  const _id = newId();
  const doc: AuditEventDoc = { ...event, _id, key: `${event.at}|${_id}` };
  const { _id: id, ...data } = doc;
  const target = tx ? tx.collection(COLLECTIONS.auditEvents) : db.collection(COLLECTIONS.auditEvents);
  await target.doc(id).set({ data });
}

export interface AuditQuery {
  subject?: AuditSubject;
  actorOpenid?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit: number;
}

/** One page of the trail, newest first, by the unique `key` (an index per filter combination: database/indexes.json). */
export async function listAudit(q: AuditQuery): Promise<AuditEventDoc[]> {
  const where: Record<string, unknown> = {};
  if (q.subject) where.subject = q.subject;
  if (q.actorOpenid) where['actor.openid'] = q.actorOpenid;
  const bounds = [];
  if (q.cursor) bounds.push(_.lt(q.cursor));
  if (q.to) bounds.push(_.lt(q.to));
  if (q.from) bounds.push(_.gte(q.from));
  if (bounds.length) where.key = bounds.length === 1 ? bounds[0] : _.and(...bounds);
  const { data } = await db.collection(COLLECTIONS.auditEvents).where(where).orderBy('key', 'desc').limit(q.limit).get();
  return data as AuditEventDoc[];
}
