// What several of the staff's case commands share: the department a case goes to, and excerpts for messages.
import { errors } from '../../lib/errors';
import { type CaseEnv } from './env';

/** A short excerpt for a message: WeChat's "thing" values hold 20 characters. */
export const excerpt = (s: string) => s.replace(/\s+/g, ' ').slice(0, 40);

export function requireDepartment(env: CaseEnv, id: string): string {
  const d = env.catalog.departments.get(id);
  if (!d || d.disabled) throw errors.invalid('请选择有效的承办单位', { departmentId: '请选择有效的承办单位' });
  return d.name;
}
