// Transactions: the SDK's runTransaction retries the whole callback when a commit conflicts (first committer wins).
// Its default of 3 retries is too few for a hot document (the day's tracking-number counter under a burst of
// submissions), and retries in lockstep conflict again, so retries here are more numerous and spread by a jittered,
// growing back-off.
import { AppError } from './errors';
import { db, isNotFound } from './db';

const ATTEMPTS = 40;

/** The part of the SDK's transaction object we use: single-document operations and add, on collections. */
export interface Transaction {
  collection(name: string): ReturnType<typeof db.collection>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function isConflict(error: unknown): boolean {
  const e = error as { code?: unknown; errMsg?: unknown; message?: unknown } | null;
  if (e?.code === 'DATABASE_TRANSACTION_CONFLICT') return true;
  const msg = String(e?.errMsg ?? e?.message ?? '');
  return /TRANSACTION_CONFLICT|transaction conflict|write ?conflict/i.test(msg);
}

/**
 * A conflict the cloud raised at a write inside the callback. wx-server-sdk rewraps it as {errCode, errMsg} without
 * `code`, so the SDK's runTransaction rolls back and rethrows instead of retrying: we retry it ourselves (nothing was
 * committed). Conflicts at commit keep their `code` and the SDK retries those.
 */
class WriteConflict extends Error {
  constructor(readonly cause: unknown) {
    super('transaction write conflict');
  }
}

/** Runs `fn` in a database transaction; an AppError thrown inside rolls back and reaches the caller unchanged. */
export async function runTransaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
  let attempt = 0;
  for (;;) {
    try {
      return (await db.runTransaction(async (tx: Transaction) => {
        attempt++;
        // Exponential back-off with full jitter: under a burst, linear steps of a few ms kept the writers of a hot
        // document colliding for dozens of rounds (docs/adr/0055).
        if (attempt > 1) await sleep(Math.random() * Math.min(4 * 2 ** (attempt - 2), 150));
        try {
          return await fn(tx);
        } catch (error) {
          if (!(error instanceof AppError) && isConflict(error)) throw new WriteConflict(error);
          throw error;
        }
      }, ATTEMPTS)) as T;
    } catch (error) {
      if (error instanceof WriteConflict && attempt < ATTEMPTS) continue;
      const cause = error instanceof WriteConflict ? error.cause : error;
      if (cause instanceof AppError) throw cause;
      if (isConflict(cause)) throw new AppError('CONFLICT', '当前办理人数较多，请稍后重试。');
      throw cause;
    }
  }
}

/** A document read inside a transaction, or null when it does not exist. */
export async function txGet<T>(tx: Transaction, collection: string, id: string): Promise<T | null> {
  try {
    const { data } = await tx.collection(collection).doc(id).get();
    return (data as T | null) ?? null;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** Strips `_id` for set(), which takes the id from the reference and refuses it in the data. */
export function withoutId<T extends { _id?: unknown }>(doc: T): Omit<T, '_id'> {
  const { _id: _ignored, ...rest } = doc;
  return rest;
}
