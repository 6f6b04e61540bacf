import * as cloud from 'wx-server-sdk';
import type { Role } from '../../../../typings/domain';
import { findUser } from '../repositories/users';

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

export async function loadCaller(): Promise<Caller> {
  const openid = cloud.getWXContext().OPENID || null;
  if (!openid) return { openid: null, roles: [], isStaff: false };
  const user = await findUser(openid);
  const roles = new Set<Role>(user && !user.disabled ? user.roles : []);
  if (adminOpenids().has(openid)) roles.add('admin');
  const list = [...roles].sort();
  const caller: Caller = { openid, roles: list, isStaff: list.length > 0 };
  if (user && !user.disabled && user.departmentId) caller.departmentId = user.departmentId;
  return caller;
}
