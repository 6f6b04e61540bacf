// Conformance with the cloud database's documented behaviour through the real wx-server-sdk (issue 15 items 3 and 5):
// geospatial queries on a 2dsphere index, as MongoDB's manual defines $nearSphere (metres, nearest first), $geoWithin
// (Polygon with holes, $centerSphere in radians) and the $geoNear stage (first stage, distanceField, includeLocs,
// query, min/max distance), and updateAndReturn (findAndModify: the first match, returned after the update) in and out
// of transactions. wx-server-sdk's query wrapper does not pass updateAndReturn on, so those cases go through the real
// @cloudbase/node-sdk that wx-server-sdk wraps (the copy it loads), as CloudBase's own database tests do.
import * as cloud from 'wx-server-sdk';
import { localCloud } from '../../tools/local-cloud';
import { loadDatabaseSpec, normalizeDatabaseSpec } from '../../tools/local-cloud/database-spec';
import { sdkPaths } from '../../tools/local-cloud/sdk-paths';

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK's geo and transaction objects are untyped in its typings */
type Tx = any;

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
const db = cloud.database();
const _ = db.command;
const Geo = (db as any).Geo;

// Distances on MongoDB's sphere (radius 6378.1 km): Tiananmen to Beijing railway station about 2.6 km, to the Summer
// Palace about 15 km; Shanghai's People's Square about 1,070 km.
const TIANANMEN = [116.3975, 39.9087] as const;
const STATION = [116.427, 39.903] as const;
const SUMMER_PALACE = [116.2755, 39.9999] as const;
const PEOPLES_SQUARE = [121.4737, 31.2304] as const;
const EARTH_RADIUS_KM = 6378.1;

beforeAll(() => {
  localCloud.configure({
    filename: ':memory:',
    database: normalizeDatabaseSpec({
      collections: {
        places: { indexes: [{ name: 'location_geo', fields: [['location', '2dsphere']] }] },
        c: { indexes: [] },
        counters: { indexes: [{ name: 'name', fields: [['name', 1]] }] },
      },
    }),
    strict: { threshold: 0 },
  });
});

beforeEach(async () => {
  localCloud.reset();
  const place = (_id: string, [lng, lat]: readonly [number, number], kind: string) => ({ _id, kind, location: new Geo.Point(lng, lat) });
  await db.collection('places').add({
    data: [
      place('tiananmen', TIANANMEN, 'square'),
      place('station', STATION, 'station'),
      place('summer-palace', SUMMER_PALACE, 'park'),
      place('peoples-square', PEOPLES_SQUARE, 'square'),
    ],
  } as never);
});

const ids = (list: Array<{ _id: string }>) => list.map((d) => d._id);

describe('geo indexes in database/indexes.json', () => {
  test('a 2dsphere index names one field; a compound one is refused with a clear message', () => {
    const spec = normalizeDatabaseSpec({ collections: { offices: { indexes: [{ name: 'loc', fields: [['location', '2dsphere']] }, { name: 'dept', fields: [['dept', 1]] }] } } });
    expect(spec.collections.offices).toEqual({ indexes: [{ name: 'dept', fields: [['dept', 1]] }], geo: ['location'] });
    expect(() => normalizeDatabaseSpec({ collections: { o: { indexes: [{ name: 'x', fields: [['location', '2dsphere'], ['dept', 1]] }] } } })).toThrow(/exactly one field/);
    expect(() => loadDatabaseSpec()).not.toThrow();
  });
});

describe('$nearSphere (db.command.geoNear)', () => {
  test('answers nearest first within $maxDistance metres, and from $minDistance', async () => {
    const near = await db.collection('places').where({ location: _.geoNear({ geometry: new Geo.Point(...TIANANMEN), maxDistance: 20_000 }) }).get();
    expect(ids(near.data as never)).toEqual(['tiananmen', 'station', 'summer-palace']);
    const far = await db.collection('places').where({ location: _.geoNear({ geometry: new Geo.Point(...TIANANMEN), minDistance: 1000, maxDistance: 5000 }) }).get();
    expect(ids(far.data as never)).toEqual(['station']);
    // From the Summer Palace, Tiananmen (about 14.5 km) comes before the station (about 16.8 km).
    const limited = await db.collection('places').where({ location: _.geoNear({ geometry: new Geo.Point(...SUMMER_PALACE) }) }).limit(2).get();
    expect(ids(limited.data as never)).toEqual(['summer-palace', 'tiananmen']);
  });

  test('points read back as Geo.Point', async () => {
    const { data } = await db.collection('places').doc('station').get();
    const location = (data as { location: { longitude: number; latitude: number } }).location;
    expect([location.longitude, location.latitude]).toEqual([...STATION]);
  });

  test('without a 2dsphere index on the field it is refused, as MongoDB refuses it', async () => {
    await db.collection('c').add({ data: { _id: 'x', location: new Geo.Point(...TIANANMEN) } } as never);
    await expect(db.collection('c').where({ location: _.geoNear({ geometry: new Geo.Point(...TIANANMEN) }) }).get()).rejects.toMatchObject({
      errCode: -502001,
      errMsg: expect.stringContaining('unable to find index for $geoNear query'),
    });
  });
});

describe('$geoWithin (db.command.geoWithin)', () => {
  const box = (w: number, s: number, e: number, n: number) => [new Geo.Point(w, s), new Geo.Point(e, s), new Geo.Point(e, n), new Geo.Point(w, n), new Geo.Point(w, s)];

  test('a polygon holds the points inside it; a hole leaves its points out', async () => {
    const centre = new Geo.Polygon([new Geo.LineString(box(116.3, 39.85, 116.5, 39.95))]);
    const inside = await db.collection('places').where({ location: _.geoWithin({ geometry: centre }) }).orderBy('_id', 'asc').get();
    expect(ids(inside.data as never)).toEqual(['station', 'tiananmen']);
    const withHole = new Geo.Polygon([new Geo.LineString(box(116.3, 39.85, 116.5, 39.95)), new Geo.LineString(box(116.39, 39.9, 116.41, 39.92))]);
    const holed = await db.collection('places').where({ location: _.geoWithin({ geometry: withHole }) }).get();
    expect(ids(holed.data as never)).toEqual(['station']);
  });

  test('a MultiPolygon holds the points of any of its polygons', async () => {
    const shanghai = new Geo.Polygon([new Geo.LineString(box(121, 31, 122, 32))]);
    const palace = new Geo.Polygon([new Geo.LineString(box(116.2, 39.95, 116.3, 40.05))]);
    const { data } = await db.collection('places').where({ location: _.geoWithin({ geometry: new Geo.MultiPolygon([shanghai, palace]) }) }).orderBy('_id', 'asc').get();
    expect(ids(data as never)).toEqual(['peoples-square', 'summer-palace']);
  });

  // wx-server-sdk's typings omit centerSphere, which its database package sends (serializer/query.ts).
  test('centerSphere: a centre and a radius in radians (distance / earth radius)', async () => {
    const within = (km: number) =>
      db
        .collection('places')
        .where({ location: _.geoWithin({ centerSphere: [new Geo.Point(...TIANANMEN), km / EARTH_RADIUS_KM] } as never) })
        .orderBy('_id', 'asc')
        .get();
    expect(ids((await within(5)).data as never)).toEqual(['station', 'tiananmen']);
    expect(ids((await within(20)).data as never)).toEqual(['station', 'summer-palace', 'tiananmen']);
    expect(ids((await within(1)).data as never)).toEqual(['tiananmen']);
  });

  test('combined with other conditions, and served by the geo index in strict mode', async () => {
    const { data } = await db.collection('places').where({ kind: 'square', location: _.geoWithin({ centerSphere: [[...TIANANMEN], 20 / EARTH_RADIUS_KM] } as never) }).get();
    expect(ids(data as never)).toEqual(['tiananmen']);
  });
});

describe('$geoNear (aggregate().geoNear)', () => {
  test('the first stage: nearest first, distance in metres in distanceField, the point in includeLocs, filtered by query', async () => {
    const { list } = await db
      .collection('places')
      .aggregate()
      .geoNear({ near: new Geo.Point(...TIANANMEN), spherical: true, distanceField: 'distance', includeLocs: 'where', maxDistance: 20_000, query: { kind: _.neq('park') } })
      .end();
    expect(ids(list as never)).toEqual(['tiananmen', 'station']);
    const [first, second] = list as Array<{ distance: number; where: unknown }>;
    expect(first!.distance).toBe(0);
    // 0.0295° of longitude at 39.9° N and 0.0057° of latitude: about 2.60 km on a 6378.1 km sphere.
    expect(second!.distance).toBeGreaterThan(2570);
    expect(second!.distance).toBeLessThan(2630);
    expect(second!.where).toBeDefined();
  });

  test('distanceMultiplier scales the distance; later stages see it', async () => {
    const { list } = await db
      .collection('places')
      .aggregate()
      .geoNear({ near: new Geo.Point(...TIANANMEN), spherical: true, distanceField: 'km', distanceMultiplier: 0.001, minDistance: 100 })
      .project({ _id: 1, km: 1 })
      .limit(1)
      .end();
    expect(list).toHaveLength(1);
    expect((list[0] as { _id: string })._id).toBe('station');
    expect((list[0] as { km: number }).km).toBeCloseTo(2.6, 1);
  });

  test('anywhere but first, or without a geo index, it is refused', async () => {
    await expect(db.collection('places').aggregate().match({ kind: 'square' }).geoNear({ near: new Geo.Point(...TIANANMEN), distanceField: 'd', spherical: true }).end()).rejects.toMatchObject({
      errCode: -502001,
      errMsg: expect.stringContaining('first stage'),
    });
    await db.collection('c').add({ data: { _id: 'x', location: new Geo.Point(...TIANANMEN) } } as never);
    await expect(db.collection('c').aggregate().geoNear({ near: new Geo.Point(...TIANANMEN), distanceField: 'd', spherical: true }).end()).rejects.toMatchObject({ errCode: -502001 });
  });
});

describe('updateAndReturn (modifyAndReturnDoc, findAndModify)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the exact node-sdk copy wx-server-sdk loads
  const nodeSdk = require(sdkPaths().nodeSdkDir) as { init(config: { env: string }): { database(): any } };
  const tcb = nodeSdk.init({ env: 'local-dev' }).database();

  test('updates the first document the query matches and answers it as it is after the update', async () => {
    await db.collection('counters').add({ data: [{ _id: 'a', name: 'case', n: 1 }, { _id: 'b', name: 'other', n: 7 }] } as never);
    const res = await tcb.collection('counters').where({ name: 'case' }).updateAndReturn({ n: tcb.command.inc(1), touched: true });
    expect(res).toMatchObject({ updated: 1, doc: { _id: 'a', name: 'case', n: 2, touched: true } });
    expect((await db.collection('counters').doc('a').get()).data).toEqual({ _id: 'a', name: 'case', n: 2, touched: true });
    expect((await db.collection('counters').doc('b').get()).data).toEqual({ _id: 'b', name: 'other', n: 7 });
  });

  test('no match: nothing updated, no document', async () => {
    const res = await tcb.collection('counters').where({ name: 'nothing' }).updateAndReturn({ n: tcb.command.inc(1) });
    expect(res).toMatchObject({ updated: 0 });
    expect(res.doc ?? null).toBeNull();
    expect((await db.collection('counters').count()).total).toBe(0);
  });

  test('in a transaction: the transaction reads its own change, others see it after commit, and an abort undoes it', async () => {
    await db.collection('counters').add({ data: { _id: 'seq', name: 'seq', n: 10 } } as never);
    const t: Tx = await tcb.startTransaction();
    const inside = await t.collection('counters').where({ name: 'seq' }).updateAndReturn({ n: tcb.command.inc(5) });
    expect(inside).toMatchObject({ updated: 1, doc: { _id: 'seq', n: 15 } });
    expect((await t.collection('counters').doc('seq').get()).data).toMatchObject({ n: 15 });
    expect((await db.collection('counters').doc('seq').get()).data).toMatchObject({ n: 10 });
    await t.commit();
    expect((await db.collection('counters').doc('seq').get()).data).toMatchObject({ n: 15 });

    const aborted: Tx = await tcb.startTransaction();
    await aborted.collection('counters').where({ name: 'seq' }).updateAndReturn({ n: tcb.command.inc(100) });
    await aborted.rollback();
    expect((await db.collection('counters').doc('seq').get()).data).toMatchObject({ n: 15 });
  });

  test('runTransaction: concurrent increments through updateAndReturn lose none (a conflict is retried)', async () => {
    await db.collection('counters').add({ data: { _id: 'seq', name: 'seq', n: 0 } } as never);
    const bump = () => tcb.runTransaction(async (t: Tx) => (await t.collection('counters').where({ name: 'seq' }).updateAndReturn({ n: tcb.command.inc(1) })).doc.n as number);
    // runTransaction tries a callback 3 times: three at once commit in some order, each seeing its own number.
    const seen = await Promise.all(Array.from({ length: 3 }, bump));
    expect([...seen].sort()).toEqual([1, 2, 3]);
    expect((await db.collection('counters').doc('seq').get()).data).toMatchObject({ n: 3 });
  });
});
