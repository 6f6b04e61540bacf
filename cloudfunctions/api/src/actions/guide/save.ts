import { applyGuideEdit, guideContentOf, newGuideDoc, type GuideContent, type GuideDoc } from '../../domain/guide/item';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { runTransaction } from '../../lib/transaction';
import { auditActor, recordEvent } from '../../repositories/audit';
import { listCategories } from '../../repositories/catalog';
import { guideInTx, putGuideInTx } from '../../repositories/guide';
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
    const nowIso = now.toISOString();
    const actor = auditActor(caller);
    const doc = await runTransaction(async (tx): Promise<GuideDoc> => {
      if (id === undefined) {
        const newIdValue = clientRequestId ? idForRequest('guide', caller.openid!, clientRequestId) : newId();
        const first = clientRequestId ? await guideInTx(tx, newIdValue) : null;
        if (first) return first;
        const created = newGuideDoc(newIdValue, content, nowIso);
        await putGuideInTx(tx, created);
        await recordEvent(tx, { subject: 'guide', subjectId: created._id, kind: 'created', at: nowIso, actor, note: created.name });
        return created;
      }
      const existing = await guideInTx(tx, id);
      if (!existing) throw errors.notFound('事项');
      if (existing.version !== version) throw errors.conflict();
      if (note && existing.pubVersion === 0) invalid({ note: '修订说明用于修改已发布的事项；尚未发布的事项请直接保存' });
      const next = applyGuideEdit(existing, content, nowIso, note);
      await putGuideInTx(tx, next);
      await recordEvent(tx, {
        subject: 'guide',
        subjectId: id,
        kind: 'edited',
        at: nowIso,
        actor,
        data: { version: next.version, pending: !!next.pending, ...(note ? { note } : {}) },
      });
      return next;
    });
    return guideView(doc, caller);
  },
});
