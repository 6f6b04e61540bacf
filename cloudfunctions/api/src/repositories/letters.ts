// Public letters 公开信件: a scrubbed copy of a published case, in its own collection so public reads never touch
// the cases (or their personal details) at all. Written in the case's transaction (repositories/cases.ts).
import type { LetterDoc } from '../domain/case-doc';
import { _, COLLECTIONS, db, findById } from '../lib/db';

export type { LetterDoc };

export async function findLetter(id: string): Promise<LetterDoc | null> {
  return findById<LetterDoc>(COLLECTIONS.letters, id);
}

/** Several letters by id (the home page's hot questions), title and visibility only; any order. */
export async function findLetterTitles(ids: readonly string[]): Promise<Array<Pick<LetterDoc, '_id' | 'title' | 'visible'>>> {
  if (ids.length === 0) return [];
  const { data } = await db
    .collection(COLLECTIONS.letters)
    .where({ _id: _.in([...ids]) })
    .field({ title: true, visible: true })
    .limit(ids.length)
    .get();
  return data as Array<Pick<LetterDoc, '_id' | 'title' | 'visible'>>;
}
