// guide.pinQuestion: an editor pins an answered public letter among the hot questions, or moves it.
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { runTransaction } from '../../lib/transaction';
import { auditActor, recordEvent } from '../../repositories/audit';
import { hotInTx, hotOrderKey, putHotInTx, type HotQuestionDoc } from '../../repositories/guide';
import { findLetter } from '../../repositories/letters';
import { pinQuestionSchema } from './schemas';
import { toHot } from './hot';

export const guidePinQuestion = defineAction<'guide.pinQuestion'>({
  schema: pinQuestionSchema,
  async run(input, { caller, now }) {
    // Only a letter citizens can read answers a question for everyone: published, and not held for review.
    const letter = await findLetter(input.letterId);
    if (!letter || !letter.visible) throw errors.precondition('只能把已公开的答复信件设为常见问题');
    const nowIso = now.toISOString();
    const doc = await runTransaction(async (tx) => {
      const existing = await hotInTx(tx, input.letterId);
      if (existing && existing.order === input.order) return existing;
      if (existing && existing.version !== input.version) throw errors.conflict();
      const next: HotQuestionDoc = {
        _id: input.letterId,
        order: input.order,
        orderKey: hotOrderKey(input.order, input.letterId),
        version: (existing?.version ?? 0) + 1,
        pinnedAt: existing?.pinnedAt ?? nowIso,
      };
      await putHotInTx(tx, next);
      await recordEvent(tx, {
        subject: 'hot_question',
        subjectId: input.letterId,
        kind: existing ? 'edited' : 'created',
        at: nowIso,
        actor: auditActor(caller),
        note: letter.title,
        data: { order: input.order, ...(existing ? { from: existing.order } : {}) },
      });
      return next;
    });
    return toHot(doc, letter.title);
  },
});
