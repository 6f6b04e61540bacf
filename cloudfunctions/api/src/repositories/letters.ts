// Public letters 公开信件: a scrubbed copy of a published case, in its own collection so public reads never touch
// the cases (or their personal details) at all. Written in the case's transaction (repositories/cases.ts).
import type { LetterDoc } from '../domain/case-doc';
import { COLLECTIONS, db, isNotFound } from '../lib/db';

export type { LetterDoc };

export async function findLetter(id: string): Promise<LetterDoc | null> {
  try {
    const { data } = await db.collection(COLLECTIONS.letters).doc(id).get();
    return data as LetterDoc;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}
