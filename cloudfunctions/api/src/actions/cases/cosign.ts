// case.cosign: a citizen backs a published suggestion once; at the threshold the case is flagged (docs/adr/0085-cosigning.md).
import type { CaseCosign } from '../../../../../typings/api';
import type { CaseDoc, LetterDoc } from '../../domain/case-doc';
import { cosignId, isCosignable, mayRespond, reachesThreshold, type CosignDoc } from '../../domain/cosign';
import { trackingDay } from '../../domain/tracking';
import { defineAction } from '../../lib/action';
import type { Caller } from '../../lib/caller';
import { COLLECTIONS } from '../../lib/db';
import { errors } from '../../lib/errors';
import { runTransaction, txGet, withoutId } from '../../lib/transaction';
import { requireVisible } from '../../permissions';
import { writeCaseChangeInTx, type CaseChange } from '../../repositories/cases';
import { dailyCosignsKey } from '../../repositories/cosigns';
import { findLetter } from '../../repositories/letters';
import { addGrants } from '../../repositories/notifications';
import { caseEnv, departmentName, event, type CaseEnv } from './env';
import { cosignSchema } from './schemas';

function thresholdChange(doc: CaseDoc, count: number, env: CaseEnv): CaseChange {
  const threshold = env.settings.cosignThreshold;
  return {
    next: { ...doc, cosign: { reachedAt: env.now, count, threshold }, cosignAwaiting: true },
    events: [event(env, 'cosign_threshold', { role: 'system' }, 'public', { note: `附议人数达到 ${threshold} 人，承办单位将公开回应` })],
  };
}

export const caseCosign = defineAction<'case.cosign'>({
  schema: cosignSchema,
  async run(input, { caller, now }) {
    const openid = caller.openid!;
    const env = await caseEnv(now);
    const id = cosignId(input.id, openid);
    const wanted = env.settings.subscribeTemplates.cosignResponse?.templateId;
    const granted = (input.subscribed ?? []).filter((t) => t === wanted);
    const count = await runTransaction(async (tx): Promise<number> => {
      const letter = await txGet<LetterDoc>(tx, COLLECTIONS.letters, input.id);
      if (!letter || !letter.visible) throw errors.notFound('公开信件');
      // Already co-signed (a retry, a double tap, twenty taps at once): the same answer, nothing written.
      if (await txGet<CosignDoc>(tx, COLLECTIONS.cosigns, id)) return letter.cosignCount ?? 0;
      if (!isCosignable(letter)) throw errors.precondition('只有公开的建议可以附议。');
      const doc = await txGet<CaseDoc>(tx, COLLECTIONS.cases, input.id);
      if (doc?.openid === openid) throw errors.precondition('这是您自己提出的建议，无需附议。');
      const dayKey = dailyCosignsKey(openid, trackingDay(now));
      const today = (await txGet<{ n: number }>(tx, COLLECTIONS.counters, dayKey))?.n ?? 0;
      if (today >= env.settings.cosignsPerDay) throw errors.rateLimited(`每人每天最多附议 ${env.settings.cosignsPerDay} 条建议，请明天再来。`);
      const n = (letter.cosignCount ?? 0) + 1;
      const record: CosignDoc = { _id: id, letterId: input.id, openid, at: env.now, key: `${env.now}|${id}` };
      await tx.collection(COLLECTIONS.cosigns).doc(id).set({ data: withoutId(record) });
      await tx.collection(COLLECTIONS.letters).doc(input.id).update({ data: { cosignCount: n } });
      await tx.collection(COLLECTIONS.counters).doc(dayKey).set({ data: { n: today + 1 } });
      if (doc && reachesThreshold(n, env.settings.cosignThreshold, doc.cosign)) await writeCaseChangeInTx(tx, doc, thresholdChange(doc, n, env), env);
      return n;
    });
    if (granted.length > 0) await addGrants(openid, granted, env.now);
    return { cosigned: true, cosignCount: count };
  },
});

/** The staff's view of a case's co-signs, when its letter has any or the threshold was reached. */
export async function caseCosignView(doc: CaseDoc, caller: Caller, env: CaseEnv): Promise<CaseCosign | undefined> {
  if (!doc.publishable && !doc.cosign) return undefined;
  const letter = await findLetter(doc._id);
  const count = letter?.cosignCount ?? doc.cosign?.count ?? 0;
  if (count === 0 && !doc.cosign) return undefined;
  const out: CaseCosign = {
    count,
    threshold: doc.cosign?.threshold ?? env.settings.cosignThreshold,
    awaitingResponse: Boolean(doc.cosignAwaiting),
    canRespond: Boolean(doc.cosignAwaiting) && mayRespond(requireVisible(caller, doc)) !== null,
  };
  if (doc.cosign) out.reachedAt = doc.cosign.reachedAt;
  const r = doc.cosign?.response;
  if (r) {
    out.response = { content: r.content, at: r.at };
    const dept = departmentName(env, r.departmentId);
    if (dept) out.response.departmentName = dept;
  }
  return out;
}
