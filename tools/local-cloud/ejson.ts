// Values between three worlds: the SDK's wire format (canonical EJSON strings), the JS values mingo works on
// (Date, RegExp, plain objects), and the stored JSON text (dates as {"$date": ms}). The stored text is also valid
// relaxed EJSON, so it is what we answer with: the SDK's own EJSON.parse turns it back into Dates.
import { sdkPaths } from './sdk-paths';

export type Doc = Record<string, unknown>;

// Realm-safe type tests: under jest a value may come from another realm (a copy made by a global of the outer
// context), where `instanceof Date` is false for a real Date.
const tag = (v: unknown): string => Object.prototype.toString.call(v);
export const isDate = (v: unknown): v is Date => tag(v) === '[object Date]';
export const isRegExp = (v: unknown): v is RegExp => tag(v) === '[object RegExp]';

interface EjsonApi {
  parse(text: string, options?: { relaxed?: boolean }): unknown;
}

let ejson: EjsonApi | undefined;

function ejsonApi(): EjsonApi {
  if (!ejson) {
    // The very bson copy @cloudbase/database serializes with, so every wire type decodes exactly.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bson = require(sdkPaths().bsonDir) as { EJSON: EjsonApi };
    ejson = bson.EJSON;
  }
  return ejson;
}

/** JS flags mingo can use; BSON's `x` (extended) has no JS equivalent and `g`/`y` would make RegExp stateful. */
function jsRegExpFlags(options: string): string {
  return [...new Set(options.split(''))].filter((f) => 'imsu'.includes(f)).join('');
}

interface BsonLike {
  _bsontype: string;
  pattern?: string;
  options?: string;
  toHexString?: () => string;
  toNumber?: () => number;
  valueOf(): unknown;
  toString(): string;
}

function isBsonValue(v: object): v is BsonLike {
  return typeof (v as { _bsontype?: unknown })._bsontype === 'string';
}

function fromBson(v: BsonLike): unknown {
  switch (v._bsontype) {
    case 'BSONRegExp':
      return new RegExp(v.pattern ?? '', jsRegExpFlags(v.options ?? ''));
    case 'ObjectId':
    case 'ObjectID':
      return v.toHexString ? v.toHexString() : v.toString();
    case 'Long':
      return v.toNumber ? v.toNumber() : Number(v.toString());
    case 'Int32':
    case 'Double':
      return Number(v.valueOf());
    case 'Decimal128':
      return Number(v.toString());
    default:
      return v;
  }
}

/** Decodes one wire EJSON string into mingo-ready JS. `nowMs` is the instant of this request (serverDate). */
export function decodeWire(text: string, nowMs: number): unknown {
  return reviveWire(ejsonApi().parse(text, { relaxed: true }), nowMs);
}

function reviveWire(v: unknown, nowMs: number): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (isDate(v)) return new Date(v.getTime());
  if (isRegExp(v)) return new RegExp(v.source, v.flags);
  if (Array.isArray(v)) return v.map((x) => reviveWire(x, nowMs));
  if (isBsonValue(v)) return fromBson(v);
  const obj = v as Record<string, unknown>;
  const serverDate = obj.$tcb_server_date;
  if (serverDate !== undefined && Object.keys(obj).length === 1) {
    const offset = Number((serverDate as { offset?: unknown } | null)?.offset ?? 0);
    return new Date(nowMs + (Number.isFinite(offset) ? offset : 0));
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(obj)) out[key] = reviveWire(obj[key], nowMs);
  return out;
}

/** JS value -> JSON-safe tree with dates as {"$date": ms} and regexps as {"$regularExpression": …}. */
export function toStorable(v: unknown): unknown {
  if (v === null) return null;
  switch (typeof v) {
    case 'number':
      return Number.isFinite(v) ? v : null;
    case 'string':
    case 'boolean':
      return v;
    case 'bigint':
      return Number(v);
    case 'object':
      break;
    default:
      return undefined;
  }
  if (isDate(v)) return { $date: v.getTime() };
  if (isRegExp(v)) return { $regularExpression: { pattern: v.source, options: v.flags } };
  if (Array.isArray(v)) return v.map((x) => toStorable(x) ?? null);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v as object)) {
    const value = toStorable((v as Record<string, unknown>)[key]);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

export function toStoredText(doc: unknown): string {
  return JSON.stringify(toStorable(doc));
}

/** A deep copy made in this realm (Dates and RegExps stay what mingo and the encoder recognise). */
export function copyDoc(doc: Doc): Doc {
  return fromStoredText(toStoredText(doc));
}

/** Stored JSON text -> JS (Date and RegExp revived). The walk only runs when the text can contain one. */
export function fromStoredText(text: string): Doc {
  const parsed = JSON.parse(text) as Doc;
  if (!text.includes('"$date"') && !text.includes('"$regularExpression"')) return parsed;
  return reviveStored(parsed) as Doc;
}

function reviveStored(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = reviveStored(v[i]);
    return v;
  }
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length === 1) {
    if (keys[0] === '$date' && typeof obj.$date === 'number') return new Date(obj.$date);
    const re = obj.$regularExpression as { pattern?: unknown; options?: unknown } | undefined;
    if (keys[0] === '$regularExpression' && re && typeof re.pattern === 'string') {
      return new RegExp(re.pattern, jsRegExpFlags(typeof re.options === 'string' ? re.options : ''));
    }
  }
  for (const key of keys) obj[key] = reviveStored(obj[key]);
  return obj;
}
