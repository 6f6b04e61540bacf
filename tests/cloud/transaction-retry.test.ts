// lib/transaction.ts against a conflict raised at the write (docs/adr/0076): wx-server-sdk rewraps it without `code`,
// so the SDK's runTransaction would give up; ours must retry it and lose no update.
import { db } from '../../cloudfunctions/api/src/lib/db';
import { runTransaction, txGet } from '../../cloudfunctions/api/src/lib/transaction';

const COUNTER = { collection: 'counters', id: 'retry-test' };

async function value(): Promise<number> {
  const { data } = await db.collection(COUNTER.collection).doc(COUNTER.id).get();
  return (data as { n: number }).n;
}

beforeEach(async () => {
  await db.collection(COUNTER.collection).doc(COUNTER.id).set({ data: { n: 0 } });
});

test('a write that meets another open transaction\'s write is retried until it goes through', async () => {
  let release!: () => void;
  const holding = new Promise<void>((resolve) => (release = resolve));
  let wrote!: () => void;
  const firstWrote = new Promise<void>((resolve) => (wrote = resolve));
  let secondAttempts = 0;
  const first = runTransaction(async (tx) => {
    const c = await txGet<{ n: number }>(tx, COUNTER.collection, COUNTER.id);
    await tx.collection(COUNTER.collection).doc(COUNTER.id).update({ data: { n: c!.n + 1 } });
    wrote();
    await holding; // keeps the write uncommitted while the second transaction writes
  });
  const second = runTransaction(async (tx) => {
    secondAttempts++;
    await firstWrote;
    const c = await txGet<{ n: number }>(tx, COUNTER.collection, COUNTER.id);
    try {
      await tx.collection(COUNTER.collection).doc(COUNTER.id).update({ data: { n: c!.n + 1 } });
    } finally {
      release();
    }
  });
  await Promise.all([first, second]);
  expect(secondAttempts).toBeGreaterThan(1);
  expect(await value()).toBe(2);
});

test('an error that is not a conflict is not retried', async () => {
  let attempts = 0;
  await expect(
    runTransaction(async (tx) => {
      attempts++;
      await tx.collection(COUNTER.collection).doc(COUNTER.id).update({ data: { n: 5 } });
      throw new Error('boom');
    }),
  ).rejects.toThrow('boom');
  expect(attempts).toBe(1);
  expect(await value()).toBe(0);
});
