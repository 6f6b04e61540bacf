import { applyGuideEdit, guideContentOf, newGuideDoc, type GuideContent } from '../../domain/guide/item';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { listCategories } from '../../repositories/catalog';
import { GUIDE_ITEMS } from '../../repositories/guide';
import { saveVersioned } from '../../repositories/versioned-publish';
import { findPolicies } from '../../repositories/policies';
import { idForRequest, newId } from '../policies/ids';
import { guideSaveSchema } from './schemas';
import { guideView } from './view';

function invalid(fields: Record<string, string>): never {
  throw errors.invalid(`提交的内容有误：${Object.values(fields)[0]}`, fields);
}

/** What the item refers to must exist: the related policies and the case category of its inquiries. */
async function checkReferences(content: GuideContent): Promise<void> {
  const fields: Record<string, string> = {};
  const related = content.relatedPolicyIds ?? [];
  const [policies, categories] = await Promise.all([findPolicies(related), content.caseCategoryId ? listCategories() : Promise.resolve([])]);
  const found = new Set(policies.map((p) => p._id));
  const missing = related.filter((id) => !found.has(id));
  if (missing.length) fields.relatedPolicyIds = `相关政策不存在：${missing.join('、')}`;
  if (content.caseCategoryId && !categories.some((c) => c.id === content.caseCategoryId)) fields.caseCategoryId = '咨询分类不存在，请重新选择';
  if (content.legalDays !== undefined && content.promisedDays > content.legalDays) fields.promisedDays = '承诺时限不能长于法定时限';
  if (Object.keys(fields).length) invalid(fields);
}

/** Creates an item (as a draft) or edits its working words; an edit carries the version it was based on. */
export const guideSave = defineAction<'guide.save'>({
  schema: guideSaveSchema,
  async run(input, { caller, now }) {
    const { id, version, clientRequestId, note, ...rest } = input;
    const content = guideContentOf(rest);
    if (id !== undefined && version === undefined) invalid({ version: '修改事项时需要提供版本号，请刷新后重试' });
    await checkReferences(content);
    const createAs = { id: clientRequestId ? idForRequest('guide', caller.openid!, clientRequestId) : newId(), keyed: !!clientRequestId };
    const doc = await saveVersioned(
      {
        ...GUIDE_ITEMS,
        create: (newIdValue) => newGuideDoc(newIdValue, content, now.toISOString()),
        nameOf: (created) => created.name,
        noteRefusal: (existing) => (existing.pubVersion === 0 ? '修订说明用于修改已发布的事项；尚未发布的事项请直接保存' : null),
        edit: (existing, nowIso, changeNote) => applyGuideEdit(existing, content, nowIso, changeNote),
      },
      { id, version, note, createAs },
      caller,
      now,
    );
    return guideView(doc, caller);
  },
});
