// Geospatial queries as MongoDB answers them on a 2dsphere index (CloudBase's 地理位置索引), for documents whose
// indexed field holds a GeoJSON Point (what the SDK's db.Geo.Point stores) or a legacy [longitude, latitude] pair:
// `$nearSphere` (distance bounds in metres, nearest first), `$geoWithin` with a Polygon / MultiPolygon `$geometry` or a
// `$centerSphere` ([[lng, lat], radius in radians]), and the `$geoNear` aggregation stage. Distances are on a sphere
// of MongoDB's earth radius (6378.1 km); no R-tree: the candidates are the collection's documents (a local emulator).
import { isPlainObject, type Filter } from './conditions';
import { requestFailed } from './errors';

/** MongoDB's radius of the earth for spherical geometry, in metres. */
export const EARTH_RADIUS_M = 6_378_100;

export type LngLat = [number, number];
type Ring = LngLat[];

const isLngLat = (v: unknown): v is LngLat => Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === 'number' && Number.isFinite(n));

/** The point a stored value holds: a GeoJSON Point or a legacy pair; anything else is no point. */
export function pointOf(value: unknown): LngLat | null {
  if (isLngLat(value)) return value;
  if (isPlainObject(value) && value.type === 'Point' && isLngLat(value.coordinates)) return value.coordinates;
  return null;
}

function geoPoint(value: unknown, what: string): LngLat {
  const p = pointOf(value);
  if (!p) throw requestFailed(`${what} must be a GeoJSON Point`);
  const [lng, lat] = p;
  if (lng < -180 || lng > 180 || lat < -90 || lat > 90) throw requestFailed(`${what}: longitude/latitude out of bounds`);
  return p;
}

const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres (haversine). */
export function distanceM(a: LngLat, b: LngLat): number {
  const dLat = rad(b[1] - a[1]);
  const dLng = rad(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Even-odd ray casting in longitude/latitude. */
function inRing(p: LngLat, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** In the outer ring and in none of the holes. */
const inPolygon = (p: LngLat, rings: Ring[]): boolean => inRing(p, rings[0]!) && !rings.slice(1).some((hole) => inRing(p, hole));

function rings(value: unknown, what: string): Ring[] {
  if (!Array.isArray(value) || value.length === 0) throw requestFailed(`${what}: a polygon needs at least one ring`);
  return value.map((ring) => {
    if (!Array.isArray(ring) || ring.length < 4 || !ring.every(isLngLat)) throw requestFailed(`${what}: a ring is a closed list of at least 4 [lng, lat] points`);
    const [first, last] = [ring[0] as LngLat, ring[ring.length - 1] as LngLat];
    if (first[0] !== last[0] || first[1] !== last[1]) throw requestFailed(`${what}: a ring must end where it starts`);
    return ring as Ring;
  });
}

/** `$geoWithin`'s argument as a test on a point. */
function withinTest(arg: unknown): (p: LngLat) => boolean {
  if (!isPlainObject(arg)) throw requestFailed('$geoWithin needs $geometry or $centerSphere');
  if (arg.$centerSphere !== undefined) {
    const cs = arg.$centerSphere;
    if (!Array.isArray(cs) || cs.length !== 2 || typeof cs[1] !== 'number' || cs[1] < 0) throw requestFailed('$centerSphere is [[lng, lat], radius in radians]');
    const centre = geoPoint(cs[0], '$centerSphere centre');
    const radiusM = cs[1] * EARTH_RADIUS_M;
    return (p) => distanceM(centre, p) <= radiusM;
  }
  const g = arg.$geometry;
  if (!isPlainObject(g)) throw requestFailed('$geoWithin needs $geometry or $centerSphere');
  if (g.type === 'Polygon') {
    const polygon = rings(g.coordinates, '$geoWithin Polygon');
    return (p) => inPolygon(p, polygon);
  }
  if (g.type === 'MultiPolygon' && Array.isArray(g.coordinates)) {
    const polygons = g.coordinates.map((c) => rings(c, '$geoWithin MultiPolygon'));
    return (p) => polygons.some((polygon) => inPolygon(p, polygon));
  }
  throw requestFailed(`$geoWithin supports Polygon, MultiPolygon and $centerSphere, not ${String(g.type)}`);
}

export interface NearSpec {
  near: LngLat;
  min: number;
  max: number;
}

/** `$nearSphere`'s argument: a GeoJSON `$geometry` point with optional `$minDistance` / `$maxDistance` in metres. */
export function nearSpec(arg: unknown): NearSpec {
  if (!isPlainObject(arg)) throw requestFailed('$nearSphere needs { $geometry: Point }');
  const bound = (v: unknown, what: string, fallback: number) => {
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'number' || v < 0) throw requestFailed(`${what} must be a non-negative number`);
    return v;
  };
  return { near: geoPoint(arg.$geometry ?? arg, '$nearSphere $geometry'), min: bound(arg.$minDistance, '$minDistance', 0), max: bound(arg.$maxDistance, '$maxDistance', Infinity) };
}

type Resolve = (o: Record<string, unknown>, selector: string) => unknown;

/** mingo query operators: the filter side of geo queries (sorting by distance is the store's, see nearOf). */
export function geoQueryOperators(resolve: Resolve) {
  const onPoint = (selector: string, test: (p: LngLat) => boolean) => (o: Record<string, unknown>) => {
    const p = pointOf(resolve(o, selector));
    return p !== null && test(p);
  };
  return {
    $geoWithin: (selector: string, value: unknown) => onPoint(selector, withinTest(value)),
    $nearSphere: (selector: string, value: unknown) => {
      const { near, min, max } = nearSpec(value);
      return onPoint(selector, (p) => {
        const d = distanceM(near, p);
        return d >= min && d <= max;
      });
    },
  };
}

export const GEO_OPERATORS = new Set(['$nearSphere', '$near', '$geoWithin', '$geoIntersects']);

/** The top-level `$nearSphere` of a filter (its field and spec): its results come nearest first. */
export function nearOf(filter: Filter | undefined): { path: string; spec: NearSpec } | null {
  for (const [path, value] of Object.entries(filter ?? {})) {
    if (!path.startsWith('$') && isPlainObject(value) && value.$nearSphere !== undefined) return { path, spec: nearSpec(value.$nearSphere) };
  }
  return null;
}

/** MongoDB's refusal of a geo query on a field without a 2dsphere index. */
export function noGeoIndex(collection: string, path: string): Error {
  return requestFailed(`unable to find index for $geoNear query: collection ${collection} has no 2dsphere index on "${path}" (declare one in database/indexes.json: {"name":"${path}_geo","fields":[["${path}","2dsphere"]]})`);
}

/** The geo paths a filter queries with $nearSphere/$geoWithin (top level and in $and). */
export function geoPaths(filter: Filter | undefined): Array<{ path: string; op: string }> {
  const out: Array<{ path: string; op: string }> = [];
  for (const [key, value] of Object.entries(filter ?? {})) {
    if (key === '$and' && Array.isArray(value)) for (const item of value) if (isPlainObject(item)) out.push(...geoPaths(item));
    if (key.startsWith('$') || !isPlainObject(value)) continue;
    for (const op of Object.keys(value)) if (GEO_OPERATORS.has(op)) out.push({ path: key, op });
  }
  return out;
}
