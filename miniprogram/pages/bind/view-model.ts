// The bind form's checks. The code's format is the server's business (it may change how codes are made), so the
// phone only drops the spaces people type or paste around it and checks it is there, and the lengths with the server's
// limits (meta.get formLimits.admin) when it has them.
import type { AdminFormLimits } from '../../../typings/api';

export function normalizeCode(code: string): string {
  return code.replace(/\s+/g, '');
}

export function validateBind(
  code: string,
  displayName: string,
  limits: Pick<AdminFormLimits, 'displayNameMax' | 'inviteCodeMax'> | null,
): { errors: Record<string, string>; request: { code: string; displayName?: string } | null } {
  const errors: Record<string, string> = {};
  const c = normalizeCode(code);
  if (!c) errors.code = '请填写邀请码';
  else if (limits && c.length > limits.inviteCodeMax) errors.code = '邀请码太长了，请核对后重新填写';
  const name = displayName.trim();
  if (limits && name.length > limits.displayNameMax) errors.displayName = `显示名称最多 ${limits.displayNameMax} 个字`;
  if (Object.keys(errors).length) return { errors, request: null };
  return { errors, request: name ? { code: c, displayName: name } : { code: c } };
}
