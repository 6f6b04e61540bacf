// guide.publish: the working words of a service-guide item become a published version.
import { applyGuidePublish, isGuidePublishedAsIs } from '../../domain/guide/item';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { runTransaction } from '../../lib/transaction';
import { auditActor, recordEvent } from '../../repositories/audit';
import { guideInTx, putGuideInTx, putGuideVersionInTx } from '../../repositories/guide';
import { guidePublishSchema } from './schemas';
import { guideView } from './view';

/** Publishes the working words; changed words become a new version, and every earlier version is kept. */
export const guidePublish = defineAction<'guide.publish'>({
  schema: guidePublishSchema,
  async run(input, { caller, now }) {
    const nowIso = now.toISOString();
    const doc = await runTransaction(async (tx) => {
      const existing = await guideInTx(tx, input.id);
      if (!existing) throw errors.notFound('事项');
      if (isGuidePublishedAsIs(existing)) return existing;
      if (existing.version !== input.version) throw errors.conflict();
      const { doc: next, snapshot } = applyGuidePublish(existing, nowIso, input.note);
      if (snapshot) await putGuideVersionInTx(tx, snapshot);
      await putGuideInTx(tx, next);
      await recordEvent(tx, {
        subject: 'guide',
        subjectId: next._id,
        kind: 'published',
        at: nowIso,
        actor: auditActor(caller),
        note: snapshot ? `发布第 ${snapshot.version} 版` : '重新发布（内容未变）',
        data: { version: next.version, publishedVersion: next.pubVersion, ...(input.note ? { note: input.note } : {}) },
      });
      return next;
    });
    return guideView(doc, caller);
  },
});
