// policy.unpublish: a policy leaves the library, or (repeal) stays readable marked 已废止, with the reason.
import { applyUnpublish } from '../../domain/policies/lifecycle';
import { defineAction } from '../../lib/action';
import { POLICIES } from '../../repositories/policies';
import { withdrawVersioned } from '../../repositories/versioned-publish';
import { policyUnpublishSchema } from './schemas';
import { policyView } from './view';

/** Withdraws a policy from the library, or (repeal) marks it 已废止 while it stays readable, with the reason. */
export const policyUnpublish = defineAction<'policy.unpublish'>({
  schema: policyUnpublishSchema,
  async run(input, { caller, now }) {
    const repeal = input.repeal === true;
    const doc = await withdrawVersioned(
      {
        ...POLICIES,
        withdraw: (existing, nowIso, reason) => applyUnpublish(existing, nowIso, reason, repeal),
        event: repeal ? 'repealed' : 'unpublished',
        eventData: (before) => ({ from: before.status }),
      },
      input,
      caller,
      now,
    );
    return policyView(doc, caller, now);
  },
});
