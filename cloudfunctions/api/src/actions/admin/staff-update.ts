// admin.staff.update: a staff member's roles, department, name or access, at the version the admin read.
import { ROLE_LABELS } from '../../domain/case-labels';
import { defineAction } from '../../lib/action';
import { auditActor } from '../../repositories/audit';
import { readCatalogMaps } from '../../repositories/catalog';
import { updateStaff, type UserDoc } from '../../repositories/users';
import { staffUpdateSchema } from './schemas';
import { guardSelf, requireStaffDepartment } from './staff-rules';
import { staffMember } from './view';

/** What an update changed, in words, for the audit trail. */
function staffChange(before: UserDoc, after: UserDoc): string {
  const parts: string[] = [];
  const roles = (u: UserDoc) => u.roles.map((r) => ROLE_LABELS[r]).join('、') || '无角色';
  if (roles(before) !== roles(after)) parts.push(`角色：${roles(before)} → ${roles(after)}`);
  if ((before.departmentId ?? '') !== (after.departmentId ?? '')) parts.push(`所属单位：${before.departmentId ?? '无'} → ${after.departmentId ?? '无'}`);
  if (Boolean(before.disabled) !== Boolean(after.disabled)) parts.push(after.disabled ? '停用' : '启用');
  if ((before.displayName ?? '') !== (after.displayName ?? '')) parts.push(`姓名：${after.displayName ?? ''}`);
  return parts.join('；') || UNCHANGED;
}

const UNCHANGED = '未改变';

function staffChangeData(input: { roles?: readonly string[]; departmentId?: string | null; disabled?: boolean }): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  if (input.roles) data.roles = [...input.roles];
  if (input.departmentId !== undefined) data.departmentId = input.departmentId;
  if (input.disabled !== undefined) data.disabled = input.disabled;
  return data;
}

export const adminStaffUpdate = defineAction<'admin.staff.update'>({
  schema: staffUpdateSchema,
  async run(input, { caller, now }) {
    const catalog = await readCatalogMaps();
    const apply = (user: UserDoc): UserDoc => {
      const next: UserDoc = { ...user };
      if (input.roles) next.roles = [...input.roles];
      if (input.departmentId === null) delete next.departmentId;
      else if (input.departmentId !== undefined) next.departmentId = input.departmentId;
      if (input.disabled !== undefined) next.disabled = input.disabled;
      if (input.displayName !== undefined) next.displayName = input.displayName;
      requireStaffDepartment(catalog, next.roles, next.departmentId);
      guardSelf(caller, input.openid, next.roles, Boolean(next.disabled));
      return next;
    };
    const at = now.toISOString();
    const saved = await updateStaff(
      input.openid,
      input.version,
      apply,
      (before, after) => ({ subject: 'staff', subjectId: input.openid, kind: 'staff_updated', at, actor: auditActor(caller, ['admin']), note: staffChange(before, after), data: staffChangeData(input) }),
      at,
      (before, after) => staffChange(before, after) === UNCHANGED,
    );
    return staffMember(saved, catalog);
  },
});
