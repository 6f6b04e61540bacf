// guide.get's answer, shared by every action that answers a GuideItem: the document plus the titles of the related
// policies the reader may see.
import type { GuideItem } from '../../../../../typings/api';
import { toGuideItem, workingGuideContent, type GuideDoc } from '../../domain/guide/item';
import type { PolicyDoc } from '../../domain/policies/policy';
import type { Caller } from '../../lib/caller';
import { seesUnpublished } from '../../permissions';
import { findPolicies } from '../../repositories/policies';

export async function guideView(doc: GuideDoc, caller: Caller): Promise<GuideItem> {
  const staff = seesUnpublished(caller);
  const ids = (staff ? workingGuideContent(doc) : doc.content).relatedPolicyIds ?? [];
  const byId = new Map((await findPolicies(ids)).map((d) => [d._id, d]));
  const relatedPolicies = ids
    .map((id) => byId.get(id))
    .filter((d): d is PolicyDoc => !!d && (staff || d.status !== 'draft'))
    .map((d) => (d.docNo ? { id: d._id, title: d.title, docNo: d.docNo } : { id: d._id, title: d.title }));
  return toGuideItem(doc, { staff, relatedPolicies });
}
