// admin.departments.save: a department (new or edited) with its public contact; an omitted field keeps its value.
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { departmentOf, readCatalogMaps, saveDepartment, type DepartmentDoc } from '../../repositories/catalog';
import { alreadySaved, newCatalogId, savedEvent } from './catalog-saved';
import { departmentSaveSchema } from './schemas';

export const adminDepartmentsSave = defineAction<'admin.departments.save'>({
  schema: departmentSaveSchema,
  async run(input, { caller, now }) {
    const catalog = await readCatalogMaps();
    const prev = input.id ? catalog.departments.get(input.id) : undefined;
    const doc: DepartmentDoc = { _id: input.id ?? newCatalogId('dept'), name: input.name };
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
