// Administration as plain data: the invite form, staff rows, the department and category forms, reply templates,
// checked with the server's limits (meta.get formLimits.admin). No wx here: unit-tested.
import type { AdminFormLimits, LabelOption, ReplyTemplate, StaffMember } from '../../../typings/api';
import type { CaseType, CaseTypeInfo, Category, Department, Role } from '../../../typings/domain';
import { roleNames } from '../../utils/labels';
import { formatDateTime } from '../../utils/time';

export interface InviteForm {
  roles: Role[];
  departmentId: string;
  expiresInDays: number;
}

export function validateInvite(form: InviteForm, limits: AdminFormLimits): { errors: Record<string, string>; request: InviteForm | null } {
  const errors: Record<string, string> = {};
  if (!form.roles.length) errors.roles = '请至少选择一个角色';
  // A handler answers for one department: an invite for a handler without one would bind someone who sees nothing.
  if (form.roles.includes('handler') && !form.departmentId) errors.departmentId = '承办人需要指定所属部门';
  if (!Number.isInteger(form.expiresInDays) || form.expiresInDays < 1 || form.expiresInDays > limits.inviteDaysMax) {
    errors.expiresInDays = `有效期为 1 到 ${limits.inviteDaysMax} 天`;
  }
  return Object.keys(errors).length ? { errors, request: null } : { errors, request: form };
}

export function inviteRequest(form: InviteForm): { roles: Role[]; departmentId?: string; expiresInDays: number } {
  return form.departmentId ? { roles: form.roles, departmentId: form.departmentId, expiresInDays: form.expiresInDays } : { roles: form.roles, expiresInDays: form.expiresInDays };
}

export interface StaffRow {
  openid: string;
  name: string;
  roles: string;
  department: string;
  disabled: boolean;
  bound: string;
}

/** `roleLabels`: the server's words for the roles (meta.get vocabulary.roles). */
export function staffRow(m: StaffMember, roleLabels: ReadonlyArray<LabelOption<Role>>, now: number = Date.now()): StaffRow {
  return {
    openid: m.openid,
    // The OPENID is not a name; only its end is shown, enough to tell two unnamed people apart.
    name: m.displayName || `未填写姓名（…${m.openid.slice(-6)}）`,
    roles: roleNames(m.roles, roleLabels) || '无角色',
    department: m.departmentName ?? '',
    disabled: m.disabled,
    bound: m.boundAt ? `${formatDateTime(m.boundAt, now)} 绑定` : '',
  };
}

export function validateName(name: string, what: string, limits: AdminFormLimits): string {
  const n = name.trim().length;
  if (!n) return `请填写${what}名称`;
  if (n > limits.nameMax) return `${what}名称最多 ${limits.nameMax} 个字`;
  return '';
}

export interface CategoryForm {
  id: string;
  name: string;
  /** '' not chosen yet; null: no default department, the dispatcher routes (其他/不确定). */
  departmentId: string | null;
  types: CaseType[];
}

/** A category as its row lists it: department, case types and keywords in words. */
export interface CategoryRow {
  id: string;
  name: string;
  department: string;
  keywords: string;
  types: string;
}

export function categoryRows(categories: readonly Category[], departments: readonly Department[], types: readonly CaseTypeInfo[]): CategoryRow[] {
  const departmentNames = new Map(departments.map((d) => [d.id, d.name]));
  const typeLabels = new Map(types.map((t) => [t.key, t.label]));
  return categories.map((c) => ({
    id: c.id,
    name: c.name,
    department: c.departmentId ? departmentNames.get(c.departmentId) ?? '' : '由受理员分派',
    keywords: c.keywords?.join('、') ?? '',
    types: c.types.map((t) => typeLabels.get(t) ?? t).join('、'),
  }));
}

/** The department picker of a category: "none, the dispatcher routes" first, then the departments. */
export const NO_DEPARTMENT_LABEL = '不指定（由受理员分派）';

export function validateCategory(form: CategoryForm, limits: AdminFormLimits, keywords: string[] = []): Record<string, string> {
  const errors: Record<string, string> = {};
  const name = validateName(form.name, '类别', limits);
  if (name) errors.name = name;
  if (form.departmentId === '') errors.departmentId = '请选择默认承办部门';
  if (!form.types.length) errors.types = '请至少选择一种留言类型';
  const long = keywords.find((k) => [...k].length > limits.keywordMax);
  if (long) errors.keywords = `关键词“${long}”太长，每个不超过 ${limits.keywordMax} 个字`;
  else if (keywords.length > limits.keywordsMax) errors.keywords = `关键词最多 ${limits.keywordsMax} 个`;
  return errors;
}

/** "垃圾，清运 环卫、垃圾" -> ["垃圾", "清运", "环卫"]: any of the separators people type, no repeats. */
export function parseKeywords(text: string): string[] {
  return [...new Set(text.split(/[\s,，、;；]+/).map((k) => k.trim()).filter(Boolean))];
}

export function validateTemplate(title: string, text: string, limits: AdminFormLimits): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!title.trim()) errors.title = '请填写模板名称';
  else if (title.trim().length > limits.templateTitleMax) errors.title = `模板名称最多 ${limits.templateTitleMax} 个字`;
  if (!text.trim()) errors.text = '请填写模板内容';
  else if (text.trim().length > limits.templateTextMax) errors.text = `模板内容最多 ${limits.templateTextMax} 个字`;
  return errors;
}

/** The template list after saving one (new when `id` is not in it) or removing one. */
export function upsertTemplate(list: readonly ReplyTemplate[], template: ReplyTemplate): ReplyTemplate[] {
  const at = list.findIndex((t) => t.id === template.id);
  if (at < 0) return [...list, template];
  return list.map((t, i) => (i === at ? template : t));
}

export function removeTemplate(list: readonly ReplyTemplate[], id: string): ReplyTemplate[] {
  return list.filter((t) => t.id !== id);
}

/** Toggles `value` in a list of choices (checkbox groups built from taps). */
export function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/** `{ dispatcher: true, handler: true }`: which choices are on, in a shape WXML can read. */
export function chosen(list: readonly string[]): Record<string, boolean> {
  const map: Record<string, boolean> = {};
  for (const v of list) map[v] = true;
  return map;
}

/** A department's contact as the admin types it; the location as "纬度, 经度" (copied from a map). */
export interface DepartmentContactForm {
  phone: string;
  address: string;
  hours: string;
  location: string;
}

export function contactForm(d: { phone?: string; address?: string; hours?: string; location?: { latitude: number; longitude: number } }): DepartmentContactForm {
  return { phone: d.phone ?? '', address: d.address ?? '', hours: d.hours ?? '', location: d.location ? `${d.location.latitude}, ${d.location.longitude}` : '' };
}

/** "30.245, 120.21" (any comma, spaces) -> coordinates; '' -> null (cleared); anything else -> an error message. */
export function parseLocation(text: string): { latitude: number; longitude: number } | null | string {
  const t = text.trim();
  if (!t) return null;
  const m = /^(-?\d+(?:\.\d+)?)\s*[,，\s]\s*(-?\d+(?:\.\d+)?)$/.exec(t);
  if (!m) return '位置请填写“纬度, 经度”，如 30.245, 120.21';
  const latitude = Number(m[1]);
  const longitude = Number(m[2]);
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return '纬度应在 -90 到 90 之间，经度在 -180 到 180 之间（先纬度后经度）';
  return { latitude, longitude };
}
