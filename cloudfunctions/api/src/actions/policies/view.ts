// policy.get's answer, shared by every action that answers a Policy: the document plus what a reader needs beside it
// (category name, favourite, related titles they may see, download URLs).
import type { Policy } from '../../../../../typings/api';
import { shownContent, toPolicy, type PolicyDoc, type PolicyVersionDoc } from '../../domain/policies/policy';
import type { Caller } from '../../lib/caller';
import { seesUnpublished } from '../../permissions';
import { listCategories } from '../../repositories/catalog';
import { itemsRelatedToPolicy } from '../../repositories/guide';
import { findPolicies, isFavorite } from '../../repositories/policies';
import { fileUrls } from '../../repositories/policy-files';
import { linkedSurvey } from '../surveys/link';

export async function policyView(doc: PolicyDoc, caller: Caller, now: Date, snapshot?: PolicyVersionDoc): Promise<Policy> {
  const staff = seesUnpublished(caller);
  const content = shownContent(doc, staff, snapshot);
  const [categories, favorited, relatedDocs, urls, guideItems, survey] = await Promise.all([
    listCategories(),
    caller.openid ? isFavorite(caller.openid, doc._id) : Promise.resolve(false),
    findPolicies(content.relatedIds ?? []),
    fileUrls((content.attachments ?? []).map((a) => a.fileID)),
    itemsRelatedToPolicy(doc._id),
    linkedSurvey('policyId', doc._id, now),
  ]);
  const byId = new Map(relatedDocs.map((d) => [d._id, d]));
  const related = (content.relatedIds ?? [])
    .map((id) => byId.get(id))
    .filter((d): d is PolicyDoc => !!d && (staff || d.status !== 'draft'))
    .map((d) => (d.docNo ? { id: d._id, title: d.title, docNo: d.docNo } : { id: d._id, title: d.title }));
  const attachmentUrls = Object.fromEntries(Object.entries(urls).filter((e): e is [string, string] => e[1] !== null));
  const categoryName = categories.find((c) => c.id === content.categoryId)?.name;
  const policy = toPolicy(doc, now, { staff, favorited, related, attachmentUrls, ...(categoryName ? { categoryName } : {}), ...(snapshot ? { snapshot } : {}) });
  if (guideItems.length) policy.relatedGuideItems = guideItems;
  return survey ? { ...policy, survey } : policy;
}
