// Geospatial queries over GeoJSON as MongoDB's 2dsphere answers them: distances on a sphere of radius 6378100 m,
// polygon edges as great-circle arcs. No spatial index structure: a near query re-tests every document the rest of its
// filter selects and sorts by exact haversine distance (fine at the sizes a local cloud holds).
import { conjunctsOf, isPlainObject, type Filter } from './conditions';
import { requestFailed } from './errors';

/** MongoDB's radius of the earth for spherical geometry (metres). */
export const EARTH_RADIUS_M = 6378100;

export const GEO_QUERY_OPS = new Set(['$near', '$nearSphere', '$geoWithin', '$geoIntersects']);

type Position = [lng: number, lat: number];
type Ring = Position[];
type Shape = { kind: 'points'; points: Position[] } | { kind: 'lines'; lines: Position[][] } | { kind: 'polygons'; polygons: Ring[][] };

const RAD = Math.PI / 180;

function isPosition(v: unknown): v is Position {
  return Array.isArray(v) && v.length >= 2 && typeof v[0] === 'number' && typeof v[1] === 'number' && Math.abs(v[0]) <= 180 && Math.abs(v[1]) <= 90;
}

function positions(v: unknown, what: string): Position[] {
  if (!Array.isArray(v) || !v.every(isPosition)) throw requestFailed(`invalid GeoJSON ${what}: coordinates must be [longitude, latitude] pairs in range`);
  return v.map((p) => [p[0], p[1]]);
}

function ringsOf(v: unknown): Ring[] {
  if (!Array.isArray(v) || v.length === 0) throw requestFailed('invalid GeoJSON Polygon: it needs at least one ring');
  return v.map((raw) => {
    const ring = positions(raw, 'Polygon');
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (ring.length < 4 || !first || !last || first[0] !== last[0] || first[1] !== last[1]) {
      throw requestFailed('invalid GeoJSON Polygon: a ring needs at least four positions and must end where it starts');
    }
    return ring;
  });
}

/** A GeoJSON geometry (as the SDK's db.Geo types serialize), or null when the value is not one. */
export function parseGeometry(v: unknown): Shape | null {
  if (!isPlainObject(v) || typeof v.type !== 'string') return null;
  const c = v.coordinates;
  switch (v.type) {
    case 'Point':
      return isPosition(c) ? { kind: 'points', points: [[c[0], c[1]]] } : null;
    case 'MultiPoint':
      return { kind: 'points', points: positions(c, 'MultiPoint') };
    case 'LineString':
      return { kind: 'lines', lines: [positions(c, 'LineString')] };
    case 'MultiLineString':
      return { kind: 'lines', lines: Array.isArray(c) ? c.map((l) => positions(l, 'MultiLineString')) : positions(c, 'MultiLineString').map((p) => [p]) };
    case 'Polygon':
      return { kind: 'polygons', polygons: [ringsOf(c)] };
    case 'MultiPolygon':
      if (!Array.isArray(c)) throw requestFailed('invalid GeoJSON MultiPolygon');
      return { kind: 'polygons', polygons: c.map(ringsOf) };
    default:
      return null;
  }
}

/** A stored point: a GeoJSON Point or a legacy [lng, lat] pair. */
export function pointOf(v: unknown): Position | null {
  if (isPosition(v)) return [v[0], v[1]];
  const shape = parseGeometry(v);
  return shape?.kind === 'points' && shape.points.length === 1 ? shape.points[0]! : null;
}

/** Great-circle distance in radians (haversine). */
export function angularDistance(a: Position, b: Position): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLng = (b[0] - a[0]) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}

const normalizeLng = (d: number): number => ((((d + 180) % 360) + 360) % 360) - 180;

/** Latitude (degrees) of the great circle through a and b at longitude lng. */
function arcLatitudeAt(a: Position, b: Position, lng: number): number {
  const [la, pa] = [a[0] * RAD, a[1] * RAD];
  const [lb, pb] = [b[0] * RAD, b[1] * RAD];
  const l = lng * RAD;
  const t = (Math.tan(pa) * Math.sin(l - lb) - Math.tan(pb) * Math.sin(l - la)) / Math.sin(la - lb);
  return Math.atan(t) / RAD;
}

/** Does the meridian arc from p to the north pole cross the geodesic edge a-b? (ray casting on the sphere) */
function crossesNorthward(p: Position, a: Position, b: Position): boolean {
  const da = normalizeLng(a[0] - p[0]);
  const db = normalizeLng(b[0] - p[0]);
  if (da > 0 === db > 0 || Math.abs(da - db) >= 180) return false;
  return arcLatitudeAt(a, b, p[0]) > p[1];
}

function inRing(p: Position, ring: Ring): boolean {
  let inside = false;
  for (let i = 1; i < ring.length; i++) if (crossesNorthward(p, ring[i - 1]!, ring[i]!)) inside = !inside;
  return inside;
}

/** Inside the outer ring and outside every hole. */
function inPolygon(p: Position, rings: Ring[]): boolean {
  return inRing(p, rings[0]!) && rings.slice(1).every((hole) => !inRing(p, hole));
}

function within(stored: Shape, polygons: Ring[][]): boolean {
  const inside = (p: Position): boolean => polygons.some((rings) => inPolygon(p, rings));
  if (stored.kind === 'points') return stored.points.every(inside);
  if (stored.kind === 'lines') return stored.lines.every((l) => l.every(inside));
  return stored.polygons.every((rings) => rings[0]!.every(inside));
}

function parseCenterSphere(arg: unknown): { center: Position; radius: number } {
  if (!Array.isArray(arg) || arg.length !== 2 || !isPosition(arg[0]) || typeof arg[1] !== 'number' || arg[1] < 0) {
    throw requestFailed('$centerSphere expects [[longitude, latitude], radius in radians]');
  }
  return { center: [arg[0][0], arg[0][1]], radius: arg[1] };
}

function geometryArg(arg: unknown, op: string): Shape {
  const g = isPlainObject(arg) ? parseGeometry(arg.$geometry) : null;
  if (!g) throw requestFailed(`${op} expects {$geometry: <GeoJSON>}`);
  return g;
}

/** `$geoWithin` on one stored value: {$geometry: Polygon | MultiPolygon} or {$centerSphere: [[lng, lat], radians]}. */
export function geoWithinTest(arg: unknown): (value: unknown) => boolean {
  if (isPlainObject(arg) && '$centerSphere' in arg) {
    const { center, radius } = parseCenterSphere(arg.$centerSphere);
    return (value) => {
      const stored = geometryOrPoint(value);
      if (!stored) return false;
      const all = stored.kind === 'points' ? stored.points : stored.kind === 'lines' ? stored.lines.flat() : stored.polygons.flatMap((r) => r[0]!);
      return all.every((p) => angularDistance(p, center) <= radius);
    };
  }
  const g = geometryArg(arg, '$geoWithin');
  if (g.kind !== 'polygons') throw requestFailed('$geoWithin $geometry must be a Polygon or a MultiPolygon');
  return (value) => {
    const stored = geometryOrPoint(value);
    return stored !== null && within(stored, g.polygons);
  };
}

function geometryOrPoint(value: unknown): Shape | null {
  const p = isPosition(value) ? value : null;
  return p ? { kind: 'points', points: [[p[0], p[1]]] } : parseGeometry(value);
}

/**
 * `$geoIntersects` where one side is points or both are polygons with a vertex inside the other (a point on a line
 * needs an exact hit). Line-against-line crossings are not computed: the local cloud refuses them.
 */
export function geoIntersectsTest(arg: unknown): (value: unknown) => boolean {
  const g = geometryArg(arg, '$geoIntersects');
  return (value) => {
    const stored = geometryOrPoint(value);
    if (!stored) return false;
    if (stored.kind === 'lines' && g.kind !== 'points') throw requestFailed('LOCAL_CLOUD: $geoIntersects between lines and areas is not implemented');
    const pointsOf = (s: Shape): Position[] => (s.kind === 'points' ? s.points : s.kind === 'lines' ? s.lines.flat() : s.polygons.flatMap((r) => r[0]!));
    const covers = (s: Shape, p: Position): boolean =>
      s.kind === 'polygons' ? s.polygons.some((rings) => inPolygon(p, rings)) : pointsOf(s).some((q) => q[0] === p[0] && q[1] === p[1]);
    return pointsOf(stored).some((p) => covers(g, p)) || pointsOf(g).some((p) => covers(stored, p));
  };
}

// ---- near queries -------------------------------------------------------------------------------------------

export interface NearClause {
  path: string;
  center: Position;
  /** metres for a GeoJSON centre, radians for a legacy pair (as MongoDB) */
  min: number;
  max: number;
  /** distance in the clause's unit from an angle in radians */
  scale: number;
  /** the filter without the near clause */
  rest: Filter;
}

function numberOr(v: unknown, fallback: number, what: string): number {
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !(v >= 0)) throw requestFailed(`${what} must be a non-negative number`);
  return v;
}

function parseNear(op: string, arg: unknown): Omit<NearClause, 'path' | 'rest'> {
  if (!isPlainObject(arg)) throw requestFailed(`${op} expects {$geometry: Point, $maxDistance, $minDistance}`);
  if (!('$geometry' in arg)) throw requestFailed(`LOCAL_CLOUD: ${op} with legacy coordinates is not implemented; pass $geometry`);
  const center = pointOf(arg.$geometry);
  if (!center || !isPlainObject(arg.$geometry)) throw requestFailed(`${op} $geometry must be a GeoJSON Point`);
  return { center, min: numberOr(arg.$minDistance, 0, '$minDistance'), max: numberOr(arg.$maxDistance, Infinity, '$maxDistance'), scale: EARTH_RADIUS_M };
}

/** The top-level `$near`/`$nearSphere` of a filter (MongoDB allows one, and not under $or/$not), or null. */
export function nearClauseOf(filter: Filter | undefined): NearClause | null {
  const near = conjunctsOf(filter).filter((c) => c.kind === 'field' && (c.op === '$near' || c.op === '$nearSphere'));
  if (near.length === 0) return null;
  if (near.length > 1) throw requestFailed('Too many geoNear expressions');
  const c = near[0]!;
  if (c.kind !== 'field') return null;
  const rest = withoutOperator(filter ?? {}, c.path, c.op);
  return { path: c.path, ...parseNear(c.op, c.arg), rest };
}

function withoutOperator(filter: Filter, path: string, op: string): Filter {
  const out: Filter = {};
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      out.$and = value.map((f) => (isPlainObject(f) ? withoutOperator(f, path, op) : f));
    } else if (key === path && isPlainObject(value) && op in value) {
      const { [op]: _dropped, ...others } = value;
      if (Object.keys(others).length > 0) out[key] = others;
    } else out[key] = value;
  }
  return out;
}

/** Documents with their distance to the centre, kept within [min, max] and sorted nearest first (stable). */
export function byDistance<T>(docs: T[], valueAt: (doc: T) => unknown, near: Pick<NearClause, 'center' | 'min' | 'max' | 'scale'>): Array<{ doc: T; distance: number }> {
  const out: Array<{ doc: T; distance: number }> = [];
  for (const doc of docs) {
    const p = pointOf(valueAt(doc));
    if (!p) continue;
    const distance = angularDistance(p, near.center) * near.scale;
    if (distance >= near.min && distance <= near.max) out.push({ doc, distance });
  }
  return out.sort((a, b) => a.distance - b.distance);
}

// ---- the $geoNear stage ---------------------------------------------------------------------------------------

export interface GeoNearStage {
  near: Pick<NearClause, 'center' | 'min' | 'max' | 'scale'>;
  key: string | undefined;
  distanceField: string;
  includeLocs: string | undefined;
  distanceMultiplier: number;
  query: Filter;
}

export function parseGeoNearStage(arg: unknown): GeoNearStage {
  if (!isPlainObject(arg)) throw requestFailed('$geoNear requires an object');
  if (typeof arg.distanceField !== 'string' || !arg.distanceField) throw requestFailed('$geoNear requires a \'distanceField\' option as a String');
  const legacy = isPosition(arg.near);
  const center = pointOf(arg.near);
  if (!center) throw requestFailed('$geoNear requires a \'near\' option as an Array or a GeoJSON Point');
  // A legacy pair measures in radians on a sphere; a GeoJSON point in metres.
  const scale = legacy ? 1 : EARTH_RADIUS_M;
  if (legacy && arg.spherical !== true) throw requestFailed('LOCAL_CLOUD: planar $geoNear (legacy pair without spherical) is not implemented');
  if (arg.key !== undefined && (typeof arg.key !== 'string' || !arg.key)) throw requestFailed('$geoNear parameter \'key\' must be a non-empty string');
  if (arg.query !== undefined && !isPlainObject(arg.query)) throw requestFailed('$geoNear query must be an object');
  return {
    near: { center, scale, min: numberOr(arg.minDistance, 0, 'minDistance'), max: numberOr(arg.maxDistance, Infinity, 'maxDistance') },
    key: arg.key as string | undefined,
    distanceField: arg.distanceField,
    includeLocs: typeof arg.includeLocs === 'string' && arg.includeLocs ? arg.includeLocs : undefined,
    distanceMultiplier: numberOr(arg.distanceMultiplier, 1, 'distanceMultiplier'),
    query: (arg.query as Filter | undefined) ?? {},
  };
}

/** Sets a dotted path, creating documents on the way (as $geoNear's distanceField does). */
export function setPath(doc: Record<string, unknown>, path: string, value: unknown): void {
  const segments = path.split('.');
  let target = doc;
  for (const seg of segments.slice(0, -1)) {
    const next = target[seg];
    if (!isPlainObject(next)) target[seg] = {};
    target = target[seg] as Record<string, unknown>;
  }
  target[segments[segments.length - 1]!] = value;
}

/** The geo index a near query uses: the one on `key`, or the only one there is (MongoDB's rule). */
export function geoIndexPath(geoPaths: readonly string[], key: string | undefined, collection: string): string {
  if (key !== undefined) {
    if (!geoPaths.includes(key)) throw requestFailed(`unable to find index for $geoNear query: no geo index on '${key}' in collection ${collection}`);
    return key;
  }
  if (geoPaths.length === 0) throw requestFailed(`unable to find index for $geoNear query: collection ${collection} has no 2dsphere index`);
  if (geoPaths.length > 1) throw requestFailed(`more than one geo index on collection ${collection}: $geoNear needs 'key'`);
  return geoPaths[0]!;
}
