// The rules every change to a staff member's roles obeys, whether by invite or by an admin's edit.
import type { Role } from '../../../../../typings/domain';
import { adminOpenids, type Caller } from '../../lib/caller';
import { errors } from '../../lib/errors';
import type { CatalogMaps } from '../../repositories/catalog';

/** The department must exist and be in use; a handler answers for one department, so must have one. */
export function requireStaffDepartment(catalog: CatalogMaps, roles: readonly Role[], departmentId: string | undefined): void {
  if (departmentId) {
    const d = catalog.departments.get(departmentId);
    if (!d || d.disabled) throw errors.invalid('承办单位不存在', { departmentId: '承办单位不存在' });
  }
  if (roles.includes('handler') && !departmentId) throw errors.invalid('承办人必须选择所属单位', { departmentId: '承办人必须选择所属单位' });
}

/** An admin cannot lock themselves out by mistake; those in ADMIN_OPENIDS cannot be locked out at all. */
export function guardSelf(caller: Caller, openid: string, roles: readonly Role[], disabled: boolean): void {
  if (caller.openid !== openid || adminOpenids().has(openid)) return;
  if (disabled || !roles.includes('admin')) throw errors.precondition('不能停用自己的账号或取消自己的管理员角色，请由其他管理员操作。');
}
