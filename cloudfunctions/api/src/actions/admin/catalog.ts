// Departments and categories: a category routes new cases to its default department and limits the case types.
import { randomBytes } from 'crypto';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { bool, id, int, oneOf, text, z } from '../../lib/schema';
import { readCatalogMaps, saveCategory, saveDepartment, type CategoryDoc, type DepartmentDoc } from '../../repositories/catalog';
import { CASE_TYPE_KEYS } from '../cases/schemas';
import type { Caller } from '../../lib/caller';
import { auditActor, type NewAuditEvent } from '../../repositories/audit';

const newId = (prefix: string) => `${prefix}-${randomBytes(5).toString('hex')}`;

function savedEvent(subject: 'department' | 'category', subjectId: string, note: string, caller: Caller, now: Date): NewAuditEvent {
  return { subject, subjectId, kind: 'saved', at: now.toISOString(), actor: auditActor(caller, ['admin']), note };
}

export const adminDepartmentsSave = defineAction<'admin.departments.save'>({
  schema: z.strictObject({ id: id('单位编号').optional(), name: text('单位名称', 30), order: int('排序', 0, 9999).optional(), disabled: bool('是否停用').optional() }),
  async run(input, { caller, now }) {
    const catalog = await readCatalogMaps();
    const taken = [...catalog.departments.values()].find((d) => d.name === input.name && d._id !== input.id);
    if (taken) throw errors.invalid('已有同名的单位', { name: '已有同名的单位' });
    const prev = input.id ? catalog.departments.get(input.id) : undefined;
    const doc: DepartmentDoc = { _id: input.id ?? newId('dept'), name: input.name };
    const order = input.order ?? prev?.order;
    if (order !== undefined) doc.order = order;
    // An omitted field keeps what is stored: saving a name does not re-enable a disabled department.
    if (input.disabled ?? prev?.disabled) doc.disabled = true;
    await saveDepartment(doc, savedEvent('department', doc._id, prev ? `修改单位：${doc.name}` : `新建单位：${doc.name}`, caller, now));
    return { id: doc._id, name: doc.name };
  },
});

export const adminCategoriesSave = defineAction<'admin.categories.save'>({
  schema: z.strictObject({
    id: id('分类编号').optional(),
    name: text('分类名称', 30),
    departmentId: id('默认承办单位'),
    types: z
      .array(oneOf('诉求类型', CASE_TYPE_KEYS), { error: '诉求类型格式不正确' })
      .min(1, '请至少选择一种诉求类型')
      .refine((t) => new Set(t).size === t.length, { message: '诉求类型不能重复' }),
    order: int('排序', 0, 9999).optional(),
    disabled: bool('是否停用').optional(),
  }),
  async run(input, { caller, now }) {
    const catalog = await readCatalogMaps();
    const dept = catalog.departments.get(input.departmentId);
    if (!dept || dept.disabled) throw errors.invalid('默认承办单位不存在', { departmentId: '默认承办单位不存在' });
    const prev = input.id ? catalog.categories.get(input.id) : undefined;
    const doc: CategoryDoc = { _id: input.id ?? newId('cat'), name: input.name, departmentId: input.departmentId, types: [...input.types] };
    const order = input.order ?? prev?.order;
    if (order !== undefined) doc.order = order;
    if (input.disabled ?? prev?.disabled) doc.disabled = true;
    await saveCategory(doc, savedEvent('category', doc._id, prev ? `修改分类：${doc.name}` : `新建分类：${doc.name}`, caller, now));
    return { id: doc._id, name: doc.name, departmentId: doc.departmentId, types: doc.types };
  },
});
