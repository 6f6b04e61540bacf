import type { Role } from '../../../../typings/domain';
import { _, COLLECTIONS, db, findById } from '../lib/db';
import { errors } from '../lib/errors';
import { runTransaction, txGet, withoutId } from '../lib/transaction';
import { recordEvent, type NewAuditEvent } from './audit';
import { phasedPage, type PhasedPage } from './phased-page';

/** A staff member's binding; `_id` is the OPENID. Citizens have no document here. */
export interface UserDoc {
  _id: string;
  roles: Role[];
  departmentId?: string;
  disabled?: boolean;
  displayName?: string;
  boundAt?: string;
  /** Absent on documents written before versioning (seeds): read as 0. */
  version?: number;
  /** The invite the binding came from, for the audit trail. */
  inviteId?: string;
}

export async function findUser(openid: string): Promise<UserDoc | null> {
  return findById<UserDoc>(COLLECTIONS.users, openid);
}

/** Staff to notify: bounded lists (an agency has tens of handlers per department), active members only. */
const RECIPIENTS_MAX = 200;

export async function departmentHandlers(departmentId: string): Promise<string[]> {
  const { data } = await db
    .collection(COLLECTIONS.users)
    .where({ departmentId, roles: 'handler', disabled: _.neq(true) })
    .limit(RECIPIENTS_MAX)
    .get();
  return (data as UserDoc[]).map((u) => u._id);
}

export async function staffWithRole(role: Role): Promise<string[]> {
  const { data } = await db
    .collection(COLLECTIONS.users)
    .where({ roles: role, disabled: _.neq(true) })
    .limit(RECIPIENTS_MAX)
    .get();
  return (data as UserDoc[]).map((u) => u._id);
}

/** A page of staff members, in openid order. */
export function pageStaff(limit: number, cursor: string | undefined): Promise<PhasedPage<UserDoc & Record<string, unknown>>> {
  return phasedPage<UserDoc & Record<string, unknown>>({
    collection: COLLECTIONS.users,
    phases: [{ where: {}, key: '_id', dir: 1 }],
    limit,
    ...(cursor ? { cursor } : {}),
  });
}

/**
 * Writes `change` of the staff member read at `version` (CONFLICT otherwise) and records `event` of the change, in
 * one transaction; `change` throws to refuse it.
 */
export async function updateStaff(
  openid: string,
  version: number,
  change: (user: UserDoc) => UserDoc,
  event: (before: UserDoc, after: UserDoc) => NewAuditEvent,
  nowIso: string,
  unchanged: (before: UserDoc, after: UserDoc) => boolean,
): Promise<UserDoc> {
  return runTransaction(async (tx) => {
    const user = await txGet<UserDoc>(tx, COLLECTIONS.users, openid);
    if (!user) throw errors.notFound('工作人员');
    if ((user.version ?? 0) !== version) {
      // This very change, already applied (a retry after a lost answer): answered as it stands (docs/adr/0053).
      if ((user.version ?? 0) === version + 1 && unchanged(user, change(user))) return user;
      throw errors.conflict();
    }
    const next = { ...change(user), version: (user.version ?? 0) + 1 };
    await tx.collection(COLLECTIONS.users).doc(openid).set({ data: { ...withoutId(next), updatedAt: nowIso } });
    await recordEvent(tx, event(user, next));
    return next;
  });
}
