import type { Role } from '../../typings/domain';

export const ROLE_LABELS: Record<Role, string> = {
  dispatcher: '受理员',
  handler: '承办人',
  supervisor: '督办',
  editor: '政策编辑',
  admin: '管理员',
};

export function roleNames(roles: readonly Role[]): string {
  return roles.map((r) => ROLE_LABELS[r]).join('、');
}
