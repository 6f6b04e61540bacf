// Departments and categories: a category routes new cases to its default department and limits the case types.
import { randomBytes } from 'crypto';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import * as z from 'zod';
import { bool, id, int, oneOf, text } from '../../lib/schema';
import { categoryOf, departmentOf, readCatalogMaps, saveCategory, saveDepartment, type CategoryDoc, type DepartmentDoc } from '../../repositories/catalog';
import { CASE_TYPE_KEYS } from '../cases/schemas';
import type { Caller } from '../../lib/caller';
import { sameContent } from '../../lib/same-content';
import { auditActor, type NewAuditEvent } from '../../repositories/audit';

/** A keyword is a word or short phrase of a title ("垃圾", "电梯"); a few dozen per category are plenty. */
const KEYWORD_MAX = 10;
const KEYWORDS_MAX = 30;

const newId = (prefix: string) => `${prefix}-${randomBytes(5).toString('hex')}`;

/**
 * The record this save would write, if it is stored already (a retry after a lost answer, a double tap): it is
 * answered as it stands, with no second record and no second event. A new record (no id) matches by name and content.
 */
function alreadySaved<T extends { _id: string; name: string }>(doc: T, existing: Iterable<T>, id: string | undefined): T | undefined {
  for (const e of existing) if ((id ? e._id === id : e.name === doc.name) && sameContent(e, doc)) return e;
  return undefined;
}

function savedEvent(subject: 'department' | 'category', subjectId: string, note: string, caller: Caller, now: Date): NewAuditEvent {
  return { subject, subjectId, kind: 'saved', at: now.toISOString(), actor: auditActor(caller, ['admin']), note };
}

export const adminDepartmentsSave = defineAction<'admin.departments.save'>({
  schema: z.strictObject({
    id: id('单位编号').optional(),
    name: text('单位名称', 30),
    phone: z
      .string({ error: '电话应为文字' })
      .trim()
      .regex(/^(|[0-9][0-9-]{2,19})$/, '电话格式不正确：只能填数字和横线，如 0571-87001234 或 12345')
      .optional(),
    address: text('地址', 60, { min: 0 }).optional(),
    hours: text('办公时间', 40, { min: 0 }).optional(),
    location: z
      .strictObject({
        latitude: z.number({ error: '纬度应为数字' }).min(-90, '纬度应在 -90 到 90 之间').max(90, '纬度应在 -90 到 90 之间'),
        longitude: z.number({ error: '经度应为数字' }).min(-180, '经度应在 -180 到 180 之间').max(180, '经度应在 -180 到 180 之间'),
      })
      .nullable()
      .optional(),
    order: int('排序', 0, 9999).optional(),
    disabled: bool('是否停用').optional(),
  }),
  async run(input, { caller, now }) {
    const catalog = await readCatalogMaps();
    const prev = input.id ? catalog.departments.get(input.id) : undefined;
    const doc: DepartmentDoc = { _id: input.id ?? newId('dept'), name: input.name };
    // An omitted field keeps what is stored (saving a name does not re-enable a disabled department or drop its
    // phone); '' or null clears a contact field.
    const phone = input.phone ?? prev?.phone;
    if (phone) doc.phone = phone;
    const address = input.address ?? prev?.address;
    if (address) doc.address = address;
    const hours = input.hours ?? prev?.hours;
    if (hours) doc.hours = hours;
    const location = input.location === undefined ? prev?.location : input.location;
    if (location) doc.location = { latitude: location.latitude, longitude: location.longitude };
    const order = input.order ?? prev?.order;
    if (order !== undefined) doc.order = order;
    if (input.disabled ?? prev?.disabled) doc.disabled = true;
    const stored = alreadySaved(doc, catalog.departments.values(), input.id);
    if (stored) return departmentOf(stored);
    const taken = [...catalog.departments.values()].find((d) => d.name === input.name && d._id !== input.id);
    if (taken) throw errors.invalid('已有同名的单位', { name: '已有同名的单位' });
    await saveDepartment(doc, savedEvent('department', doc._id, prev ? `修改单位：${doc.name}` : `新建单位：${doc.name}`, caller, now));
    return departmentOf(doc);
  },
});

export const adminCategoriesSave = defineAction<'admin.categories.save'>({
  schema: z.strictObject({
    id: id('分类编号').optional(),
    name: text('分类名称', 30),
    departmentId: id('默认承办单位').nullable(),
    types: z
      .array(oneOf('诉求类型', CASE_TYPE_KEYS), { error: '诉求类型格式不正确' })
      .min(1, '请至少选择一种诉求类型')
      .refine((t) => new Set(t).size === t.length, { message: '诉求类型不能重复' }),
    keywords: z
      .array(text('关键词', KEYWORD_MAX), { error: '关键词格式不正确' })
      .max(KEYWORDS_MAX, `关键词最多 ${KEYWORDS_MAX} 个`)
      .optional(),
    order: int('排序', 0, 9999).optional(),
    disabled: bool('是否停用').optional(),
  }),
  async run(input, { caller, now }) {
    const catalog = await readCatalogMaps();
    if (input.departmentId !== null) {
      const dept = catalog.departments.get(input.departmentId);
      if (!dept || dept.disabled) throw errors.invalid('默认承办单位不存在', { departmentId: '默认承办单位不存在' });
    }
    const prev = input.id ? catalog.categories.get(input.id) : undefined;
    const doc: CategoryDoc = { _id: input.id ?? newId('cat'), name: input.name, types: [...input.types] };
    if (input.departmentId !== null) doc.departmentId = input.departmentId;
    // Duplicates (and case variants of Latin words) are dropped: they would only weigh a suggestion twice.
    const keywords = input.keywords ? [...new Set(input.keywords.map((k) => k.trim().toLowerCase()))] : prev?.keywords;
    if (keywords?.length) doc.keywords = keywords;
    const order = input.order ?? prev?.order;
    if (order !== undefined) doc.order = order;
    if (input.disabled ?? prev?.disabled) doc.disabled = true;
    const stored = alreadySaved(doc, catalog.categories.values(), input.id);
    if (stored) return categoryOf(stored);
    await saveCategory(doc, savedEvent('category', doc._id, prev ? `修改分类：${doc.name}` : `新建分类：${doc.name}`, caller, now));
    return categoryOf(doc);
  },
});
