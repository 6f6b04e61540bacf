// Staff invites: single use, expiring, the secret stored only as a salted hash (domain/invite-code.ts).
import type { Role } from '../../../../typings/domain';
import { COLLECTIONS, findById } from '../lib/db';
import { runTransaction } from '../lib/transaction';
import { recordEvent, type NewAuditEvent } from './audit';

export interface InviteDoc {
  _id: string;
  salt: string;
  hash: string;
  roles: Role[];
  departmentId?: string;
  expiresAt: string;
  createdAt: string;
  createdBy: string;
  usedBy?: string;
  usedAt?: string;
  /** Set when an admin withdraws the invite: unused, it cannot be bound; used, its binding grants nothing. */
  revokedAt?: string;
}

export async function findInvite(id: string): Promise<InviteDoc | null> {
  return findById<InviteDoc>(COLLECTIONS.invites, id);
}

/** Creates the invite; false when its id is taken (the caller draws another code). */
/** Stores a new invite and records `event` in the same transaction; false when its id is taken. */
export async function insertInvite(doc: InviteDoc, event: NewAuditEvent): Promise<boolean> {
  try {
    await runTransaction(async (tx) => {
      await tx.collection(COLLECTIONS.invites).add({ data: doc });
      await recordEvent(tx, event);
    });
    return true;
  } catch (error) {
    if (/duplicate key|E11000/.test(String((error as { errMsg?: string; message?: string })?.errMsg ?? (error as Error)?.message))) return false;
    throw error;
  }
}
