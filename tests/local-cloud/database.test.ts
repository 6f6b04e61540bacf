// Conformance of the local cloud database, driven through the real wx-server-sdk (mapped to tools/local-cloud/sdk.ts):
// operations, result shapes, operators, ordering, paging, aggregation and errors as the cloud documents them.
import * as cloud from 'wx-server-sdk';
import { localCloud, type DatabaseSpec } from '../../tools/local-cloud';

type AnyDoc = Record<string, unknown>;
interface SdkError {
  errCode: number;
  errMsg: string;
}

const SPEC: DatabaseSpec = {
  collections: {
    items: {
      indexes: [
        { name: 'status_createdAt', fields: [['status', 1], ['createdAt', -1]] },
        { name: 'n', fields: [['n', 1]] },
      ],
    },
    plain: { indexes: [] },
    owners: { indexes: [] },
  },
};

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
const db = cloud.database();
const _ = db.command;
const $ = db.command.aggregate;

beforeAll(() => {
  localCloud.configure({ filename: ':memory:', database: SPEC, strict: false });
});

const ids = (docs: AnyDoc[]): unknown[] => docs.map((d) => d._id);

async function seed(collection: string, docs: AnyDoc[]): Promise<void> {
  await db.collection(collection).add({ data: docs } as never);
}

async function failure(p: Promise<unknown>): Promise<SdkError> {
  try {
    await p;
  } catch (e) {
    return e as SdkError;
  }
  throw new Error('expected the call to fail');
}

async function plainIds(where: AnyDoc): Promise<unknown[]> {
  const res = await db.collection('plain').where(where).orderBy('_id', 'asc').get();
  return ids(res.data as AnyDoc[]);
}

describe('add', () => {
  test('one document: generated 32-hex _id, shape {_id, errMsg}, no _openid on the server', async () => {
    const res = await db.collection('plain').add({ data: { a: 1 } });
    expect(res).toEqual({ _id: expect.stringMatching(/^[0-9a-f]{32}$/), errMsg: 'collection.add:ok' });
    const got = await db.collection('plain').doc(res._id as string).get();
    expect(got).toEqual({ data: { _id: res._id, a: 1 }, errMsg: 'document.get:ok' });
    expect(got.data).not.toHaveProperty('_openid');
  });

  test('an array of documents answers {_ids} in order and keeps given _ids', async () => {
    const res = (await db.collection('plain').add({ data: [{ _id: 'x1', a: 1 }, { a: 2 }] } as never)) as unknown as { _ids: string[]; errMsg: string };
    expect(res.errMsg).toBe('collection.add:ok');
    expect(res._ids).toHaveLength(2);
    expect(res._ids[0]).toBe('x1');
    expect(res._ids[1]).toMatch(/^[0-9a-f]{32}$/);
    expect(localCloud.db.collectionSize('plain')).toBe(2);
  });

  test('Date values, nested objects and arrays round-trip with their types', async () => {
    const when = new Date('2024-05-06T07:08:09.010Z');
    const { _id } = await db.collection('plain').add({ data: { when, nested: { list: [1, 'two', { three: true }], none: null } } });
    const { data } = await db.collection('plain').doc(_id as string).get();
    expect(data.when).toBeInstanceOf(Date);
    expect((data.when as Date).toISOString()).toBe(when.toISOString());
    expect(data.nested).toEqual({ list: [1, 'two', { three: true }], none: null });
  });

  test('a duplicate _id fails with -502001 and an E11000 message', async () => {
    await db.collection('plain').add({ data: { _id: 'dup', a: 1 } });
    const e = await failure(db.collection('plain').add({ data: { _id: 'dup', a: 2 } }));
    expect(e.errCode).toBe(-502001);
    expect(e.errMsg).toMatch(/^collection\.add:fail -502001 database request fail\. E11000 duplicate key error collection: .*plain index: _id_ dup key: \{ _id: "dup" \}/);
    expect((await db.collection('plain').doc('dup').get()).data.a).toBe(1);
  });

  test('an unknown collection fails with -502005 DATABASE_COLLECTION_NOT_EXIST', async () => {
    const e = await failure(db.collection('nowhere').add({ data: { a: 1 } }));
    expect(e.errCode).toBe(-502005);
    expect(e.errMsg).toContain('database collection not exists');
    const g = await failure(db.collection('nowhere').where({ a: 1 }).get());
    expect(g.errCode).toBe(-502005);
  });
});

describe('get', () => {
  beforeEach(async () => {
    await seed('plain', [
      { _id: 'a', n: 3, s: 'c' },
      { _id: 'b', n: 1, s: 'a' },
      { _id: 'c', n: 2, s: 'b' },
    ]);
  });

  test('where().get() answers {data, errMsg}', async () => {
    const res = await db.collection('plain').where({ n: 1 }).get();
    expect(res).toEqual({ data: [{ _id: 'b', n: 1, s: 'a' }], errMsg: 'collection.get:ok' });
  });

  test('without orderBy, documents come in insertion order', async () => {
    expect(ids((await db.collection('plain').get()).data as AnyDoc[])).toEqual(['a', 'b', 'c']);
  });

  test('orderBy asc and desc', async () => {
    expect(ids((await db.collection('plain').orderBy('n', 'asc').get()).data as AnyDoc[])).toEqual(['b', 'c', 'a']);
    expect(ids((await db.collection('plain').orderBy('s', 'desc').get()).data as AnyDoc[])).toEqual(['a', 'c', 'b']);
  });

  test('orderBy on several keys applies them in the order given', async () => {
    await seed('plain', [
      { _id: 'd', n: 1, s: 'z' },
      { _id: 'e', n: 3, s: 'a' },
    ]);
    const res = await db.collection('plain').orderBy('n', 'asc').orderBy('s', 'desc').get();
    expect(ids(res.data as AnyDoc[])).toEqual(['d', 'b', 'c', 'a', 'e']);
  });

  test('skip and limit page through a sorted result', async () => {
    const page = await db.collection('plain').orderBy('n', 'asc').skip(1).limit(1).get();
    expect(ids(page.data as AnyDoc[])).toEqual(['c']);
  });

  test('field() includes or excludes fields; _id is kept unless excluded', async () => {
    expect((await db.collection('plain').where({ _id: 'a' }).field({ n: true }).get()).data).toEqual([{ _id: 'a', n: 3 }]);
    expect((await db.collection('plain').where({ _id: 'a' }).field({ n: false }).get()).data).toEqual([{ _id: 'a', s: 'c' }]);
    expect((await db.collection('plain').doc('a').field({ s: true }).get()).data).toEqual({ _id: 'a', s: 'c' });
  });

  test('field() excludes dot paths, through arrays of sub-documents, and leaves the stored document whole', async () => {
    await db.collection('plain').add({
      data: { _id: 'deep', reply: { content: '长文本', at: 'x' }, items: [{ sku: 'A', note: 'n1' }, { sku: 'B' }], tags: ['t'] },
    });
    const { data } = await db.collection('plain').where({ _id: 'deep' }).field({ 'reply.content': false, 'items.note': false, missing: false, 'tags.x': false }).get();
    expect(data).toEqual([{ _id: 'deep', reply: { at: 'x' }, items: [{ sku: 'A' }, { sku: 'B' }], tags: ['t'] }]);
    expect((await db.collection('plain').doc('deep').get()).data).toMatchObject({ reply: { content: '长文本' }, items: [{ sku: 'A', note: 'n1' }, { sku: 'B' }] });
  });

  test('count() answers {total, errMsg}', async () => {
    expect(await db.collection('plain').where({ n: _.gte(2) }).count()).toEqual({ total: 2, errMsg: 'collection.count:ok' });
    expect((await db.collection('plain').count()).total).toBe(3);
  });

  test('the SDK asks for 100 documents by default and at most 1000', async () => {
    localCloud.db.bulkInsert(
      'plain',
      Array.from({ length: 1100 }, (_v, i) => ({ i })),
    );
    expect((await db.collection('plain').get()).data).toHaveLength(100);
    expect((await db.collection('plain').limit(5000).get()).data).toHaveLength(1000);
    expect((await db.collection('plain').count()).total).toBe(1103);
  });
});

describe('doc()', () => {
  test('get of a missing document rejects with the SDK error (errCode -1)', async () => {
    const e = await failure(db.collection('plain').doc('missing').get());
    expect(e.errCode).toBe(-1);
    expect(e.errMsg).toBe('document.get:fail document with _id missing does not exist');
  });

  test('set creates (upsert) then replaces the whole document', async () => {
    const created = await db.collection('plain').doc('s1').set({ data: { a: 1, b: 2 } });
    expect(created).toEqual({ _id: 's1', errMsg: 'document.set:ok', stats: { updated: 0, created: 1 } });
    const replaced = await db.collection('plain').doc('s1').set({ data: { c: 3 } });
    expect(replaced.stats).toEqual({ updated: 1, created: 0 });
    expect((await db.collection('plain').doc('s1').get()).data).toEqual({ _id: 's1', c: 3 });
  });

  test('update merges nested objects into dot paths and answers {stats: {updated}}', async () => {
    await db.collection('plain').add({ data: { _id: 'u1', profile: { name: 'A', age: 1 }, keep: true } });
    const res = await db.collection('plain').doc('u1').update({ data: { profile: { age: 2 } } });
    expect(res).toEqual({ stats: { updated: 1 }, errMsg: 'document.update:ok' });
    expect((await db.collection('plain').doc('u1').get()).data).toEqual({ _id: 'u1', profile: { name: 'A', age: 2 }, keep: true });
  });

  test('update of a missing document answers updated 0 (no error)', async () => {
    expect((await db.collection('plain').doc('ghost').update({ data: { a: 1 } })).stats.updated).toBe(0);
  });

  test('update that changes nothing answers updated 0 (modified count)', async () => {
    await db.collection('plain').add({ data: { _id: 'same', a: 1 } });
    expect((await db.collection('plain').doc('same').update({ data: { a: 1 } })).stats.updated).toBe(0);
  });

  test('remove answers {stats: {removed}}', async () => {
    await db.collection('plain').add({ data: { _id: 'r1' } });
    expect(await db.collection('plain').doc('r1').remove()).toEqual({ stats: { removed: 1 }, errMsg: 'document.remove:ok' });
    expect((await db.collection('plain').doc('r1').remove()).stats.removed).toBe(0);
  });

  test('a numeric document id works like the cloud (doc(7))', async () => {
    await db.collection('plain').doc(7).set({ data: { a: 1 } });
    expect((await db.collection('plain').doc(7).get()).data).toEqual({ _id: 7, a: 1 });
  });
});

describe('where().update / where().remove', () => {
  beforeEach(async () => {
    await seed('plain', [
      { _id: 'a', g: 1, n: 1 },
      { _id: 'b', g: 1, n: 2 },
      { _id: 'c', g: 2, n: 3 },
    ]);
  });

  test('update updates every match (multi) and counts only modified documents', async () => {
    const res = await db.collection('plain').where({ g: 1 }).update({ data: { n: _.inc(10) } });
    expect(res).toEqual({ stats: { updated: 2 }, errMsg: 'collection.update:ok' });
    expect(ids((await db.collection('plain').where({ n: _.gt(10) }).get()).data as AnyDoc[])).toEqual(['a', 'b']);
  });

  test('remove removes every match', async () => {
    expect(await db.collection('plain').where({ g: 1 }).remove()).toEqual({ stats: { removed: 2 }, errMsg: 'collection.remove:ok' });
    expect(localCloud.db.collectionSize('plain')).toBe(1);
  });
});

describe('update operators', () => {
  beforeEach(async () => {
    await db.collection('plain').add({
      data: { _id: 'd', n: 5, list: [1, 2, 3, 2], tags: ['a'], old: 'x', keep: 1, nested: { v: 1 }, lo: 5, hi: 5 },
    });
  });
  const after = async (data: AnyDoc): Promise<AnyDoc> => {
    await db.collection('plain').doc('d').update({ data });
    return (await db.collection('plain').doc('d').get()).data as AnyDoc;
  };

  test('_.set replaces a sub-object, _.remove unsets a field', async () => {
    const d = await after({ nested: _.set({ w: 2 }), old: _.remove() });
    expect(d.nested).toEqual({ w: 2 });
    expect(d).not.toHaveProperty('old');
  });

  test('_.inc and _.mul', async () => {
    const d = await after({ n: _.inc(-2), keep: _.mul(3) });
    expect([d.n, d.keep]).toEqual([3, 3]);
  });

  test('_.min and _.max', async () => {
    const d = await after({ lo: _.min(2), hi: _.max(9) });
    expect([d.lo, d.hi]).toEqual([2, 9]);
    const d2 = await after({ lo: _.min(7), hi: _.max(1) });
    expect([d2.lo, d2.hi]).toEqual([2, 9]);
  });

  test('_.push (with each, position) and _.unshift', async () => {
    expect((await after({ tags: _.push(['b', 'c']) })).tags).toEqual(['a', 'b', 'c']);
    expect((await after({ tags: _.unshift(['z']) })).tags).toEqual(['z', 'a', 'b', 'c']);
    expect((await after({ tags: _.push({ each: ['m'], position: 1 }) })).tags).toEqual(['z', 'm', 'a', 'b', 'c']);
  });

  test('_.pop and _.shift', async () => {
    expect((await after({ list: _.pop() })).list).toEqual([1, 2, 3]);
    expect((await after({ list: _.shift() })).list).toEqual([2, 3]);
  });

  test('_.pull and _.pullAll', async () => {
    expect((await after({ list: _.pull(2) })).list).toEqual([1, 3]);
    expect((await after({ list: _.pullAll([1, 3]) })).list).toEqual([]);
  });

  test('_.addToSet adds only missing values (also with each)', async () => {
    expect((await after({ tags: _.addToSet('a') })).tags).toEqual(['a']);
    expect((await after({ tags: _.addToSet({ $each: ['a', 'b'] }) })).tags).toEqual(['a', 'b']);
  });

  test('_.rename moves a field', async () => {
    const d = await after({ old: _.rename('renamed') });
    expect(d.renamed).toBe('x');
    expect(d).not.toHaveProperty('old');
  });

  test('an update cannot change _id (the SDK refuses it before sending)', async () => {
    await expect(db.collection('plain').doc('d').update({ data: { _id: 'other' } })).rejects.toMatchObject({ errMsg: expect.stringContaining('_id') });
  });
});

describe('query operators', () => {
  beforeEach(async () => {
    await seed('plain', [
      { _id: 'a', n: 1, s: 'apple', tags: ['x', 'y'], sub: { k: 1 }, items: [{ q: 1 }, { q: 5 }] },
      { _id: 'b', n: 2, s: 'Banana', tags: ['y'], sub: { k: 2 }, items: [{ q: 2 }] },
      { _id: 'c', n: 3, s: 'cherry', tags: [], sub: { k: 3 } },
      { _id: 'd', n: null, s: 'date' },
      { _id: 'e', s: 'elder', tags: ['x', 'z'] },
    ]);
  });

  test('eq, neq (matches missing too)', async () => {
    expect(await plainIds({ n: _.eq(2) })).toEqual(['b']);
    expect(await plainIds({ n: _.neq(2) })).toEqual(['a', 'c', 'd', 'e']);
  });

  test('gt, gte, lt, lte never match null or missing', async () => {
    expect(await plainIds({ n: _.gt(1) })).toEqual(['b', 'c']);
    expect(await plainIds({ n: _.gte(1).and(_.lte(2)) })).toEqual(['a', 'b']);
    expect(await plainIds({ n: _.lt(3) })).toEqual(['a', 'b']);
  });

  test('in and nin', async () => {
    expect(await plainIds({ n: _.in([1, 3]) })).toEqual(['a', 'c']);
    expect(await plainIds({ n: _.nin([1, 3]) })).toEqual(['b', 'd', 'e']);
  });

  test('and, or, nor, not', async () => {
    expect(await plainIds(_.or([{ n: 1 }, { s: 'elder' }]) as unknown as AnyDoc)).toEqual(['a', 'e']);
    expect(await plainIds(_.and([{ n: _.gt(0) }, { tags: 'y' }]) as unknown as AnyDoc)).toEqual(['a', 'b']);
    expect(await plainIds(_.nor([{ n: 1 }, { n: 2 }]) as unknown as AnyDoc)).toEqual(['c', 'd', 'e']);
    expect(await plainIds({ n: _.not(_.gt(1)) })).toEqual(['a', 'd', 'e']);
  });

  test('exists', async () => {
    expect(await plainIds({ n: _.exists(true) })).toEqual(['a', 'b', 'c', 'd']);
    expect(await plainIds({ n: _.exists(false) })).toEqual(['e']);
  });

  test('equality with null matches null and missing', async () => {
    expect(await plainIds({ n: null })).toEqual(['d', 'e']);
  });

  test('size, all, elemMatch', async () => {
    expect(await plainIds({ tags: _.size(2) })).toEqual(['a', 'e']);
    expect(await plainIds({ tags: _.all(['x', 'y']) })).toEqual(['a']);
    expect(await plainIds({ items: _.elemMatch({ q: _.gt(4) }) })).toEqual(['a']);
  });

  test('array contains: equality on an array field matches any element', async () => {
    expect(await plainIds({ tags: 'x' })).toEqual(['a', 'e']);
  });

  test('db.RegExp and a JS regular expression (flags honoured)', async () => {
    expect(await plainIds({ s: db.RegExp({ regexp: '^b', options: 'i' }) })).toEqual(['b']);
    expect(await plainIds({ s: /^[a-c]/ })).toEqual(['a', 'c']);
    expect(await plainIds({ s: /AN/i })).toEqual(['b']);
  });

  test('dot paths and nested objects (flattened by the SDK)', async () => {
    expect(await plainIds({ 'sub.k': 2 })).toEqual(['b']);
    expect(await plainIds({ sub: { k: _.gte(2) } })).toEqual(['b', 'c']);
    expect(await plainIds({ 'items.q': 5 })).toEqual(['a']);
  });

  test('exact sub-document equality with _.eq', async () => {
    expect(await plainIds({ sub: _.eq({ k: 3 }) })).toEqual(['c']);
  });

  test('Date comparisons', async () => {
    await seed('plain', [
      { _id: 't1', at: new Date('2024-01-01T00:00:00Z') },
      { _id: 't2', at: new Date('2024-06-01T00:00:00Z') },
    ]);
    expect(await plainIds({ at: _.gt(new Date('2024-03-01T00:00:00Z')) })).toEqual(['t2']);
    expect(await plainIds({ at: new Date('2024-01-01T00:00:00Z') })).toEqual(['t1']);
  });
});

describe('ordering', () => {
  test('mixed types sort in BSON order: null/missing < numbers < strings < objects < booleans < dates', async () => {
    await seed('plain', [
      { _id: 'str-b', v: 'b' },
      { _id: 'num-2', v: 2 },
      { _id: 'bool', v: true },
      { _id: 'null', v: null },
      { _id: 'missing' },
      { _id: 'date', v: new Date(0) },
      { _id: 'obj', v: { a: 1 } },
      { _id: 'str-a', v: 'a' },
      { _id: 'num-1', v: 1 },
    ]);
    const asc = ids((await db.collection('plain').orderBy('v', 'asc').get()).data as AnyDoc[]);
    expect(new Set(asc.slice(0, 2))).toEqual(new Set(['missing', 'null']));
    expect(asc.slice(2)).toEqual(['num-1', 'num-2', 'str-a', 'str-b', 'obj', 'bool', 'date']);
    const desc = ids((await db.collection('plain').orderBy('v', 'desc').get()).data as AnyDoc[]);
    expect(desc.slice(0, 7)).toEqual(['date', 'bool', 'obj', 'str-b', 'str-a', 'num-2', 'num-1']);
  });

  test('dates sort chronologically on an indexed path (pushed down to SQLite)', async () => {
    const base = Date.UTC(2024, 0, 1);
    await seed(
      'items',
      [5, 1, 4, 2, 3].map((d) => ({ _id: `d${d}`, status: 'open', createdAt: new Date(base + d * 86400000) })),
    );
    const before = localCloud.db.stats().indexedQueries;
    const res = await db.collection('items').where({ status: 'open' }).orderBy('createdAt', 'desc').limit(3).get();
    expect(ids(res.data as AnyDoc[])).toEqual(['d5', 'd4', 'd3']);
    expect(localCloud.db.stats().indexedQueries).toBe(before + 1);
  });

  test('paging with skip over ties is stable: every document exactly once', async () => {
    await seed(
      'items',
      Array.from({ length: 25 }, (_v, i) => ({ _id: `p${String(i).padStart(2, '0')}`, status: 'open', createdAt: new Date(i % 3) })),
    );
    const seen: unknown[] = [];
    for (let skip = 0; skip < 25; skip += 10) {
      const page = await db.collection('items').where({ status: 'open' }).orderBy('createdAt', 'desc').skip(skip).limit(10).get();
      seen.push(...ids(page.data as AnyDoc[]));
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
  });
});

describe('serverDate and the clock', () => {
  test('db.serverDate() is the local clock at the time of the request, with its offset', async () => {
    localCloud.clock.set('2030-02-03T04:05:06.000Z', { frozen: true });
    const serverDate = db.serverDate as unknown as (o?: { offset: number }) => unknown;
    const { _id } = await db.collection('plain').add({ data: { at: db.serverDate(), later: serverDate({ offset: 60000 }) } });
    const { data } = await db.collection('plain').doc(_id as string).get();
    expect((data.at as Date).toISOString()).toBe('2030-02-03T04:05:06.000Z');
    expect((data.later as Date).toISOString()).toBe('2030-02-03T04:06:06.000Z');
    await db.collection('plain').doc(_id as string).update({ data: { touched: db.serverDate() } });
    expect(((await db.collection('plain').doc(_id as string).get()).data.touched as Date).toISOString()).toBe('2030-02-03T04:05:06.000Z');
  });

  test('serverDate in a where() compares against the clock', async () => {
    localCloud.clock.set('2030-01-01T00:00:00.000Z', { frozen: true });
    await seed('plain', [
      { _id: 'past', at: new Date('2029-12-31T00:00:00Z') },
      { _id: 'future', at: new Date('2030-01-02T00:00:00Z') },
    ]);
    expect(await plainIds({ at: _.lt(db.serverDate()) })).toEqual(['past']);
  });
});

describe('aggregate', () => {
  beforeEach(async () => {
    await seed('plain', [
      { _id: 'o1', owner: 'u1', cat: 'a', amount: 10, tags: ['x', 'y'] },
      { _id: 'o2', owner: 'u1', cat: 'b', amount: 5, tags: ['y'] },
      { _id: 'o3', owner: 'u2', cat: 'a', amount: 7, tags: [] },
    ]);
    await seed('owners', [
      { _id: 'u1', name: 'Ann' },
      { _id: 'u2', name: 'Bo' },
    ]);
  });

  test('match, group, sort answer {list, errMsg}', async () => {
    const res = await db.collection('plain').aggregate().match({ amount: _.gt(1) }).group({ _id: '$cat', total: $.sum('$amount') }).sort({ total: -1 }).end();
    expect(res).toEqual({ list: [{ _id: 'a', total: 17 }, { _id: 'b', total: 5 }], errMsg: 'collection.aggregate:ok' });
  });

  test('skip, limit, project, addFields', async () => {
    const res = await db
      .collection('plain')
      .aggregate()
      .sort({ amount: 1 })
      .skip(1)
      .limit(1)
      .addFields({ double: $.multiply(['$amount', 2]) })
      .project({ _id: 0, amount: 1, double: 1 })
      .end();
    expect(res.list).toEqual([{ amount: 7, double: 14 }]);
  });

  test('unwind and count', async () => {
    const res = await db.collection('plain').aggregate().unwind('$tags').count('n').end();
    expect(res.list).toEqual([{ n: 3 }]);
  });

  test('lookup joins another collection', async () => {
    const res = await db
      .collection('plain')
      .aggregate()
      .match({ _id: 'o3' })
      .lookup({ from: 'owners', localField: 'owner', foreignField: '_id', as: 'owner' })
      .end();
    expect(res.list).toEqual([{ _id: 'o3', owner: [{ _id: 'u2', name: 'Bo' }], cat: 'a', amount: 7, tags: [] }]);
  });

  test('a pipeline without limit answers at most 20 documents', async () => {
    localCloud.db.bulkInsert('plain', Array.from({ length: 30 }, (_v, i) => ({ i })));
    expect((await db.collection('plain').aggregate().match({ i: _.gte(0) }).end()).list).toHaveLength(20);
    expect((await db.collection('plain').aggregate().match({ i: _.gte(0) }).limit(25).end()).list).toHaveLength(25);
  });
});

describe('collections', () => {
  test('createCollection makes a collection usable; creating it twice fails; reset() drops it', async () => {
    expect(await db.createCollection('fresh')).toEqual({ errMsg: 'createCollection:ok', requestId: expect.any(String) });
    await db.collection('fresh').add({ data: { a: 1 } });
    expect((await db.collection('fresh').count()).total).toBe(1);
    await expect(db.createCollection('fresh')).rejects.toMatchObject({ errMsg: expect.stringContaining('Table exist') });
    localCloud.reset();
    expect((await failure(db.collection('fresh').count())).errCode).toBe(-502005);
  });

  test('reset() empties declared collections and keeps them', async () => {
    await db.collection('items').add({ data: { status: 'x' } });
    localCloud.reset();
    expect((await db.collection('items').count()).total).toBe(0);
  });
});
