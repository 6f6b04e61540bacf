// Staff binding and administration actions, by contract name.
import type { ActionTable } from '../../lib/action';
import { adminAuditList } from './audit';
import { adminCategoriesSave, adminDepartmentsSave } from './catalog';
import { adminSettingsGet, adminSettingsUpdate } from './settings';
import { adminInvite, adminStaffList, adminStaffUpdate, staffBind } from './staff';

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
