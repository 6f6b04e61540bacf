// Small counter documents by id ({ n }): per-citizen daily submissions, failed invite attempts. The per-day tracking
// number sequence lives here too, but is moved inside the submit transaction (repositories/cases.ts).
import { COLLECTIONS, findById } from '../lib/db';
import { runTransaction, txGet } from '../lib/transaction';

export async function readCounter(id: string): Promise<number> {
  return (await findById<{ n?: number }>(COLLECTIONS.counters, id))?.n ?? 0;
}

export async function bumpCounter(id: string): Promise<number> {
  return runTransaction(async (tx) => {
    const n = ((await txGet<{ n: number }>(tx, COLLECTIONS.counters, id))?.n ?? 0) + 1;
    await tx.collection(COLLECTIONS.counters).doc(id).set({ data: { n } });
    return n;
  });
}

/** The counter of a citizen's submissions on a Shanghai day ("20261125"). */
export const dailySubmissionsKey = (openid: string, day: string): string => `submit_${openid}_${day}`;

/** The counter of a citizen's draft comments on a Shanghai day ("2026-11-25"). */
export const dailyCommentsKey = (openid: string, day: string): string => `comment_${openid}_${day}`;

/** The tracking-number sequence of a day. */
export const trackingSequenceKey = (day: string): string => `tracking_${day}`;
