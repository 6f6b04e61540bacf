import * as cloud from 'wx-server-sdk';
import type { Role } from '../../../../typings/domain';
import { findInvite } from '../repositories/invites';
import { findUser, type UserDoc } from '../repositories/users';

/** Who is calling, from the platform's context only: never from the payload. */
export interface Caller {
  /** Absent for calls without a WeChat user (timer triggers, the console). */
  openid: string | null;
  roles: Role[];
  departmentId?: string;
  isStaff: boolean;
}

export function adminOpenids(): Set<string> {
  return new Set(
    (process.env.ADMIN_OPENIDS ?? '')
      .split(/[,\s]+/)
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

/** A binding counts while its member is not disabled and the invite it came from was not revoked (ADR 0052). */
async function activeBinding(user: UserDoc | null): Promise<UserDoc | null> {
  if (!user || user.disabled) return null;
  if (user.inviteId && (await findInvite(user.inviteId))?.revokedAt) return null;
  return user;
}

export async function loadCaller(): Promise<Caller> {
  const openid = cloud.getWXContext().OPENID || null;
  if (!openid) return { openid: null, roles: [], isStaff: false };
  const user = await activeBinding(await findUser(openid));
  const roles = new Set<Role>(user ? user.roles : []);
  if (adminOpenids().has(openid)) roles.add('admin');
  const list = [...roles].sort();
  const caller: Caller = { openid, roles: list, isStaff: list.length > 0 };
  if (user?.departmentId) caller.departmentId = user.departmentId;
  return caller;
}
