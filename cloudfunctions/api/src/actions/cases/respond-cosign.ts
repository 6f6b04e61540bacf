// case.respondCosign: the agency's response to the co-signers, told to each through the outbox.
import type { CaseDoc, LetterDoc } from '../../domain/case-doc';
import { mayRespond } from '../../domain/cosign';
import { defineAction } from '../../lib/action';
import type { Caller } from '../../lib/caller';
import { COLLECTIONS } from '../../lib/db';
import { errors } from '../../lib/errors';
import { runTransaction, txGet } from '../../lib/transaction';
import { requireVisible } from '../../permissions';
import { findCase, writeCaseChangeInTx } from '../../repositories/cases';
import { fanoutId, newFanoutDoc } from '../../repositories/notifications';
import { cosignNoticeFields } from '../../services/cosign-notice';
import { deliverNow } from '../../services/notifier';
import { actorOf, caseEnv, event } from './env';
import { respondCosignSchema } from './schemas';
import { caseView } from './view';

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
    const messages = fanoutId('cosign_response', input.id);
    // The same response again (a retry, a double tap): answered as it stands; its messages are in the outbox already.
    if (current && current.cosign?.response?.content === input.content && mayRespond(requireVisible(ctx.caller, current)) !== null) {
      await deliverNow([messages], ctx.now);
      return caseView(current, ctx.caller, env);
    }
    gateRespond(ctx.caller, current, input.version);
    const doc = await runTransaction(async (tx) => {
      const stored = await txGet<CaseDoc>(tx, COLLECTIONS.cases, input.id);
      const { doc, actor } = gateRespond(ctx.caller, stored, input.version);
      const letter = await txGet<LetterDoc>(tx, COLLECTIONS.letters, input.id);
      const who = actorOf(actor, ctx.caller, doc);
      const response = { content: input.content, at: env.now, ...(doc.departmentId ? { departmentId: doc.departmentId } : {}) };
      const { cosignAwaiting: _owed, ...rest } = doc;
      const written = await writeCaseChangeInTx(tx, doc, {
        next: { ...rest, cosign: { ...doc.cosign!, response } },
        events: [event(env, 'cosign_responded', who, 'public', { note: input.content, actorOpenid: ctx.caller.openid })],
        letter: { patch: { cosignResponse: response } },
      }, env);
      // Every co-signer is told: one outbox entry in this transaction, expanded into one message each by the sender
      // (now, or by the timer if this function stops first). Co-signers are too many to queue here one by one.
      await tx.collection(COLLECTIONS.notifications).add({ data: newFanoutDoc('cosign_response', doc._id, cosignNoticeFields(letter?.title ?? doc.title, env.now), env.now) });
      return written.doc;
    });
    await deliverNow([messages], ctx.now);
    return caseView(doc, ctx.caller, env);
  },
});
