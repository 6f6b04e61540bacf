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
