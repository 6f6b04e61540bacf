import { applyGuidePublish, applyGuideWithdraw, isGuidePublishedAsIs } from '../../domain/guide/item';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { runTransaction } from '../../lib/transaction';
import { auditActor, recordEvent } from '../../repositories/audit';
import { guideInTx, putGuideInTx, putGuideVersionInTx } from '../../repositories/guide';
import { guidePublish, guideWithdraw } from './schemas';
import { guideView } from './view';

/** Publishes the working words; changed words become a new version, and every earlier version is kept. */
export const publishGuideItem = defineAction<'guide.publish'>({
  schema: guidePublish,
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

/** Takes an item off the guide with the reason; citizens no longer find it, editors can publish it again. */
export const withdrawGuideItem = defineAction<'guide.withdraw'>({
  schema: guideWithdraw,
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
