// The home page's hot questions (常见问题): answered public letters an editor pins, in the editor's order.
import type { HotQuestion } from '../../../../../typings/api';
import { listHotQuestions, type HotQuestionDoc } from '../../repositories/guide';
import { findLetterTitles } from '../../repositories/letters';

/** The home page shows this many; pins beyond it wait until one above is unpinned. */
export const HOT_SHOWN = 8;

export const toHot = (doc: HotQuestionDoc, title: string): HotQuestion => ({ letterId: doc._id, title, order: doc.order, version: doc.version });

/** The pinned letters citizens can read, in order; a letter withdrawn from publication since drops out. */
export async function hotQuestions(): Promise<HotQuestion[]> {
  const pins = await listHotQuestions(HOT_SHOWN);
  const letters = new Map((await findLetterTitles(pins.map((p) => p._id))).map((l) => [l._id, l]));
  return pins.flatMap((p) => {
    const letter = letters.get(p._id);
    return letter?.visible ? [toHot(p, letter.title)] : [];
  });
}
