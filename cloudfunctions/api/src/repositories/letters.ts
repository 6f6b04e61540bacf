// Public letters 公开信件: a scrubbed copy of a published case, in its own collection so public reads never touch
// the cases (or their personal details) at all. Written in the case's transaction (repositories/cases.ts).
import type { LetterDoc } from '../domain/case-doc';
import { COLLECTIONS, findById } from '../lib/db';

export type { LetterDoc };

export async function findLetter(id: string): Promise<LetterDoc | null> {
  return findById<LetterDoc>(COLLECTIONS.letters, id);
}
