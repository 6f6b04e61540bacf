// The home page's hot questions (常见问题): answered public letters an editor pins, in the editor's order; and
// home.get (actions/home.ts), the home page's one call, which answers them with the open consultations.
import type { HotQuestion } from '../../../../../typings/api';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { runTransaction } from '../../lib/transaction';
import { auditActor, recordEvent } from '../../repositories/audit';
import { hotInTx, hotOrderKey, listHotQuestions, putHotInTx, removeHotInTx, type HotQuestionDoc } from '../../repositories/guide';
import { findLetter, findLetterTitles } from '../../repositories/letters';
import { pinQuestion, unpinQuestion } from './schemas';


/** The home page shows this many; pins beyond it wait until one above is unpinned. */
export const HOT_SHOWN = 8;

const toHot = (doc: HotQuestionDoc, title: string): HotQuestion => ({ letterId: doc._id, title, order: doc.order, version: doc.version });

export const pinHotQuestion = defineAction<'guide.pinQuestion'>({
  schema: pinQuestion,
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

export const unpinHotQuestion = defineAction<'guide.unpinQuestion'>({
  schema: unpinQuestion,
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

/** The pinned letters citizens can read, in order; a letter withdrawn from publication since drops out. */
export async function hotQuestions(): Promise<HotQuestion[]> {
  const pins = await listHotQuestions(HOT_SHOWN);
  const letters = new Map((await findLetterTitles(pins.map((p) => p._id))).map((l) => [l._id, l]));
  return pins.flatMap((p) => {
    const letter = letters.get(p._id);
    return letter?.visible ? [toHot(p, letter.title)] : [];
  });
}
