// modifyAndReturnDoc (findAndModify) as @cloudbase/database exposes it: Query.updateAndReturn(data) updates the first
// document the query matches and answers {updated, doc} with the document after the update (MongoDB's findAndModify
// with `new: true`); doc is null when nothing matches. wx-server-sdk's wrapper does not expose it, so these cases go
// through the @cloudbase/node-sdk copy that wx-server-sdk itself wraps (same requester, same local cloud).
import * as cloud from 'wx-server-sdk';
import { localCloud } from '../../tools/local-cloud';
import { sdkPaths } from '../../tools/local-cloud/sdk-paths';

/* eslint-disable @typescript-eslint/no-explicit-any -- the node SDK's database objects, untyped here */
type NodeDb = any;

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
const wxDb = cloud.database();

let db: NodeDb;
let _: NodeDb;

beforeAll(() => {
  localCloud.configure({ filename: ':memory:', database: { collections: { c: { indexes: [] } } }, strict: false });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the exact copy wx-server-sdk wraps
  const tcb = require(sdkPaths().nodeSdkDir) as { init: (config: { env: string }) => { database: () => NodeDb } };
  db = tcb.init({ env: 'local-dev' }).database();
  _ = db.command;
});

beforeEach(async () => {
  localCloud.reset();
  await db.collection('c').add([
    { _id: 'a', queue: 'q', n: 1, at: new Date('2024-01-01T00:00:00.000Z') },
    { _id: 'b', queue: 'q', n: 2 },
    { _id: 'z', queue: 'other', n: 9 },
  ]);
});

const read = async (id: string): Promise<Record<string, unknown>> => (await wxDb.collection('c').doc(id).get()).data as Record<string, unknown>;

test('wx-server-sdk does not expose it (our function code cannot call it)', () => {
  expect((wxDb.collection('c').where({ n: 1 }) as unknown as Record<string, unknown>).updateAndReturn).toBeUndefined();
});

describe('outside a transaction', () => {
  test('updates the first match and answers the document after the update, value types kept', async () => {
    const res = await db.collection('c').where({ queue: 'q' }).updateAndReturn({ n: _.inc(10), claimed: true });
    expect(res.updated).toBe(1);
    expect(res.doc).toEqual({ _id: 'a', queue: 'q', n: 11, claimed: true, at: new Date('2024-01-01T00:00:00.000Z') });
    expect(res.doc.at).toBeInstanceOf(Date);
    expect(await read('a')).toMatchObject({ n: 11, claimed: true });
    expect(await read('b')).toEqual({ _id: 'b', queue: 'q', n: 2 });
  });

  test('claims each match once when called repeatedly (a work queue)', async () => {
    const claim = () => db.collection('c').where({ queue: 'q', claimed: _.neq(true) }).updateAndReturn({ claimed: true });
    expect((await claim()).doc._id).toBe('a');
    expect((await claim()).doc._id).toBe('b');
    expect(await claim()).toMatchObject({ updated: 0, doc: null });
  });

  test('no match: updated 0, doc null, nothing written', async () => {
    expect(await db.collection('c').where({ queue: 'none' }).updateAndReturn({ n: 5 })).toMatchObject({ updated: 0, doc: null });
    expect((await wxDb.collection('c').where({ n: 5 }).get()).data).toEqual([]);
  });

  test('a change to nothing answers updated 0 with the document', async () => {
    const res = await db.collection('c').where({ _id: 'b' }).updateAndReturn({ n: 2 });
    expect(res).toMatchObject({ updated: 0, doc: { _id: 'b', n: 2 } });
  });

  test('an unknown operator or a $ field name is refused (the node SDK answers the error) and nothing changes', async () => {
    expect(await db.collection('c').where({ _id: 'a' }).updateAndReturn({ $bad: 1 })).toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
    expect(await db.collection('c').where({ _id: 'a' }).updateAndReturn({ n: 5, meta: { $x: 1 } })).toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
    expect(await read('a')).toMatchObject({ n: 1 });
  });
});

describe('inside a transaction', () => {
  test('sees the transaction\'s own writes; the change is visible outside only after commit', async () => {
    const t = await db.startTransaction();
    await t.collection('c').doc('a').update({ queue: 'done' });
    const res = await t.collection('c').where({ queue: 'q' }).updateAndReturn({ n: _.inc(1) });
    expect(res).toMatchObject({ updated: 1, doc: { _id: 'b', n: 3 } });
    expect(await read('b')).toMatchObject({ n: 2 });
    await t.commit();
    expect(await read('b')).toMatchObject({ n: 3 });
    expect(await read('a')).toMatchObject({ queue: 'done' });
  });

  test('a rollback discards it', async () => {
    const t = await db.startTransaction();
    await t.collection('c').where({ _id: 'z' }).updateAndReturn({ n: 0 });
    await t.rollback();
    expect(await read('z')).toMatchObject({ n: 9 });
  });

  test('conflicts with a write committed in between like any transactional write', async () => {
    const t = await db.startTransaction();
    await t.collection('c').where({ _id: 'a' }).updateAndReturn({ n: _.inc(1) });
    await wxDb.collection('c').doc('a').update({ data: { n: 100 } });
    await expect(t.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect(await read('a')).toMatchObject({ n: 100 });
  });

  test('runTransaction retries a conflict and returns the callback\'s result', async () => {
    let attempts = 0;
    const res = await db.runTransaction(async (t: NodeDb) => {
      attempts++;
      const r = await t.collection('c').where({ _id: 'a' }).updateAndReturn({ n: _.inc(1) });
      if (attempts === 1) await wxDb.collection('c').doc('a').update({ data: { n: 50 } });
      return r.doc.n;
    });
    expect(attempts).toBe(2);
    expect(res).toBe(51);
    expect(await read('a')).toMatchObject({ n: 51 });
  });
});
