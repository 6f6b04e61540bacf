// case.cosign: a citizen backs a published suggestion once; at the threshold the case is flagged (docs/adr/0085-cosigning.md).
import type { CaseDoc, LetterDoc } from '../../domain/case-doc';
import { cosignId, isCosignable, reachesThreshold, type CosignDoc } from '../../domain/cosign';
import { trackingDay } from '../../domain/tracking';
import { defineAction } from '../../lib/action';
import { COLLECTIONS } from '../../lib/db';
import { errors } from '../../lib/errors';
import { runTransaction, txGet, withoutId } from '../../lib/transaction';
import { writeCaseChangeInTx, type CaseChange } from '../../repositories/cases';
import { dailyCosignsKey } from '../../repositories/cosigns';
import { addGrants } from '../../repositories/notifications';
import { caseEnv, event, type CaseEnv } from './env';
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
