// Staff binding and administration actions, by contract name: one file per action, named after it
// (docs/adr/0058-one-shape-for-actions-and-admin-sections.md, docs/adr/0143-one-naming-scheme-for-actions.md).
import type { ActionTable } from '../../lib/action';
import { adminAuditList } from './audit-list';
import { staffBind } from './bind';
import { adminCategoriesSave } from './categories-save';
import { adminDepartmentsSave } from './departments-save';
import { adminInvite } from './invite';
import { adminSettingsGet } from './settings-get';
import { adminSettingsUpdate } from './settings-update';
import { adminStaffList } from './staff-list';
import { adminStaffUpdate } from './staff-update';

export const ADMIN_ACTIONS: Pick<ActionTable, (`admin.${string}` | 'staff.bind') & keyof ActionTable> = {
  'staff.bind': staffBind,
  'admin.invite': adminInvite,
  'admin.staff.list': adminStaffList,
  'admin.staff.update': adminStaffUpdate,
  'admin.settings.get': adminSettingsGet,
  'admin.settings.update': adminSettingsUpdate,
  'admin.departments.save': adminDepartmentsSave,
  'admin.categories.save': adminCategoriesSave,
  'admin.audit.list': adminAuditList,
};
