// Co-signing 附议: a citizen backs a published suggestion once; at the threshold in settings the case is flagged for a
// supervisor, who (or the case's handler) publishes the agency's response, and every co-signer is told through the
// outbox. docs/adr/0085-cosigning.md.
import type { CaseCosign } from '../../../../../typings/api';
import type { CaseDoc, LetterDoc } from '../../domain/case-doc';
import { cosignId, isCosignable, mayRespond, reachesThreshold, type CosignDoc } from '../../domain/cosign';
import { trackingDay } from '../../domain/tracking';
import { defineAction } from '../../lib/action';
import type { Caller } from '../../lib/caller';
import { COLLECTIONS, db } from '../../lib/db';
import { errors } from '../../lib/errors';
import { runTransaction, txGet, withoutId } from '../../lib/transaction';
import { requireVisible } from '../../permissions';
import { findCase, updateCase, writeCaseChangeInTx, type CaseChange } from '../../repositories/cases';
import { dailyCosignsKey, eachCosigner } from '../../repositories/cosigns';
import { findLetter } from '../../repositories/letters';
import { addMessageOnce, inboxCopy } from '../../repositories/messages';
import { addGrants, findNotification, newNotificationDoc } from '../../repositories/notifications';
import { deliverNow } from '../../services/notifier';
import { actorOf, caseEnv, departmentName, event, type CaseEnv } from './env';
import { cosignSchema, respondCosignSchema } from './schemas';
import { caseView } from './view';

/** Sent at once (best effort); the rest by the timer's sender. */
const SEND_NOW_MAX = 20;

export const cosignNoticeId = (caseId: string, cosign: string): string => `cosign-response-${caseId}-${cosign}`;

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

function isDuplicate(error: unknown): boolean {
  const msg = String((error as { errMsg?: unknown; message?: unknown } | null)?.errMsg ?? (error as Error | null)?.message ?? '');
  return /E11000|duplicate/i.test(msg);
}

/** One message to each co-signer, with ids derived from case and co-sign: a retried response queues none twice. */
async function notifyCosigners(doc: CaseDoc, title: string, now: Date): Promise<void> {
  const nowIso = now.toISOString();
  const queued: string[] = [];
  await eachCosigner(doc._id, async (c) => {
    const nid = cosignNoticeId(doc._id, c._id);
    const draft = { kind: 'cosign_response', touser: c.openid, template: 'cosignResponse', caseId: doc._id, fields: { title, status: '已回应', time: nowIso, note: '您附议的建议已有公开回应' }, query: `id=${doc._id}` } as const;
    await addMessageOnce(inboxCopy(nid, draft, nowIso));
    if (await findNotification(nid)) return;
    try {
      await db.collection(COLLECTIONS.notifications).add({ data: newNotificationDoc(nid, draft, nowIso) });
      queued.push(nid);
    } catch (error) {
      if (!isDuplicate(error)) throw error;
    }
  });
  await deliverNow(queued.slice(0, SEND_NOW_MAX), now);
}

function gateRespond(caller: Caller, doc: CaseDoc | null, version: number): { doc: CaseDoc; actor: NonNullable<ReturnType<typeof mayRespond>> } {
  const actor = mayRespond(requireVisible(caller, doc));
  if (!actor) throw errors.denied('附议回应由督办或承办单位发布。');
  if (doc!.version !== version) throw errors.conflict();
  if (!doc!.cosign) throw errors.precondition('这条建议的附议人数尚未达到回应标准。');
  if (doc!.cosign.response) throw errors.precondition('这条建议已经公开回应过了。');
  return { doc: doc!, actor };
}

export const caseRespondCosign = defineAction<'case.respondCosign'>({
  schema: respondCosignSchema,
  async run(input, ctx) {
    const env = await caseEnv(ctx.now);
    const current = await findCase(input.id);
    // The same response again (a retry, a double tap): answered as it stands.
    if (current && current.cosign?.response?.content === input.content && mayRespond(requireVisible(ctx.caller, current)) !== null) {
      // The first attempt may have failed between its commit and its messages: queue what is missing (ids per co-signer).
      await notifyCosigners(current, (await findLetter(current._id))?.title ?? current.title, ctx.now);
      return caseView(current, ctx.caller, env);
    }
    gateRespond(ctx.caller, current, input.version);
    const result = await updateCase(input.id, env, (stored) => {
      const { doc, actor } = gateRespond(ctx.caller, stored, input.version);
      const who = actorOf(actor, ctx.caller, doc);
      const response = { content: input.content, at: env.now, ...(doc.departmentId ? { departmentId: doc.departmentId } : {}) };
      const { cosignAwaiting: _owed, ...rest } = doc;
      return {
        next: { ...rest, cosign: { ...doc.cosign!, response } },
        events: [event(env, 'cosign_responded', who, 'public', { note: input.content, actorOpenid: ctx.caller.openid })],
        letter: { patch: { cosignResponse: response } },
      };
    });
    const letter = await findLetter(input.id);
    await notifyCosigners(result!.doc, letter?.title ?? result!.doc.title, ctx.now);
    return caseView(result!.doc, ctx.caller, env);
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
