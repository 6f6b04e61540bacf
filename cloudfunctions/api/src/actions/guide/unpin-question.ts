// guide.unpinQuestion: an editor takes a letter off the hot questions.
import { defineAction } from '../../lib/action';
import { runTransaction } from '../../lib/transaction';
import { auditActor, recordEvent } from '../../repositories/audit';
import { hotInTx, removeHotInTx } from '../../repositories/guide';
import { unpinQuestionSchema } from './schemas';

export const guideUnpinQuestion = defineAction<'guide.unpinQuestion'>({
  schema: unpinQuestionSchema,
  async run(input, { caller, now }) {
    const nowIso = now.toISOString();
    const unpinned = await runTransaction(async (tx) => {
      const existing = await hotInTx(tx, input.letterId);
      // Not pinned: what the caller asked for already holds (a retry, a double tap).
      if (!existing) return false;
      await removeHotInTx(tx, input.letterId);
      await recordEvent(tx, { subject: 'hot_question', subjectId: input.letterId, kind: 'unpublished', at: nowIso, actor: auditActor(caller), data: { order: existing.order } });
      return true;
    });
    return { unpinned };
  },
});
