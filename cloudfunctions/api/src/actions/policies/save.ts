import { acceptsChangeNote, applyEdit, newPolicy } from '../../domain/policies/lifecycle';
import { checkPolicyDates, contentOf, isPolicyFileID, type PolicyContent } from '../../domain/policies/policy';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { listCategories } from '../../repositories/catalog';
import { findPolicies, POLICIES } from '../../repositories/policies';
import { fileUrls } from '../../repositories/policy-files';
import { saveVersioned } from '../../repositories/versioned-publish';
import { idForRequest, newId } from './ids';
import { policySaveSchema } from './schemas';
import { policyView } from './view';

function invalid(fields: Record<string, string>): never {
  throw errors.invalid(`提交的内容有误：${Object.values(fields)[0]}`, fields);
}

/** What the save refers to must exist: the category, the related policies, the uploaded attachments. */
async function checkReferences(content: PolicyContent, selfId: string | undefined): Promise<void> {
  const fields: Record<string, string> = {};
  const related = content.relatedIds ?? [];
  const attachments = content.attachments ?? [];
  attachments.forEach((a, i) => {
    if (!isPolicyFileID(a.fileID)) fields[`attachments.${i}`] = '附件应上传到云存储的 policies/ 目录';
  });
  if (selfId && related.includes(selfId)) fields.relatedIds = '不能把政策本身列为相关政策';
  if (Object.keys(fields).length) invalid(fields);
  const [categories, found, urls] = await Promise.all([listCategories(), findPolicies(related), fileUrls(attachments.map((a) => a.fileID))]);
  if (!categories.some((c) => c.id === content.categoryId)) fields.categoryId = '政策类别不存在，请重新选择';
  const foundIds = new Set(found.map((d) => d._id));
  const missing = related.filter((id) => !foundIds.has(id));
  if (missing.length) fields.relatedIds = `相关政策不存在：${missing.join('、')}`;
  attachments.forEach((a, i) => {
    if (!urls[a.fileID]) fields[`attachments.${i}`] = `附件“${a.name}”的文件不存在，请重新上传`;
  });
  if (Object.keys(fields).length) invalid(fields);
}

/** Creates a policy (as a draft) or edits the working copy of one; an edit carries the version it was based on. */
export const policySave = defineAction<'policy.save'>({
  schema: policySaveSchema,
  async run(input, { caller, now }) {
    const { id, version, clientRequestId, note, ...rest } = input;
    const content = contentOf(rest);
    const dateFields = checkPolicyDates(content);
    if (Object.keys(dateFields).length) invalid(dateFields);
    if (id !== undefined && version === undefined) invalid({ version: '修改政策时需要提供版本号，请刷新后重试' });
    await checkReferences(content, id);
    const createAs = { id: clientRequestId ? idForRequest('policy', caller.openid!, clientRequestId) : newId(), keyed: !!clientRequestId };
    const doc = await saveVersioned(
      {
        ...POLICIES,
        create: (newIdValue) => newPolicy(newIdValue, content, now.toISOString()),
        nameOf: (created) => created.title,
        noteRefusal: (existing) => (acceptsChangeNote(existing) ? null : '修订说明用于修改已发布的政策；尚未发布的政策请直接保存'),
        edit: (existing, nowIso, changeNote) => applyEdit(existing, content, nowIso, changeNote),
      },
      { id, version, note, createAs },
      caller,
      now,
    );
    return policyView(doc, caller, now);
  },
});
