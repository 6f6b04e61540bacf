// The demo service guide, created THROUGH THE ACTIONS as the demo editor would: the 32 items of guide-items.ts
// published (one of them revised to a second version with a change note, one left as an unpublished draft), linked to
// the demo policies they name, and three answered public letters pinned as the home page's 常见问题.
// Runs after the cases (public letters) and policies seeders. Seeding twice changes nothing.
import type { ActionName, ApiResponse, RequestOf, ResponseOf } from '../../typings/api';
import { FIXTURE_BY_KEY } from '../../tests/fixtures/policies';
import { localCloud } from '../local-cloud';
import { GUIDE_FIXTURES, type GuideFixture } from './guide-items';
import { demoIdentity } from './identities';

type Main = (event: unknown, context: unknown) => Promise<unknown>;

/** Left unpublished, so the editor's list shows a draft. */
export const DRAFT_ITEM = 'temporary-id-card';
/** Published twice: the second version adds the 邮寄 step. */
export const REVISED_ITEM = 'id-card-renewal';
export const HOT_QUESTIONS_PINNED = 3;

export async function seedGuide(): Promise<void> {
  const { main } = (await import('../../cloudfunctions/api/src')) as { main: Main };
  const call = async <N extends ActionName>(who: string, action: N, payload: RequestOf<N>): Promise<ResponseOf<N>> => {
    const res = (await localCloud.invoke(main, { action, payload }, { OPENID: demoIdentity(who).openid })) as ApiResponse<ResponseOf<N>>;
    if (!res.ok) throw new Error(`${who} ${action}: ${res.error.code} ${res.error.message}`);
    return res.data;
  };

  const policyIds = new Map<string, string>();
  const policyId = async (key: string): Promise<string> => {
    if (!policyIds.has(key)) {
      const title = FIXTURE_BY_KEY.get(key)!.title;
      const hit = (await call('editor', 'policy.list', { keyword: title, limit: 5 })).items.find((p) => p.title === title);
      if (!hit) throw new Error(`seed guide: demo policy ${key} not found`);
      policyIds.set(key, hit.id);
    }
    return policyIds.get(key)!;
  };
  const inputOf = async ({ key: _key, relatedPolicies, ...content }: GuideFixture): Promise<RequestOf<'guide.save'>> => {
    const related = await Promise.all((relatedPolicies ?? []).map(policyId));
    return related.length ? { ...content, relatedPolicyIds: related } : { ...content };
  };

  for (const f of GUIDE_FIXTURES) {
    const saved = await call('editor', 'guide.save', { ...(await inputOf(f)), clientRequestId: `seed-guide-${f.key}` });
    if (saved.status !== 'draft' || f.key === DRAFT_ITEM) continue;
    const published = await call('editor', 'guide.publish', { id: saved.id, version: saved.version });
    if (f.key !== REVISED_ITEM) continue;
    const input = await inputOf(f);
    const edited = await call('editor', 'guide.save', {
      ...input,
      id: published.id,
      version: published.version,
      materials: [...input.materials, { name: '邮寄地址信息', form: '电子件', copies: 1, required: false, source: '申请人自备', note: '选择邮寄送达的填写' }],
      note: '新增邮寄送达方式',
    });
    await call('editor', 'guide.publish', { id: edited.id, version: edited.version });
  }

  const letters = await call('citizenA', 'case.listPublic', { limit: HOT_QUESTIONS_PINNED });
  for (const [i, letter] of letters.items.entries()) await call('editor', 'guide.pinQuestion', { letterId: letter.id, order: (i + 1) * 10 });
}
