import type { Role } from '../../../../typings/domain';
import { COLLECTIONS, db, isNotFound } from '../lib/db';

/** A staff member's binding; `_id` is the OPENID. Citizens have no document here. */
export interface UserDoc {
  _id: string;
  roles: Role[];
  departmentId?: string;
  disabled?: boolean;
}

export async function findUser(openid: string): Promise<UserDoc | null> {
  try {
    const { data } = await db.collection(COLLECTIONS.users).doc(openid).get();
    return data as UserDoc;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}
