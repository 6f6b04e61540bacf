// policy.publish: the working copy of a policy becomes a published version.
import { applyPublish, isPublishedAsIs } from '../../domain/policies/lifecycle';
import { versionDocId, type PolicyVersionDoc } from '../../domain/policies/policy';
import { defineAction } from '../../lib/action';
import { COLLECTIONS } from '../../lib/db';
import { txGet } from '../../lib/transaction';
import { POLICIES, putVersionInTx } from '../../repositories/policies';
import { publishVersioned } from '../../repositories/versioned-publish';
import { policyPublishSchema } from './schemas';
import { policyView } from './view';

/** Publishes the working copy; a changed text becomes a new version, and every earlier version stays readable. */
export const policyPublish = defineAction<'policy.publish'>({
  schema: policyPublishSchema,
  async run(input, { caller, now }) {
    const doc = await publishVersioned(
      {
        ...POLICIES,
        publishedAsIs: isPublishedAsIs,
        // The words last published decide whether this publication is a new version.
        publish: async (tx, existing, nowIso, note) => {
          const last = existing.pubVersion > 0 ? await txGet<PolicyVersionDoc>(tx, COLLECTIONS.policyVersions, versionDocId(existing._id, existing.pubVersion)) : null;
          return applyPublish(existing, last?.content ?? null, nowIso, note);
        },
        writeVersion: putVersionInTx,
      },
      input,
      caller,
      now,
    );
    return policyView(doc, caller, now);
  },
});
