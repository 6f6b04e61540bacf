import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { assertPolicyVisible } from '../../permissions';
import { findPolicy, findVersion } from '../../repositories/policies';
import { policyGetSchema } from './schemas';
import { policyView } from './view';

export const policyGet = defineAction<'policy.get'>({
  schema: policyGetSchema,
  async run(input, { caller, now }) {
    const doc = await findPolicy(input.id);
    if (!doc) throw errors.notFound('政策');
    assertPolicyVisible(caller, doc.status);
    if (input.version === undefined) return policyView(doc, caller, now);
    // Only versions that were published are readable; an id plus a guessed number reads nothing else.
    const snapshot = doc.versions.some((v) => v.version === input.version) ? await findVersion(doc._id, input.version) : null;
    if (!snapshot) throw errors.notFound('该版本的政策');
    return policyView(doc, caller, now, snapshot);
  },
});
