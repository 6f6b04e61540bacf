import { applyUnpublish } from '../../domain/policies/lifecycle';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { runTransaction } from '../../lib/transaction';
import { policyInTx, putPolicyInTx } from '../../repositories/policies';
import { auditActor, recordEvent } from '../../repositories/audit';
import { policyUnpublishSchema } from './schemas';
import { policyView } from './view';

/** Withdraws a policy from the library, or (repeal) marks it 已废止 while it stays readable, with the reason. */
export const policyUnpublish = defineAction<'policy.unpublish'>({
  schema: policyUnpublishSchema,
  async run(input, { caller, now }) {
    const nowIso = now.toISOString();
    const repeal = input.repeal === true;
    const doc = await runTransaction(async (tx) => {
      const existing = await policyInTx(tx, input.id);
      if (!existing) throw errors.notFound('政策');
      const outcome = applyUnpublish(existing, nowIso, input.reason, repeal);
      if (outcome.kind === 'unchanged') return existing;
      if (outcome.kind === 'refused') throw errors.precondition(outcome.message);
      if (existing.version !== input.version) throw errors.conflict();
      await putPolicyInTx(tx, outcome.doc);
      await recordEvent(tx, {
        subject: 'policy',
        subjectId: existing._id,
        kind: repeal ? 'repealed' : 'unpublished',
        at: nowIso,
        actor: auditActor(caller),
        note: input.reason,
        data: { version: outcome.doc.version, from: existing.status },
      });
      return outcome.doc;
    });
    return policyView(doc, caller, now);
  },
});
