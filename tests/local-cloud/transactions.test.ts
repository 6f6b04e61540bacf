// Transactions through the real SDK: its runTransaction (retry on DATABASE_TRANSACTION_CONFLICT, rollback) and
// startTransaction, against the local cloud's optimistic, single-document transactions.
import * as cloud from 'wx-server-sdk';
import { localCloud } from '../../tools/local-cloud';

type AnyDoc = Record<string, unknown>;
// The SDK's transaction objects are untyped in its own typings.
/* eslint-disable @typescript-eslint/no-explicit-any */
type Tx = any;

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
const db = cloud.database();
const _ = db.command;

beforeAll(() => {
  localCloud.configure({ filename: ':memory:', database: { collections: { acc: { indexes: [] }, log: { indexes: [] } } }, strict: false });
});

beforeEach(async () => {
  await db.collection('acc').add({ data: [{ _id: 'a', balance: 100 }, { _id: 'b', balance: 0 }] } as never);
});

const balance = async (id: string): Promise<unknown> => (await db.collection('acc').doc(id).get()).data.balance;

test('runTransaction commits reads and writes of several documents and answers the callback result', async () => {
  const result = await db.runTransaction(async (t: Tx) => {
    const a = (await t.collection('acc').doc('a').get()).data as AnyDoc;
    await t.collection('acc').doc('a').update({ data: { balance: (a.balance as number) - 30 } });
    await t.collection('acc').doc('b').update({ data: { balance: _.inc(30) } });
    const added = await t.collection('log').add({ data: { amount: 30 } });
    await t.collection('log').doc('set-in-tx').set({ data: { note: 'x' } });
    return { moved: 30, logId: added._id };
  });
  expect(result).toEqual({ moved: 30, logId: expect.stringMatching(/^[0-9a-f]{32}$/) });
  expect([await balance('a'), await balance('b')]).toEqual([70, 30]);
  expect((await db.collection('log').count()).total).toBe(2);
});

test('a transaction reads its own writes; nothing is visible outside before commit', async () => {
  const t = await db.startTransaction();
  await t.collection('acc').doc('a').update({ data: { balance: 1 } });
  expect((await t.collection('acc').doc('a').get()).data.balance).toBe(1);
  await t.collection('acc').doc('b').remove();
  expect(await balance('a')).toBe(100);
  expect(await balance('b')).toBe(0);
  await t.commit();
  expect(await balance('a')).toBe(1);
  await expect(db.collection('acc').doc('b').get()).rejects.toMatchObject({ errCode: -1 });
});

test('rollback(reason) discards every write and runTransaction rejects with the reason', async () => {
  await expect(
    db.runTransaction(async (t: Tx) => {
      await t.collection('acc').doc('a').update({ data: { balance: 0 } });
      await t.collection('log').add({ data: { x: 1 } });
      await t.rollback('insufficient');
    }),
  ).rejects.toBe('insufficient');
  expect(await balance('a')).toBe(100);
  expect((await db.collection('log').count()).total).toBe(0);
});

test('an exception in the callback discards the writes', async () => {
  await expect(
    db.runTransaction(async (t: Tx) => {
      await t.collection('acc').doc('a').update({ data: { balance: 0 } });
      throw new Error('boom');
    }),
  ).rejects.toThrow('boom');
  expect(await balance('a')).toBe(100);
});

test('startTransaction: rollback discards, commit applies', async () => {
  const t1 = await db.startTransaction();
  await t1.collection('acc').doc('a').set({ data: { balance: 5 } });
  await t1.rollback();
  expect(await balance('a')).toBe(100);
  const t2 = await db.startTransaction();
  await t2.collection('acc').doc('a').set({ data: { balance: 5 } });
  await t2.commit();
  expect(await balance('a')).toBe(5);
});

// MongoDB reports a write conflict at the conflicting write. The cloud answers it with code
// DATABASE_TRANSACTION_CONFLICT; wx-server-sdk rewraps an in-transaction write's failure as {errCode: -501001, errMsg}
// without `code`, so the SDK's runTransaction rolls back and rejects without retrying (docs/adr/0076).
const writeConflict = { errCode: -501001, errMsg: expect.stringContaining('transaction conflict') };

test('a write to a document changed by someone else since the transaction read it conflicts at the write, not retried', async () => {
  let attempts = 0;
  const e = await db
    .runTransaction(async (t: Tx) => {
      attempts++;
      const a = (await t.collection('acc').doc('a').get()).data as AnyDoc;
      await db.collection('acc').doc('a').update({ data: { balance: _.inc(1) } });
      await t.collection('acc').doc('a').update({ data: { balance: (a.balance as number) + 10 } });
    })
    .catch((err: unknown) => err);
  expect(e).toMatchObject(writeConflict);
  expect(attempts).toBe(1);
  expect(await balance('a')).toBe(101);
});

test('a write to a document another open transaction has written conflicts at once; after its commit it goes through', async () => {
  const first = await db.startTransaction();
  const second = await db.startTransaction();
  await first.collection('acc').doc('a').update({ data: { balance: 1 } });
  await expect(second.collection('acc').doc('a').update({ data: { balance: 2 } })).rejects.toMatchObject(writeConflict);
  await second.rollback();
  await first.commit();
  const third = await db.startTransaction();
  await third.collection('acc').doc('a').update({ data: { balance: 3 } });
  await third.commit();
  expect(await balance('a')).toBe(3);
});

test('a rolled-back transaction releases its writes', async () => {
  const first = await db.startTransaction();
  await first.collection('acc').doc('a').update({ data: { balance: 1 } });
  await first.rollback();
  const second = await db.startTransaction();
  await second.collection('acc').doc('a').update({ data: { balance: 2 } });
  await second.commit();
  expect(await balance('a')).toBe(2);
});

test('a conflict at commit (a write committed after this transaction wrote) keeps its code, and the SDK retries it', async () => {
  let attempts = 0;
  await db.runTransaction(async (t: Tx) => {
    attempts++;
    const a = (await t.collection('acc').doc('a').get()).data as AnyDoc;
    await t.collection('acc').doc('a').update({ data: { balance: (a.balance as number) + 10 } });
    if (attempts === 1) await db.collection('acc').doc('a').update({ data: { balance: _.inc(1) } });
  });
  expect(attempts).toBe(2);
  expect(await balance('a')).toBe(111);
});

test('20 concurrent increments of one document: no lost update, losers get a conflict', async () => {
  const increment = (openid: string) =>
    localCloud.invoke(
      async () =>
        db.runTransaction(async (t: Tx) => {
          const a = (await t.collection('acc').doc('a').get()).data as AnyDoc;
          await t.collection('acc').doc('a').update({ data: { balance: (a.balance as number) + 1 } });
        }),
      {},
      { OPENID: openid },
    );
  const outcomes = await Promise.allSettled(Array.from({ length: 20 }, (_v, i) => increment(`o${i}`)));
  const won = outcomes.filter((o) => o.status === 'fulfilled').length;
  const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
  expect(won).toBeGreaterThan(0);
  expect(lost.length).toBeGreaterThan(0);
  for (const l of lost) expect(l.reason).toMatchObject(writeConflict);
  expect(await balance('a')).toBe(100 + won);
});

test('where().get() inside a transaction answers, seeing the transaction\'s own writes', async () => {
  const t = await db.startTransaction();
  expect((await t.collection('acc').where({ balance: _.gte(0) }).orderBy('balance', 'desc').get()).data).toEqual([
    { _id: 'a', balance: 100 },
    { _id: 'b', balance: 0 },
  ]);
  await t.collection('acc').doc('a').update({ data: { balance: 7 } });
  await t.collection('acc').doc('b').remove();
  await t.collection('acc').add({ data: { _id: 'c', balance: 50 } });
  const inside = await t.collection('acc').where({ balance: _.gte(0) }).orderBy('balance', 'desc').get();
  expect(inside.data).toEqual([
    { _id: 'c', balance: 50 },
    { _id: 'a', balance: 7 },
  ]);
  expect((await t.collection('acc').where({ balance: _.gte(0) }).orderBy('balance', 'desc').skip(1).limit(1).get()).data).toEqual([
    { _id: 'a', balance: 7 },
  ]);
  expect((await db.collection('acc').where({ balance: _.gte(0) }).get()).data).toHaveLength(2);
  await t.rollback();
});

test('add() of an existing _id inside a transaction fails with E11000', async () => {
  const t = await db.startTransaction();
  await expect(t.collection('acc').add({ data: { _id: 'a', balance: 1 } })).rejects.toMatchObject({
    errCode: -502001,
    errMsg: expect.stringContaining('E11000 duplicate key error'),
  });
  await t.rollback();
});

test('doc().get() of a missing document in a transaction rejects like outside; unknown collections answer -502005', async () => {
  const t = await db.startTransaction();
  await expect(t.collection('acc').doc('zzz').get()).rejects.toMatchObject({ errCode: -1 });
  await expect(t.collection('nope').doc('a').get()).rejects.toMatchObject({ errCode: -502005 });
  await t.rollback();
});
