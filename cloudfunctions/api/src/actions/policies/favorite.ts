import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { assertPolicyVisible } from '../../permissions';
import { findPolicy, isFavorite, setFavorite } from '../../repositories/policies';
import { policyFavoriteSchema } from './schemas';

/**
 * A citizen's bookmark: personal state, not a change to the policy, so it leaves no event. Sending the wanted state
 * (`favorited`) makes retries and double taps harmless; without it the call toggles.
 */
export const policyFavorite = defineAction<'policy.favorite'>({
  schema: policyFavoriteSchema,
  async run(input, { caller, now }) {
    const openid = caller.openid!;
    const current = await isFavorite(openid, input.id);
    const wanted = input.favorited ?? !current;
    if (wanted) {
      // Removing is always allowed (the policy may have been withdrawn since); adding needs a policy the caller sees.
      const doc = await findPolicy(input.id);
      if (!doc) throw errors.notFound('政策');
      assertPolicyVisible(caller, doc.status);
    }
    if (wanted !== current) await setFavorite(openid, input.id, wanted, now.toISOString());
    return { favorited: wanted };
  },
});
