// Where a member of staff starts their day: the workbench of the role they work in most. Staff open the mini program
// for their work; landing them on the citizen's home page each time is a step they do not need. Pure: unit-tested.
import type { Role } from '../../typings/domain';

export function staffHomeUrl(roles: readonly Role[]): string | null {
  if (roles.some((r) => r === 'dispatcher' || r === 'handler' || r === 'supervisor')) return '/staff/queue/index';
  if (roles.includes('editor')) return '/staff/policies/index';
  if (roles.includes('admin')) return '/staff/admin/index';
  return null;
}

let handled = false;

/**
 * The staff home to open once per launch, when the mini program was launched on the home page (a shared link to a
 * policy or case opens there, not on the workbench); null afterwards, so 返回 to home stays on home.
 */
export function staffHomeOnLaunch(roles: readonly Role[], launchPath: string, home: string): string | null {
  if (handled) return null;
  handled = true;
  return launchPath.replace(/^\/+/, '') === home ? staffHomeUrl(roles) : null;
}
