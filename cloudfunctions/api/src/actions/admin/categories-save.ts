// admin.categories.save: a category routes new cases to its default department (or to the dispatcher) and limits
// the case types; its keywords suggest it from a case's title.
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { categoryOf, readCatalogMaps, saveCategory, type CategoryDoc } from '../../repositories/catalog';
import { alreadySaved, newCatalogId, savedEvent } from './catalog-saved';
import { categorySaveSchema } from './schemas';

export const adminCategoriesSave = defineAction<'admin.categories.save'>({
  schema: categorySaveSchema,
  async run(input, { caller, now }) {
    const catalog = await readCatalogMaps();
    if (input.departmentId !== null) {
      const dept = catalog.departments.get(input.departmentId);
      if (!dept || dept.disabled) throw errors.invalid('默认承办单位不存在', { departmentId: '默认承办单位不存在' });
    }
    const prev = input.id ? catalog.categories.get(input.id) : undefined;
    const doc: CategoryDoc = { _id: input.id ?? newCatalogId('cat'), name: input.name, types: [...input.types] };
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
