import type { LabelOption } from '../../typings/api';
import type { Role } from '../../typings/domain';

/** "受理员、承办人": the roles in the server's words (meta.get vocabulary.roles). */
export function roleNames(roles: readonly Role[], labels: ReadonlyArray<LabelOption<Role>>): string {
  return roles.map((r) => labels.find((l) => l.key === r)?.label ?? r).join('、');
}
