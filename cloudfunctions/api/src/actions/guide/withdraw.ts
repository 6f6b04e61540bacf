// guide.withdraw: a published service-guide item is taken down, with a reason.
import { applyGuideWithdraw } from '../../domain/guide/item';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { runTransaction } from '../../lib/transaction';
import { auditActor, recordEvent } from '../../repositories/audit';
import { guideInTx, putGuideInTx } from '../../repositories/guide';
import { guideWithdrawSchema } from './schemas';
import { guideView } from './view';

/** Takes an item off the guide with the reason; citizens no longer find it, editors can publish it again. */
export const guideWithdraw = defineAction<'guide.withdraw'>({
  schema: guideWithdrawSchema,
  async run(input, { caller, now }) {
    const nowIso = now.toISOString();
    const doc = await runTransaction(async (tx) => {
      const existing = await guideInTx(tx, input.id);
      if (!existing) throw errors.notFound('事项');
      const outcome = applyGuideWithdraw(existing, nowIso, input.reason);
      if (outcome.kind === 'unchanged') return existing;
      if (outcome.kind === 'refused') throw errors.precondition(outcome.message);
      if (existing.version !== input.version) throw errors.conflict();
      await putGuideInTx(tx, outcome.doc);
      await recordEvent(tx, {
        subject: 'guide',
        subjectId: existing._id,
        kind: 'unpublished',
        at: nowIso,
        actor: auditActor(caller),
        note: input.reason,
        data: { version: outcome.doc.version },
      });
      return outcome.doc;
    });
    return guideView(doc, caller);
  },
});
