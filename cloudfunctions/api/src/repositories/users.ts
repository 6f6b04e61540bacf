import type { Role } from '../../../../typings/domain';
import { _, COLLECTIONS, db, findById } from '../lib/db';

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
