// Co-signs 附议 (collection `cosigns`, one document per citizen and letter) and the per-citizen daily counter.
// The count itself lives on the letter, moved in the same transaction. docs/adr/0085-cosigning.md.
import type { CosignDoc } from '../domain/cosign';
import { _, COLLECTIONS, db, findById } from '../lib/db';

const SCAN_BATCH = 100;

export const dailyCosignsKey = (openid: string, day: string): string => `cosign_${openid}_${day}`;

export async function findCosign(id: string): Promise<CosignDoc | null> {
  return findById<CosignDoc>(COLLECTIONS.cosigns, id);
}

/** Every co-signer of a letter, oldest first, a batch at a time (a response reaches all of them). */
export async function eachCosigner(letterId: string, visit: (c: Pick<CosignDoc, '_id' | 'openid'>) => Promise<void>): Promise<void> {
  let after: string | undefined;
  for (;;) {
    const { data } = await db
      .collection(COLLECTIONS.cosigns)
      .where(after ? { letterId, key: _.gt(after) } : { letterId })
      .orderBy('key', 'asc')
      .limit(SCAN_BATCH)
      .field({ _id: true, openid: true, key: true })
      .get();
    for (const c of data as CosignDoc[]) await visit(c);
    if (data.length < SCAN_BATCH) return;
    after = (data[data.length - 1] as CosignDoc).key;
  }
}
