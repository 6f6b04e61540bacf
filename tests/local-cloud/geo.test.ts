// Geo queries through the real wx-server-sdk, written from MongoDB's 2dsphere documentation (distances in metres on a
// sphere of radius 6378100 m, great-circle polygon edges, $near needing a geo index) and CloudBase's command docs
// (db.Geo.* serialize as GeoJSON; command.geoNear / geoWithin / geoIntersects; aggregate().geoNear).
import * as cloud from 'wx-server-sdk';
import { localCloud } from '../../tools/local-cloud';
import { normalizeDatabaseSpec } from '../../tools/local-cloud/database-spec';

/* eslint-disable @typescript-eslint/no-explicit-any */
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
const db = cloud.database();
const _ = db.command;
const Geo = db.Geo as any;

/** One degree of arc on MongoDB's sphere, in metres: 6378100 * π / 180. */
const DEGREE_M = 111318.845;

beforeAll(() => {
  localCloud.configure({
    filename: ':memory:',
    database: normalizeDatabaseSpec({
      collections: {
        offices: { indexes: [{ name: 'loc_geo', fields: [['loc', '2dsphere']] }, { name: 'kind', fields: [['kind', 1]] }] },
        districts: { indexes: [{ name: 'area_geo', fields: [['area', '2dsphere']] }] },
        plain: { indexes: [] },
      },
    }),
    strict: false,
  });
});

beforeEach(async () => {
  localCloud.reset();
  // Along the equator from (0, 0): 0.01° of longitude apart, i.e. ~1113 m steps.
  const offices = [
    { _id: 'o0', name: 'zero', kind: 'hall', loc: Geo.Point(0, 0) },
    { _id: 'o2', name: 'two', kind: 'hall', loc: Geo.Point(0.02, 0) },
    { _id: 'o1', name: 'one', kind: 'kiosk', loc: Geo.Point(0.01, 0) },
    { _id: 'o5', name: 'five', kind: 'hall', loc: Geo.Point(0.05, 0) },
    { _id: 'far', name: 'far', kind: 'hall', loc: Geo.Point(1, 0) },
    { _id: 'none', name: 'no location', kind: 'hall' },
  ];
  for (const data of offices) await db.collection('offices').add({ data } as never);
});

/** wx-server-sdk's typings omit centerSphere, which its command serializes (CloudBase documents it). */
const centerSphere = (arg: [number[], number]) => ({ centerSphere: arg }) as never;

const ids = (list: unknown[]): unknown[] => list.map((d) => (d as { _id: unknown })._id);

describe('command.geoNear ($nearSphere)', () => {
  test('answers nearest first, in metres, within maxDistance and beyond minDistance', async () => {
    const near = (geo: Record<string, unknown>) => db.collection('offices').where({ loc: _.geoNear({ geometry: Geo.Point(0, 0), ...geo }) } as never).get();
    expect(ids((await near({ maxDistance: 3000 })).data)).toEqual(['o0', 'o1', 'o2']);
    expect(ids((await near({ maxDistance: 3000, minDistance: 1000 })).data)).toEqual(['o1', 'o2']);
    expect(ids((await near({})).data)).toEqual(['o0', 'o1', 'o2', 'o5', 'far']);
    // 1° on the sphere is 111318.8 m: just inside and just outside.
    expect(ids((await near({ maxDistance: DEGREE_M + 1 })).data)).toContain('far');
    expect(ids((await near({ maxDistance: DEGREE_M - 1 })).data)).not.toContain('far');
  });

  test('combines with other conditions, skip and limit, and an explicit orderBy wins over distance', async () => {
    const where = { kind: 'hall', loc: _.geoNear({ geometry: Geo.Point(0.06, 0) }) };
    expect(ids((await db.collection('offices').where(where as never).get()).data)).toEqual(['o5', 'o2', 'o0', 'far']);
    expect(ids((await db.collection('offices').where(where as never).skip(1).limit(2).get()).data)).toEqual(['o2', 'o0']);
    expect(ids((await db.collection('offices').where(where as never).orderBy('name', 'asc').get()).data)).toEqual(['far', 'o5', 'o2', 'o0']);
  });

  test('without a geo index on the field it answers the cloud\'s error', async () => {
    await db.collection('plain').add({ data: { _id: 'p', loc: Geo.Point(0, 0) } } as never);
    await expect(db.collection('plain').where({ loc: _.geoNear({ geometry: Geo.Point(0, 0) }) } as never).get()).rejects.toMatchObject({
      errCode: -502001,
      errMsg: expect.stringContaining('unable to find index for $geoNear query'),
    });
  });
});

describe('command.geoWithin', () => {
  const square = (x0: number, y0: number, x1: number, y1: number) =>
    Geo.LineString([Geo.Point(x0, y0), Geo.Point(x1, y0), Geo.Point(x1, y1), Geo.Point(x0, y1), Geo.Point(x0, y0)]);

  test('a Polygon selects the points inside it; a hole excludes its points', async () => {
    const inside = await db.collection('offices').where({ loc: _.geoWithin({ geometry: Geo.Polygon([square(-0.005, -0.005, 0.025, 0.005)]) }) } as never).get();
    expect(ids(inside.data).sort()).toEqual(['o0', 'o1', 'o2']);
    const holed = Geo.Polygon([square(-0.005, -0.005, 0.025, 0.005), square(0.005, -0.002, 0.015, 0.002)]);
    expect(ids((await db.collection('offices').where({ loc: _.geoWithin({ geometry: holed }) } as never).get()).data).sort()).toEqual(['o0', 'o2']);
  });

  test('a MultiPolygon selects the points inside any of its polygons', async () => {
    const multi = Geo.MultiPolygon([Geo.Polygon([square(-0.005, -0.005, 0.005, 0.005)]), Geo.Polygon([square(0.9, -0.1, 1.1, 0.1)])]);
    expect(ids((await db.collection('offices').where({ loc: _.geoWithin({ geometry: multi }) } as never).get()).data).sort()).toEqual(['far', 'o0']);
  });

  test('polygon edges are great-circle arcs, not straight lines in longitude/latitude', async () => {
    // The top edge from (0, 60) to (90, 60) bulges north to ~67.8° at longitude 45: (45, 62) is inside on the sphere.
    await db.collection('plain').add({ data: [{ _id: 'north', loc: Geo.Point(45, 62) }, { _id: 'beyond', loc: Geo.Point(45, 69) }] } as never);
    const band = Geo.Polygon([square(0, 0, 90, 60)]);
    expect(ids((await db.collection('plain').where({ loc: _.geoWithin({ geometry: band }) } as never).get()).data)).toEqual(['north']);
  });

  test('centerSphere takes a radius in radians', async () => {
    const radius = 2500 / 6378100;
    const res = await db.collection('offices').where({ loc: _.geoWithin(centerSphere([[0.01, 0], radius])) } as never).get();
    expect(ids(res.data).sort()).toEqual(['o0', 'o1', 'o2']);
  });

  test('works without a geo index (MongoDB does not require one for $geoWithin)', async () => {
    await db.collection('plain').add({ data: { _id: 'p', loc: Geo.Point(0, 0) } } as never);
    expect(ids((await db.collection('plain').where({ loc: _.geoWithin(centerSphere([[0, 0], 0.001])) } as never).get()).data)).toEqual(['p']);
  });
});

describe('command.geoIntersects', () => {
  test('a point finds the stored areas that contain it', async () => {
    const area = (x0: number, x1: number) => Geo.Polygon([Geo.LineString([Geo.Point(x0, -1), Geo.Point(x1, -1), Geo.Point(x1, 1), Geo.Point(x0, 1), Geo.Point(x0, -1)])]);
    await db.collection('districts').add({ data: [{ _id: 'west', area: area(-1, 0.5) }, { _id: 'east', area: area(0.5, 2) }] } as never);
    const at = (lng: number) => db.collection('districts').where({ area: _.geoIntersects({ geometry: Geo.Point(lng, 0) }) } as never).get();
    expect(ids((await at(0.2)).data)).toEqual(['west']);
    expect(ids((await at(1.5)).data)).toEqual(['east']);
    expect((await at(3)).data).toEqual([]);
  });
});

describe('aggregate().geoNear ($geoNear stage)', () => {
  test('sets distanceField in metres, nearest first, honouring query, maxDistance, minDistance and key', async () => {
    const res = await (db.collection('offices').aggregate() as any)
      .geoNear({ near: Geo.Point(0, 0), spherical: true, distanceField: 'dist.m', key: 'loc', maxDistance: 6000, minDistance: 500, query: { kind: 'hall' } })
      .project({ _id: 1, dist: 1 })
      .end();
    expect(ids(res.list)).toEqual(['o2', 'o5']);
    expect(res.list[0].dist.m).toBeCloseTo(0.02 * DEGREE_M, 0);
    expect(res.list[1].dist.m).toBeCloseTo(0.05 * DEGREE_M, 0);
  });

  test('without key it uses the only geo index; later stages see the distance', async () => {
    const res = await (db.collection('offices').aggregate() as any)
      .geoNear({ near: Geo.Point(1, 0), spherical: true, distanceField: 'd' })
      .limit(2)
      .end();
    expect(ids(res.list)).toEqual(['far', 'o5']);
    expect(res.list[0].d).toBe(0);
    expect(res.list[1].d).toBeCloseTo(0.95 * DEGREE_M, 0);
  });

  test('refuses a collection without a geo index, an unknown key, and $geoNear after the first stage', async () => {
    // The SDK serializes the stage object in place: a fresh one each time.
    const stage = () => ({ near: Geo.Point(0, 0), spherical: true, distanceField: 'd' });
    await expect((db.collection('plain').aggregate() as any).geoNear(stage()).end()).rejects.toMatchObject({ errMsg: expect.stringContaining('unable to find index for $geoNear query') });
    await expect((db.collection('offices').aggregate() as any).geoNear({ ...stage(), key: 'elsewhere' }).end()).rejects.toMatchObject({ errCode: -502001 });
    await expect((db.collection('offices').aggregate() as any).match({ kind: 'hall' }).geoNear(stage()).end()).rejects.toMatchObject({
      errMsg: expect.stringContaining('only valid as the first stage'),
    });
  });
});

describe('geo indexes in database/indexes.json', () => {
  test('a 2dsphere index is one field, not unique', () => {
    expect(normalizeDatabaseSpec({ collections: { o: { indexes: [{ name: 'g', fields: [['loc', '2dsphere']] }] } } }).collections.o!.indexes[0]!.fields).toEqual([['loc', '2dsphere']]);
    expect(() => normalizeDatabaseSpec({ collections: { o: { indexes: [{ name: 'g', fields: [['loc', '2dsphere'], ['kind', 1]] }] } } })).toThrow(/2dsphere/);
    expect(() => normalizeDatabaseSpec({ collections: { o: { indexes: [{ name: 'g', fields: [['loc', 'geo']] }] } } })).toThrow(/2dsphere/);
  });

  test('strict mode counts a geo index as serving geo queries', async () => {
    localCloud.configure({
      filename: ':memory:',
      database: normalizeDatabaseSpec({ collections: { offices: { indexes: [{ name: 'loc_geo', fields: [['loc', '2dsphere']] }] } } }),
      strict: { threshold: 0 },
    });
    try {
      await db.collection('offices').add({ data: { _id: 'a', loc: Geo.Point(0, 0), kind: 'hall' } } as never);
      expect(ids((await db.collection('offices').where({ loc: _.geoWithin(centerSphere([[0, 0], 0.01])) } as never).get()).data)).toEqual(['a']);
      await expect(db.collection('offices').where({ kind: 'hall' }).get()).rejects.toMatchObject({ errCode: -502001 });
    } finally {
      localCloud.configure({
        filename: ':memory:',
        database: normalizeDatabaseSpec({ collections: { offices: { indexes: [{ name: 'loc_geo', fields: [['loc', '2dsphere']] }, { name: 'kind', fields: [['kind', 1]] }] }, districts: { indexes: [{ name: 'area_geo', fields: [['area', '2dsphere']] }] }, plain: { indexes: [] } } }),
        strict: false,
      });
    }
  });
});
