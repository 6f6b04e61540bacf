// Conformance with the cloud database's documented behaviour (MongoDB semantics as CloudBase exposes them), through the
// real wx-server-sdk. Each case names the behaviour it pins; the cases come from the list of differences.
import * as cloud from 'wx-server-sdk';
import { localCloud } from '../../tools/local-cloud';

// The SDK's transaction objects are untyped in its own typings.
/* eslint-disable @typescript-eslint/no-explicit-any */
type Tx = any;

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
const db = cloud.database();
const _ = db.command;

beforeAll(() => {
  localCloud.configure({ filename: ':memory:', database: { collections: { c: { indexes: [] } } }, strict: false });
});

beforeEach(() => localCloud.reset());

describe('transactions keep value types', () => {
  test('a Date written by a transactional update is read back as a Date', async () => {
    const at = new Date('2024-03-01T08:00:00.000Z');
    await db.collection('c').add({ data: { _id: 'd', at: new Date(0), n: 1 } } as never);
    await db.runTransaction(async (t: Tx) => {
      await t.collection('c').doc('d').get();
      await t.collection('c').doc('d').update({ data: { at, n: _.inc(1) } });
    });
    const back = (await db.collection('c').doc('d').get()).data as Record<string, unknown>;
    expect(back.at).toBeInstanceOf(Date);
    expect((back.at as Date).toISOString()).toBe(at.toISOString());
    expect(back.n).toBe(2);
  });

  test('a Date already stored survives a transaction that updates another field', async () => {
    const at = new Date('2023-01-02T03:04:05.000Z');
    await db.collection('c').add({ data: { _id: 'e', at, n: 1 } } as never);
    const t = await db.startTransaction();
    await t.collection('c').doc('e').update({ data: { n: 5 } });
    const inside = (await t.collection('c').doc('e').get()).data as Record<string, unknown>;
    expect(inside.at).toBeInstanceOf(Date);
    await t.commit();
    const back = (await db.collection('c').doc('e').get()).data as Record<string, unknown>;
    expect(back.at).toBeInstanceOf(Date);
    expect((back.at as Date).getTime()).toBe(at.getTime());
  });
});

describe('writes', () => {
  test('doc().set() of a document with identical content answers updated: 1, as the cloud does', async () => {
    await db.collection('c').add({ data: { _id: 's', a: 1, b: 'x' } } as never);
    const same = await db.collection('c').doc('s').set({ data: { a: 1, b: 'x' } } as never);
    expect(same.stats).toEqual({ updated: 1, created: 0 });
    const t = await db.startTransaction();
    const inTx = await t.collection('c').doc('s').set({ data: { a: 1, b: 'x' } });
    await t.commit();
    expect(inTx.stats).toMatchObject({ updated: 1 });
    expect((await db.collection('c').doc('s').get()).data).toEqual({ _id: 's', a: 1, b: 'x' });
  });

  test.each([
    ['add at the top level', () => db.collection('c').add({ data: { _id: 'p', $bad: 1 } } as never)],
    ['add in a sub-document', () => db.collection('c').add({ data: { _id: 'p', a: { $bad: 1 } } } as never)],
    ['add in an array element', () => db.collection('c').add({ data: { _id: 'p', a: [{ ok: 1 }, { $bad: 1 }] } } as never)],
    ['set', () => db.collection('c').doc('p').set({ data: { a: 1, b: { $bad: 1 } } } as never)],
    ['update with a plain sub-document', () => db.collection('c').doc('u').update({ data: { a: { $bad: 1 } } } as never)],
    ['update with _.set', () => db.collection('c').doc('u').update({ data: { a: _.set({ $bad: 1 }) } } as never)],
    ['where().update', () => db.collection('c').where({ _id: 'u' }).update({ data: { a: _.set({ $bad: 1 }) } } as never)],
  ])('a field name beginning with $ is refused with DATABASE_REQUEST_FAILED (%s) and nothing changes', async (_name, write) => {
    await db.collection('c').add({ data: { _id: 'u', a: 1 } } as never);
    await expect(write()).rejects.toMatchObject({ errCode: -502001, errMsg: expect.stringContaining('$bad') });
    expect((await db.collection('c').count()).total).toBe(1);
    expect((await db.collection('c').doc('u').get()).data).toEqual({ _id: 'u', a: 1 });
  });

  test('a $ field name is refused inside a transaction too, at the write', async () => {
    const t = await db.startTransaction();
    await expect(t.collection('c').add({ data: { _id: 'q', a: { $bad: 1 } } })).rejects.toMatchObject({ errCode: -502001 });
    await t.rollback();
  });
});

describe('transaction lifecycle', () => {
  test('a write after commit answers DATABASE_TRANSACTION_FAIL, which the SDK surfaces as -501001 (not in its code map)', async () => {
    await db.collection('c').add({ data: { _id: 'w', a: 1 } } as never);
    const t = await db.startTransaction();
    await t.collection('c').doc('w').update({ data: { a: 2 } });
    await t.commit();
    const e = await t.collection('c').doc('w').update({ data: { a: 3 } }).catch((err: unknown) => err);
    expect(e).toMatchObject({ errCode: -501001, errMsg: expect.stringContaining('already been committed or aborted') });
    expect((await db.collection('c').doc('w').get()).data.a).toBe(2);
  });
});

describe('operators as MongoDB defines them', () => {
  const $ = db.command.aggregate;

  test('$elemMatch with a document condition matches only arrays holding a matching document, not arrays of scalars', async () => {
    await db.collection('c').add({
      data: [
        { _id: 'scalars', arr: [1, 2, 3] },
        { _id: 'docs', arr: [{ a: 1 }, { a: 2 }] },
        { _id: 'mixed', arr: [5, { a: 1 }] },
      ],
    } as never);
    const ids = async (cond: unknown): Promise<unknown[]> =>
      (await db.collection('c').where({ arr: cond } as never).orderBy('_id', 'asc').get()).data.map((d) => d._id);
    expect(await ids(_.elemMatch({ a: _.neq(1) }))).toEqual(['docs']);
    expect(await ids(_.elemMatch({ a: _.exists(false) }))).toEqual([]);
    expect(await ids(_.elemMatch(_.gte(2)))).toEqual(['mixed', 'scalars']);
  });

  test('$week counts Sunday-started weeks, week 0 before the first Sunday; 2019-05-14 is week 19', async () => {
    await db.collection('c').add({
      data: [
        { _id: '1', d: new Date('2019-05-14T10:00:00Z') },
        { _id: '2', d: new Date('2019-01-01T00:00:00Z') },
        { _id: '3', d: new Date('2019-01-06T00:00:00Z') },
        { _id: '4', d: new Date('2016-12-31T00:00:00Z') },
      ],
    } as never);
    const { list } = await db.collection('c').aggregate().sort({ _id: 1 }).project({ w: $.week('$d') }).end();
    expect(list.map((d: Record<string, unknown>) => d.w)).toEqual([19, 0, 1, 52]);
  });

  test('$substrBytes and $substr with a negative length take the rest of the string', async () => {
    await db.collection('c').add({ data: { _id: 's', s: 'hello world' } } as never);
    const { list } = await db
      .collection('c')
      .aggregate()
      .project({ a: $.substrBytes(['$s', 6, -1]), b: $.substr(['$s', 0, -5]), c: $.substrBytes(['$s', 0, 5]) })
      .end();
    expect(list[0]).toEqual({ _id: 's', a: 'world', b: 'hello world', c: 'hello' });
  });

  test('$substrBytes past the end gives "" and a count past the end takes the rest (found by the differential)', async () => {
    await db.collection('c').add({ data: { _id: 's', s: 'héllo' } } as never);
    const { list } = await db
      .collection('c')
      .aggregate()
      .project({ a: $.substrBytes(['$s', 6, 2]), b: $.substrBytes(['$s', 3, 100]), c: $.substr(['$s', 99, -1]) })
      .end();
    expect(list[0]).toEqual({ _id: 's', a: '', b: 'llo', c: '' });
  });

  test('$indexOfCP answers code-point indexes, honours start and end, and null for a missing string', async () => {
    await db.collection('c').add({ data: [{ _id: 'a', s: 'a😀b😀c' }, { _id: 'b' }] } as never);
    const { list } = await db
      .collection('c')
      .aggregate()
      .sort({ _id: 1 })
      .project({
        first: $.indexOfCP(['$s', 'b']),
        fromTwo: $.indexOfCP(['$s', '😀', 2]),
        window: $.indexOfCP(['$s', 'c', 0, 3]),
        absent: $.indexOfCP(['$s', 'z']),
      })
      .end();
    expect(list).toEqual([
      { _id: 'a', first: 2, fromTwo: 3, window: -1, absent: -1 },
      { _id: 'b', first: null, fromTwo: null, window: null, absent: null },
    ]);
  });
});
