import { applyPublish, isPublishedAsIs } from '../../domain/policies/lifecycle';
import { versionDocId } from '../../domain/policies/policy';
import { defineAction } from '../../lib/action';
import { COLLECTIONS } from '../../lib/db';
import { errors } from '../../lib/errors';
import { runTransaction, txGet } from '../../lib/transaction';
import { policyInTx, putPolicyInTx, putVersionInTx } from '../../repositories/policies';
import type { PolicyVersionDoc } from '../../domain/policies/policy';
import { auditActor, recordEvent } from '../../repositories/audit';
import { policyPublishSchema } from './schemas';
import { policyView } from './view';

/** Publishes the working copy; a changed text becomes a new version, and every earlier version stays readable. */
export const policyPublish = defineAction<'policy.publish'>({
  schema: policyPublishSchema,
  async run(input, { caller, now }) {
    const nowIso = now.toISOString();
    const doc = await runTransaction(async (tx) => {
      const existing = await policyInTx(tx, input.id);
      if (!existing) throw errors.notFound('政策');
      // Published with nothing pending: what the caller asked for already holds (a retry, a double tap).
      if (isPublishedAsIs(existing)) return existing;
      if (existing.version !== input.version) throw errors.conflict();
      const last = existing.pubVersion > 0 ? await txGet<PolicyVersionDoc>(tx, COLLECTIONS.policyVersions, versionDocId(existing._id, existing.pubVersion)) : null;
      const { doc: next, snapshot } = applyPublish(existing, last?.content ?? null, nowIso, input.note);
      if (snapshot) await putVersionInTx(tx, snapshot);
      await putPolicyInTx(tx, next);
      await recordEvent(tx, {
        subject: 'policy',
        subjectId: next._id,
        kind: 'published',
        at: nowIso,
        actor: auditActor(caller),
        note: snapshot ? `发布第 ${snapshot.version} 版` : '重新发布（内容未变）',
        data: { version: next.version, publishedVersion: next.pubVersion, ...(input.note ? { note: input.note } : {}) },
      });
      return next;
    });
    return policyView(doc, caller, now);
  },
});
