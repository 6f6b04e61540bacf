import { defineAction } from '../lib/action';
import { empty } from '../lib/schema';
import { listCategories, listDepartments } from '../repositories/catalog';
import { loadSettings } from '../repositories/settings';

/** Everything a form needs before the first keystroke: types, categories, departments, limits, the caller's roles. */
export const metaGet = defineAction<'meta.get'>({
  schema: empty(),
  async run(_input, { caller }) {
    const [settings, categories, departments] = await Promise.all([loadSettings(), listCategories(), listDepartments()]);
    return { types: settings.caseTypes, categories, departments, limits: settings.limits, roles: caller.roles };
  },
});
