// Declared indexes: strict mode (what the cloud would scan), multikey indexes on arrays, unique indexes, the exact
// count fast path, and persistence of a SQLite file across close and reopen.
import fs from 'fs';
import os from 'os';
import path from 'path';
import * as cloud from 'wx-server-sdk';
import { localCloud, type DatabaseSpec } from '../../tools/local-cloud';

type AnyDoc = Record<string, unknown>;
interface SdkError {
  errCode: number;
  errMsg: string;
}

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
const db = cloud.database();
const _ = db.command;

const SPEC: DatabaseSpec = {
  collections: {
    cases: {
      indexes: [
        { name: 'status_createdAt', fields: [['status', 1], ['createdAt', -1]] },
        { name: 'openid', fields: [['openid', 1]] },
      ],
    },
    users: {
      indexes: [
        { name: 'roles', fields: [['roles', 1]] },
        { name: 'phone', fields: [['phone', 1]], unique: true },
      ],
    },
    orders: { indexes: [{ name: 'items_sku', fields: [['items.sku', 1]] }] },
    settings: { bounded: true, indexes: [] },
    loose: { indexes: [] },
  },
};

const ids = (docs: AnyDoc[]): unknown[] => docs.map((d) => d._id);

async function failure(p: Promise<unknown>): Promise<SdkError> {
  try {
    await p;
  } catch (e) {
    return e as SdkError;
  }
  throw new Error('expected the call to fail');
}

describe('strict mode (threshold 0)', () => {
  beforeAll(() => localCloud.configure({ filename: ':memory:', database: SPEC, strict: { threshold: 0 } }));
  beforeEach(() => {
    localCloud.db.bulkInsert('cases', [
      { _id: 'c1', status: 'open', createdAt: new Date(1), openid: 'o1', title: 'a' },
      { _id: 'c2', status: 'done', createdAt: new Date(2), openid: 'o2', title: 'b' },
    ]);
  });

  test('an unindexed query fails with LOCAL_CLOUD_UNINDEXED_QUERY, the fields and a suggested index', async () => {
    const e = await failure(db.collection('cases').where({ title: 'a', createdAt: _.gt(new Date(0)) }).orderBy('priority', 'desc').get());
    expect(e.errCode).toBe(-502001);
    expect(e.errMsg).toContain('LOCAL_CLOUD_UNINDEXED_QUERY');
    expect(e.errMsg).toContain('collection "cases"');
    expect(e.errMsg).toContain('Filtered fields: [title, createdAt]');
    expect(e.errMsg).toContain('sorted fields: [priority desc]');
    expect(e.errMsg).toContain('{"name":"title_priority_createdAt","fields":[["title",1],["priority",-1],["createdAt",1]]}');
  });

  test('a query on the leading field of a declared index passes (equality, $in, range)', async () => {
    expect(ids((await db.collection('cases').where({ status: 'open' }).orderBy('createdAt', 'desc').get()).data as AnyDoc[])).toEqual(['c1']);
    expect((await db.collection('cases').where({ status: _.in(['open', 'done']), title: 'b' }).get()).data).toHaveLength(1);
    expect((await db.collection('cases').where({ openid: _.gte('o2') }).count()).total).toBe(1);
  });

  test('a compound index serves its leading field only', async () => {
    const e = await failure(db.collection('cases').where({ createdAt: _.gt(new Date(0)) }).get());
    expect(e.errMsg).toContain('LOCAL_CLOUD_UNINDEXED_QUERY');
  });

  test('_id lookups, count of the whole collection and a sort on a leading field are served', async () => {
    expect((await db.collection('cases').where({ _id: 'c2' }).get()).data).toHaveLength(1);
    expect((await db.collection('cases').doc('c1').get()).data.title).toBe('a');
    expect((await db.collection('cases').count()).total).toBe(2);
    expect(ids((await db.collection('cases').orderBy('status', 'asc').get()).data as AnyDoc[])).toEqual(['c2', 'c1']);
    await expect(db.collection('cases').get()).rejects.toMatchObject({ errMsg: expect.stringContaining('LOCAL_CLOUD_UNINDEXED_QUERY') });
  });

  test('an $or is served only when every branch is', async () => {
    expect((await db.collection('cases').where(_.or([{ status: 'open' }, { openid: 'o2' }])).get()).data).toHaveLength(2);
    const e = await failure(db.collection('cases').where(_.or([{ status: 'open' }, { title: 'b' }])).get());
    expect(e.errMsg).toContain('every branch');
    expect(e.errMsg).toContain('[["title",1]]');
  });

  test('update, remove and aggregate are checked too', async () => {
    await expect(db.collection('cases').where({ title: 'a' }).update({ data: { x: 1 } })).rejects.toMatchObject({ errMsg: expect.stringContaining('LOCAL_CLOUD_UNINDEXED_QUERY') });
    await expect(db.collection('cases').where({ title: 'a' }).remove()).rejects.toMatchObject({ errMsg: expect.stringContaining('LOCAL_CLOUD_UNINDEXED_QUERY') });
    await expect(db.collection('cases').aggregate().group({ _id: '$status' }).end()).rejects.toMatchObject({ errMsg: expect.stringContaining('aggregate') });
    const ok = await db.collection('cases').aggregate().match({ status: 'open' }).group({ _id: '$status' }).end();
    expect(ok.list).toEqual([{ _id: 'open' }]);
    expect((await db.collection('cases').where({ status: 'open' }).update({ data: { x: 1 } })).stats.updated).toBe(1);
  });

  test('an empty collection never fails (0 documents is within the threshold)', async () => {
    expect((await db.collection('loose').where({ anything: 1 }).get()).data).toEqual([]);
  });

  test('a bounded collection may be scanned up to 1000 documents', async () => {
    localCloud.db.bulkInsert('settings', Array.from({ length: 1000 }, (_v, i) => ({ key: `k${i}` })));
    expect((await db.collection('settings').where({ key: 'k5' }).get()).data).toHaveLength(1);
    localCloud.db.bulkInsert('settings', [{ key: 'one-too-many' }]);
    const e = await failure(db.collection('settings').where({ key: 'k5' }).get());
    expect(e.errMsg).toContain('strict limit 1000');
  });
});

describe('strict mode with a threshold', () => {
  test('collections at or under the threshold may be scanned', async () => {
    localCloud.configure({ filename: ':memory:', database: SPEC, strict: { threshold: 3 } });
    localCloud.db.bulkInsert('loose', [{ a: 1 }, { a: 2 }, { a: 3 }]);
    expect((await db.collection('loose').where({ a: 2 }).get()).data).toHaveLength(1);
    localCloud.db.bulkInsert('loose', [{ a: 4 }]);
    await expect(db.collection('loose').where({ a: 2 }).get()).rejects.toMatchObject({ errCode: -502001 });
  });
});

describe('multikey indexes', () => {
  beforeAll(() => localCloud.configure({ filename: ':memory:', database: SPEC, strict: { threshold: 0 } }));

  test('eq, in and all on an array field are answered from the index, correctly', async () => {
    await db.collection('users').add({
      data: [
        { _id: 'u1', roles: ['admin', 'editor'] },
        { _id: 'u2', roles: ['editor'] },
        { _id: 'u3', roles: 'admin' },
        { _id: 'u4', roles: [] },
        { _id: 'u5' },
      ],
    } as never);
    const before = localCloud.db.stats();
    const q = async (where: AnyDoc) => ids((await db.collection('users').where(where).orderBy('_id', 'asc').get()).data as AnyDoc[]);
    expect(await q({ roles: 'admin' })).toEqual(['u1', 'u3']);
    expect(await q({ roles: _.in(['editor', 'nobody']) })).toEqual(['u1', 'u2']);
    expect(await q({ roles: _.all(['admin', 'editor']) })).toEqual(['u1']);
    expect((await db.collection('users').where({ roles: 'editor' }).count()).total).toBe(2);
    const after = localCloud.db.stats();
    expect(after.indexedQueries - before.indexedQueries).toBe(4);
    expect(after.scans).toBe(before.scans);
  });

  test('the first array turns the index multikey and earlier scalar documents are still found', async () => {
    await db.collection('users').add({ data: { _id: 's1', roles: 'handler' } });
    expect((await db.collection('users').where({ roles: 'handler' }).get()).data).toHaveLength(1);
    await db.collection('users').add({ data: { _id: 's2', roles: ['handler', 'admin'] } });
    expect(ids((await db.collection('users').where({ roles: 'handler' }).orderBy('_id', 'asc').get()).data as AnyDoc[])).toEqual(['s1', 's2']);
  });

  test('updates and removals keep the multikey entries right', async () => {
    await db.collection('users').add({ data: [{ _id: 'm1', roles: ['a', 'b'] }, { _id: 'm2', roles: ['b'] }] } as never);
    await db.collection('users').doc('m1').update({ data: { roles: _.pull('b') } });
    await db.collection('users').doc('m2').update({ data: { roles: _.push(['c']) } });
    expect(ids((await db.collection('users').where({ roles: 'b' }).get()).data as AnyDoc[])).toEqual(['m2']);
    expect(ids((await db.collection('users').where({ roles: 'c' }).get()).data as AnyDoc[])).toEqual(['m2']);
    await db.collection('users').doc('m2').remove();
    expect((await db.collection('users').where({ roles: _.in(['b', 'c']) }).get()).data).toEqual([]);
    await db.collection('users').doc('m1').set({ data: { roles: ['z'] } });
    expect(ids((await db.collection('users').where({ roles: 'z' }).get()).data as AnyDoc[])).toEqual(['m1']);
    expect((await db.collection('users').where({ roles: 'a' }).get()).data).toEqual([]);
  });

  test('a dot path through an array of sub-documents', async () => {
    await db.collection('orders').add({
      data: [
        { _id: 'o1', items: [{ sku: 'A', n: 1 }, { sku: 'B', n: 2 }] },
        { _id: 'o2', items: [{ sku: 'B', n: 1 }] },
        { _id: 'o3', items: { sku: 'A' } },
      ],
    } as never);
    const before = localCloud.db.stats().indexedQueries;
    expect(ids((await db.collection('orders').where({ 'items.sku': 'A' }).orderBy('_id', 'asc').get()).data as AnyDoc[])).toEqual(['o1', 'o3']);
    expect(ids((await db.collection('orders').where({ items: _.elemMatch({ sku: 'B', n: 1 }) }).get()).data as AnyDoc[])).toEqual(['o2']);
    expect(localCloud.db.stats().indexedQueries).toBeGreaterThan(before);
  });
  test('a sorted page is the same whether a rare posting list or the ordered index drives the query', async () => {
    const docs = Array.from({ length: 2600 }, (_x, i) => ({
      _id: `t${String(i).padStart(5, '0')}`,
      roles: i % 500 === 7 ? ['common', 'rare'] : i % 2 ? ['common'] : ['common', 'even'],
    }));
    localCloud.db.bulkInsert('users', docs);
    const page = async (where: AnyDoc) => ids((await db.collection('users').where(where).orderBy('_id', 'desc').limit(3).get()).data as AnyDoc[]);
    const expected = (pred: (roles: string[]) => boolean) =>
      docs.filter((d) => pred(d.roles)).map((d) => d._id).sort().reverse().slice(0, 3);
    // 'rare' is in 6 documents: its list drives; 'common' and 'even' are in 2600 and 1295: the ordered index drives.
    expect(await page({ roles: _.all(['common', 'rare']) })).toEqual(expected((r) => r.includes('rare')));
    expect(await page({ roles: 'common' })).toEqual(expected(() => true));
    expect(await page({ roles: _.all(['even', 'common']) })).toEqual(expected((r) => r.includes('even')));
    expect(await page({ roles: _.all(['rare', 'nobody']) })).toEqual([]);
  });
});

describe('unique indexes', () => {
  beforeAll(() => localCloud.configure({ filename: ':memory:', database: SPEC, strict: { threshold: 0 } }));

  test('a second document with the same value fails with E11000 naming the index', async () => {
    await db.collection('users').add({ data: { _id: 'p1', phone: '123' } });
    const e = await failure(db.collection('users').add({ data: { _id: 'p2', phone: '123' } }));
    expect(e.errCode).toBe(-502001);
    expect(e.errMsg).toContain('E11000 duplicate key error collection: local-dev.users index: phone dup key: { phone: "123" }');
    expect(localCloud.db.collectionSize('users')).toBe(1);
  });

  test('documents without the field do not collide', async () => {
    await db.collection('users').add({ data: [{ _id: 'n1' }, { _id: 'n2' }] } as never);
    expect(localCloud.db.collectionSize('users')).toBe(2);
  });

  test('an update that would duplicate the value fails and changes nothing', async () => {
    await db.collection('users').add({ data: [{ _id: 'q1', phone: '1' }, { _id: 'q2', phone: '2' }] } as never);
    const e = await failure(db.collection('users').doc('q2').update({ data: { phone: '1' } }));
    expect(e.errMsg).toContain('E11000');
    expect((await db.collection('users').doc('q2').get()).data.phone).toBe('2');
  });
});

describe('count fast path', () => {
  beforeAll(() => localCloud.configure({ filename: ':memory:', database: SPEC, strict: { threshold: 0 } }));

  test('an exactly pushed-down count is answered by SQL without reading documents, and stays correct', async () => {
    const statuses = ['open', 'done', 'closed'];
    localCloud.db.bulkInsert(
      'cases',
      Array.from({ length: 3000 }, (_v, i) => ({ status: statuses[i % 3], createdAt: new Date(i), openid: `o${i % 7}` })),
    );
    const parse = jest.spyOn(JSON, 'parse');
    try {
      expect((await db.collection('cases').where({ status: 'open' }).count()).total).toBe(1000);
      expect((await db.collection('cases').where({ status: 'done', createdAt: _.gte(new Date(1500)) }).count()).total).toBe(500);
      expect(parse.mock.calls.length).toBeLessThan(10);
    } finally {
      parse.mockRestore();
    }
    // A number stored in `status` makes SQL and BSON disagree on types: the count falls back to mingo, still right.
    localCloud.db.bulkInsert('cases', [{ status: 1, createdAt: new Date(0) }]);
    expect((await db.collection('cases').where({ status: 'open' }).count()).total).toBe(1000);
    expect((await db.collection('cases').where({ status: _.gt('a') }).count()).total).toBe(3000);
  });
});

describe('persistence in a SQLite file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-test-'));
  const file = path.join(dir, 'db', 'cloud.sqlite');
  afterAll(() => {
    localCloud.configure({ filename: ':memory:', database: SPEC });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('documents, created collections and multikey and unique indexes survive close and reopen', async () => {
    localCloud.configure({ filename: file, database: SPEC, strict: { threshold: 0 } });
    await db.collection('users').add({ data: [{ _id: 'k1', roles: ['admin'], phone: '9', at: new Date(42) }, { _id: 'k2', roles: 'editor' }] } as never);
    await db.createCollection('made_later');
    await db.collection('made_later').add({ data: { _id: 'x' } });
    localCloud.close();

    localCloud.configure({ filename: file, database: SPEC, strict: { threshold: 0 } });
    const k1 = (await db.collection('users').doc('k1').get()).data;
    expect(k1).toEqual({ _id: 'k1', roles: ['admin'], phone: '9', at: new Date(42) });
    expect(ids((await db.collection('users').where({ roles: 'editor' }).get()).data as AnyDoc[])).toEqual(['k2']);
    expect((await failure(db.collection('users').add({ data: { phone: '9' } }))).errMsg).toContain('E11000');
    expect((await db.collection('made_later').doc('x').get()).data).toEqual({ _id: 'x' });
  });

  test('an index declared after the data was written learns the data (and turns multikey) on open', async () => {
    const noIndex: DatabaseSpec = { collections: { tagged: { indexes: [] } } };
    const withIndex: DatabaseSpec = { collections: { tagged: { indexes: [{ name: 'tags', fields: [['tags', 1]] }] } } };
    const f2 = path.join(dir, 'late-index.sqlite');
    localCloud.configure({ filename: f2, database: noIndex, strict: { threshold: 0 } });
    localCloud.db.bulkInsert('tagged', [{ _id: 't1', tags: ['red', 'blue'] }, { _id: 't2', tags: 'red' }, { _id: 't3', tags: ['blue'] }]);
    await expect(db.collection('tagged').where({ tags: 'red' }).get()).rejects.toMatchObject({ errCode: -502001 });
    localCloud.close();
    localCloud.configure({ filename: f2, database: withIndex, strict: { threshold: 0 } });
    const before = localCloud.db.stats().indexedQueries;
    expect(ids((await db.collection('tagged').where({ tags: 'red' }).orderBy('_id', 'asc').get()).data as AnyDoc[])).toEqual(['t1', 't2']);
    expect(localCloud.db.stats().indexedQueries).toBe(before + 1);
  });
});
