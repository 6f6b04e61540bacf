import type { ResponseOf } from '../../../../typings/api';
import { defineAction } from '../lib/action';
import { empty } from '../lib/schema';
import { listCategories, listDepartments } from '../repositories/catalog';
import { loadSettings } from '../repositories/settings';

/** Everything a form needs before the first keystroke: types, categories, departments, limits, the caller's roles. */
export const metaGet = defineAction<'meta.get'>({
  schema: empty(),
  async run(_input, { caller }) {
    const [settings, categories, departments] = await Promise.all([loadSettings(), listCategories(), listDepartments()]);
    const res: ResponseOf<'meta.get'> = { types: settings.caseTypes, categories, departments, limits: settings.limits, roles: caller.roles };
    const t = settings.subscribeTemplates;
    const subscribe: NonNullable<ResponseOf<'meta.get'>['subscribe']> = {};
    if (t.caseStatus?.templateId) subscribe.caseStatus = t.caseStatus.templateId;
    if (t.draftReport?.templateId) subscribe.draftReport = t.draftReport.templateId;
    if (t.cosignResponse?.templateId) subscribe.cosignResponse = t.cosignResponse.templateId;
    if (caller.isStaff) {
      res.replyTemplates = settings.replyTemplates;
      const staff = [t.staffAssigned, t.staffReview, t.staffDue, t.staffOverdue].map((x) => x?.templateId).filter((x): x is string => Boolean(x));
      if (staff.length > 0) subscribe.staff = [...new Set(staff)];
    }
    if (Object.keys(subscribe).length > 0) res.subscribe = subscribe;
    return res;
  },
});
