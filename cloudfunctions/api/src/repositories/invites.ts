// Staff invites: single use, expiring, the secret stored only as a salted hash (domain/invite-code.ts).
import type { Role } from '../../../../typings/domain';
import { ROLE_LABELS } from '../domain/case-labels';
import { COLLECTIONS, findById } from '../lib/db';
import { errors } from '../lib/errors';
import { runTransaction, txGet, withoutId } from '../lib/transaction';
import { recordEvent, type NewAuditEvent } from './audit';
import type { UserDoc } from './users';

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

/**
 * Binds `openid` with the invite (its secret already checked): the invite is used up, the staff member written with
 * its roles and department, and the binding recorded, in one transaction; an invite used, revoked or expired
 * meanwhile is refused.
 */
export async function bindInvite(inviteId: string, openid: string, displayName: string | undefined, nowIso: string): Promise<{ roles: Role[]; departmentId?: string }> {
  return runTransaction(async (tx) => {
    const fresh = await txGet<InviteDoc>(tx, COLLECTIONS.invites, inviteId);
    if (!fresh) throw errors.invalid('邀请码不正确，请核对后重新输入。', { code: '邀请码不正确' });
    // The caller's own binding again (a retry after a lost answer): answered as it stands, nothing written.
    if (fresh.usedBy === openid) return fresh.departmentId ? { roles: [...fresh.roles], departmentId: fresh.departmentId } : { roles: [...fresh.roles] };
    if (fresh.usedBy) throw errors.precondition('该邀请码已被使用，请向管理员索取新的邀请码。');
    if (fresh.revokedAt) throw errors.precondition('该邀请码已被管理员撤销，请向管理员索取新的邀请码。');
    if (fresh.expiresAt < nowIso) throw errors.precondition('该邀请码已过期，请向管理员索取新的邀请码。');
    const existing = await txGet<UserDoc>(tx, COLLECTIONS.users, openid);
    const user: UserDoc = { _id: openid, roles: [...fresh.roles], boundAt: nowIso, version: (existing?.version ?? 0) + 1, inviteId: fresh._id, disabled: false };
    if (fresh.departmentId) user.departmentId = fresh.departmentId;
    const name = displayName ?? existing?.displayName;
    if (name) user.displayName = name;
    await tx.collection(COLLECTIONS.invites).doc(fresh._id).update({ data: { usedBy: openid, usedAt: nowIso } });
    await tx.collection(COLLECTIONS.users).doc(openid).set({ data: withoutId(user) });
    const note = `以邀请码 ${fresh._id} 绑定为${user.roles.map((r) => ROLE_LABELS[r]).join('、')}`;
    await recordEvent(tx, { subject: 'staff', subjectId: openid, kind: 'bound', at: nowIso, actor: { role: user.roles[0] ?? 'citizen', openid }, note });
    return fresh.departmentId ? { roles: user.roles, departmentId: fresh.departmentId } : { roles: user.roles };
  });
}
