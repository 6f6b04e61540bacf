// Public letters 公开信件: a scrubbed copy of a published case, in its own collection so public reads never touch
// the cases (or their personal details) at all. Written in the case's transaction (repositories/cases.ts).
import type { LetterDoc } from '../domain/case-doc';
import { _, COLLECTIONS, db, isNotFound } from '../lib/db';

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

export async function pageLetters(q: { tokens: string[]; categoryId?: string; after?: string; limit: number }): Promise<{ items: LetterDoc[]; more: boolean }> {
  const where: Record<string, unknown> = { visible: true };
  if (q.categoryId) where.categoryId = q.categoryId;
  if (q.tokens.length > 0) where.searchTokens = _.all(q.tokens);
  if (q.after) where.listKey = _.lt(q.after);
  const { data } = await db
    .collection(COLLECTIONS.letters)
    .where(where)
    .orderBy('listKey', 'desc')
    .limit(q.limit + 1)
    .get();
  const docs = data as LetterDoc[];
  return { items: docs.slice(0, q.limit), more: docs.length > q.limit };
}
