// Which demo identities a page is for: main-package pages are for every WeChat user; the staff subpackage is for
// staff (its admin pages and the audit trail for the admin). The accessibility sweep (tests/e2e/accessibility.test.ts) and
// the screenshots take every one.
import { appRoutes, type AppRoute } from './build/app-config';
import { DEMO_IDENTITIES } from '../seed/identities';

/** Who may open the dashboard (permissions.ts: stats.dashboard). */
const DASHBOARD_ROLES: readonly string[] = ['dispatcher', 'handler', 'supervisor', 'admin'];

export function identitiesFor(route: AppRoute): string[] {
  if (route.subpackage === 'staff') {
    if (route.route.startsWith('staff/admin') || route.route === 'staff/audit/index') return DEMO_IDENTITIES.filter((i) => i.roles.includes('admin')).map((i) => i.key);
    // The service-guide editor and the home page's hot questions: editors (and admins), as permissions.ts says.
    if (route.route.startsWith('staff/guide')) return DEMO_IDENTITIES.filter((i) => i.roles.some((r) => r === 'editor' || r === 'admin')).map((i) => i.key);
    // Exports: supervisors and admins (permissions.ts: export.*).
    if (route.route === 'staff/exports/index') return DEMO_IDENTITIES.filter((i) => i.roles.some((r) => r === 'supervisor' || r === 'admin')).map((i) => i.key);
    // Surveys are built, moderated and published by editors (permissions.ts: survey.save and the rest).
    if (route.route.startsWith('staff/survey')) return DEMO_IDENTITIES.filter((i) => i.roles.some((r) => r === 'editor' || r === 'admin')).map((i) => i.key);
    // The announcement pages are the editors' (permissions.ts: announcement.save/publish/withdraw).
    if (route.route.startsWith('staff/announcement')) return DEMO_IDENTITIES.filter((i) => i.roles.some((r) => r === 'editor' || r === 'admin')).map((i) => i.key);
    if (route.route === 'staff/dashboard/index') {
      return DEMO_IDENTITIES.filter((i) => i.roles.some((r) => DASHBOARD_ROLES.includes(r))).map((i) => i.key);
    }
    return DEMO_IDENTITIES.filter((i) => i.roles.length > 0).map((i) => i.key);
  }
  return DEMO_IDENTITIES.map((i) => i.key);
}

export { appRoutes };
