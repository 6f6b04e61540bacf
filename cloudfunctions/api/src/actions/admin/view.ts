// What the admin actions answer: a staff member and the settings, as the contract shapes them.
import type { SettingsView, StaffMember } from '../../../../../typings/api';
import type { CatalogMaps } from '../../repositories/catalog';
import type { Settings } from '../../repositories/settings';
import type { UserDoc } from '../../repositories/users';

export function settingsView(s: Settings): SettingsView {
  return {
    version: s.version,
    caseTypes: s.caseTypes.map((t) => ({ key: t.key, label: t.label, answerDays: t.answerDays })),
    acceptDays: s.acceptDays,
    extensionMaxDays: s.extensionMaxDays,
    ratingReminderDays: s.ratingReminderDays,
    autoCloseDays: s.autoCloseDays,
    submissionsPerDay: s.limits.submissionsPerDay,
    cosignThreshold: s.cosignThreshold,
    cosignsPerDay: s.cosignsPerDay,
    hotline: s.hotline,
    reviewReplies: s.reviewReplies,
    retentionDays: s.retentionDays,
    calendar: s.calendar,
    replyTemplates: s.replyTemplates,
    subscribeTemplates: s.subscribeTemplates,
  };
}

export function staffMember(u: UserDoc, catalog: CatalogMaps): StaffMember {
  const m: StaffMember = { openid: u._id, roles: u.roles, disabled: Boolean(u.disabled), version: u.version ?? 0 };
  if (u.displayName) m.displayName = u.displayName;
  if (u.departmentId) {
    m.departmentId = u.departmentId;
    const name = catalog.departments.get(u.departmentId)?.name;
    if (name) m.departmentName = name;
  }
  if (u.boundAt) m.boundAt = u.boundAt;
  return m;
}
