// `$jsonSchema` as MongoDB defines it (JSON Schema draft 4 with `bsonType`, without `$ref`, `format`, `default`,
// `definitions` or the `integer` type), written from MongoDB's manual. mingo ships the operator but not a validator;
// this is the validator it is given. A keyword applies only to values of its own type, as in JSON Schema: `minimum`
// says nothing about a string, `required` nothing about an array.
import { isDate, isRegExp } from '../ejson';

type Schema = Record<string, unknown>;
type Check = (value: unknown) => boolean;

const JSON_TYPES = ['object', 'array', 'number', 'boolean', 'string', 'null'] as const;
const BSON_TYPES = [
  'double', 'string', 'object', 'array', 'binData', 'undefined', 'objectId', 'bool', 'date', 'null', 'regex',
  'dbPointer', 'javascript', 'symbol', 'javascriptWithScope', 'int', 'timestamp', 'long', 'decimal', 'minKey', 'maxKey',
  'number',
] as const;
const IGNORED = new Set(['title', 'description']);
const INT32 = 2 ** 31;

const isDocument = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !isDate(v) && !isRegExp(v);

class SchemaError extends Error {
  constructor(message: string) {
    super(`$jsonSchema: ${message}`);
  }
}

/**
 * The BSON type a stored JS value has. The SDK sends numbers as extended JSON, which MongoDB reads as int32 when they
 * are integers that fit, int64 when they are larger integers, and double otherwise.
 */
function bsonTypeOf(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) return 'double';
    return v >= -INT32 && v < INT32 ? 'int' : 'long';
  }
  if (Array.isArray(v)) return 'array';
  if (isDate(v)) return 'date';
  if (isRegExp(v)) return 'regex';
  return 'object';
}

function jsonTypeOf(v: unknown): string {
  const bson = bsonTypeOf(v);
  if (bson === 'int' || bson === 'long' || bson === 'double' || bson === 'decimal') return 'number';
  if (bson === 'bool') return 'boolean';
  return bson;
}

function matchesBsonType(v: unknown, name: string): boolean {
  const actual = bsonTypeOf(v);
  if (name === 'number') return actual === 'int' || actual === 'long' || actual === 'double' || actual === 'decimal';
  return actual === name;
}

/** MongoDB's equality for `enum` and `uniqueItems`: numbers by value, documents field by field in order. */
function sameValue(a: unknown, b: unknown): boolean {
  if (isDate(a) || isDate(b)) return isDate(a) && isDate(b) && a.getTime() === b.getTime();
  if (isRegExp(a) || isRegExp(b)) return isRegExp(a) && isRegExp(b) && a.source === b.source && a.flags === b.flags;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  if (isDocument(a) || isDocument(b)) {
    if (!isDocument(a) || !isDocument(b)) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameValue(a[k], b[k]));
  }
  return a === b;
}

const names = (value: unknown, keyword: string): string[] => {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || !list.every((x) => typeof x === 'string')) throw new SchemaError(`${keyword} must be a string or a non-empty array of strings`);
  return list as string[];
};

const count = (value: unknown, keyword: string): number => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new SchemaError(`${keyword} must be a non-negative integer`);
  return value;
};

const schemaOf = (value: unknown, keyword: string): Schema => {
  if (!isDocument(value)) throw new SchemaError(`${keyword} must be an object`);
  return value;
};

const schemaList = (value: unknown, keyword: string): Schema[] => {
  if (!Array.isArray(value) || value.length === 0) throw new SchemaError(`${keyword} must be a non-empty array of schemas`);
  return value.map((s) => schemaOf(s, keyword));
};

const boolOrSchema = (value: unknown, keyword: string): Check => {
  if (typeof value === 'boolean') return () => value;
  return compile(schemaOf(value, keyword));
};

const codePoints = (s: string): number => Array.from(s).length;

/** One keyword's check, built (and its argument validated) once; null for keywords read by a partner. */
function keywordCheck(keyword: string, arg: unknown, schema: Schema): Check | null {
  const onNumbers = (test: (n: number) => boolean): Check => (v) => typeof v !== 'number' || test(v);
  const onStrings = (test: (s: string) => boolean): Check => (v) => typeof v !== 'string' || test(v);
  const onArrays = (test: (a: unknown[]) => boolean): Check => (v) => !Array.isArray(v) || test(v);
  const onObjects = (test: (o: Record<string, unknown>) => boolean): Check => (v) => !isDocument(v) || test(v);
  switch (keyword) {
    case 'bsonType': {
      const wanted = names(arg, keyword);
      for (const n of wanted) if (!(BSON_TYPES as readonly string[]).includes(n)) throw new SchemaError(`unknown bsonType ${n}`);
      return (v) => wanted.some((n) => matchesBsonType(v, n));
    }
    case 'type': {
      const wanted = names(arg, keyword);
      for (const n of wanted) if (!(JSON_TYPES as readonly string[]).includes(n)) throw new SchemaError(`type ${n} is not supported`);
      return (v) => wanted.includes(jsonTypeOf(v));
    }
    case 'enum': {
      if (!Array.isArray(arg) || arg.length === 0) throw new SchemaError('enum must be a non-empty array');
      return (v) => arg.some((x) => sameValue(x, v));
    }
    case 'minimum':
    case 'maximum': {
      if (typeof arg !== 'number') throw new SchemaError(`${keyword} must be a number`);
      const exclusive = schema[keyword === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum'] === true;
      if (keyword === 'minimum') return onNumbers((n) => (exclusive ? n > arg : n >= arg));
      return onNumbers((n) => (exclusive ? n < arg : n <= arg));
    }
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      if (typeof arg !== 'boolean') throw new SchemaError(`${keyword} must be a boolean`);
      const partner = keyword === 'exclusiveMinimum' ? 'minimum' : 'maximum';
      if (!(partner in schema)) throw new SchemaError(`${keyword} needs ${partner}`);
      return null; // read by minimum/maximum
    }
    case 'multipleOf': {
      if (typeof arg !== 'number' || arg <= 0) throw new SchemaError('multipleOf must be a positive number');
      return onNumbers((n) => Number.isInteger(n / arg));
    }
    case 'minLength': {
      const n = count(arg, keyword);
      return onStrings((s) => codePoints(s) >= n);
    }
    case 'maxLength': {
      const n = count(arg, keyword);
      return onStrings((s) => codePoints(s) <= n);
    }
    case 'pattern': {
      if (typeof arg !== 'string') throw new SchemaError('pattern must be a string');
      const re = new RegExp(arg, 'u');
      return onStrings((s) => re.test(s));
    }
    case 'items': {
      if (Array.isArray(arg)) {
        const tuple = arg.map((s) => compile(schemaOf(s, keyword)));
        const rest = 'additionalItems' in schema ? boolOrSchema(schema.additionalItems, 'additionalItems') : () => true;
        return onArrays((a) => a.every((x, i) => (i < tuple.length ? tuple[i]!(x) : rest(x))));
      }
      const each = compile(schemaOf(arg, keyword));
      return onArrays((a) => a.every(each));
    }
    case 'additionalItems':
      boolOrSchema(arg, keyword);
      return null; // read by items; without a tuple `items` it has no effect
    case 'minItems': {
      const n = count(arg, keyword);
      return onArrays((a) => a.length >= n);
    }
    case 'maxItems': {
      const n = count(arg, keyword);
      return onArrays((a) => a.length <= n);
    }
    case 'uniqueItems': {
      if (typeof arg !== 'boolean') throw new SchemaError('uniqueItems must be a boolean');
      return onArrays((a) => !arg || a.every((x, i) => a.findIndex((y) => sameValue(x, y)) === i));
    }
    case 'required': {
      const fields = names(arg, keyword);
      return onObjects((o) => fields.every((f) => f in o && o[f] !== undefined));
    }
    case 'minProperties': {
      const n = count(arg, keyword);
      return onObjects((o) => Object.keys(o).length >= n);
    }
    case 'maxProperties': {
      const n = count(arg, keyword);
      return onObjects((o) => Object.keys(o).length <= n);
    }
    case 'properties': {
      const props = Object.entries(schemaOf(arg, keyword)).map(([k, s]) => [k, compile(schemaOf(s, `properties.${k}`))] as const);
      return onObjects((o) => props.every(([k, check]) => !(k in o) || o[k] === undefined || check(o[k])));
    }
    case 'patternProperties': {
      const pats = Object.entries(schemaOf(arg, keyword)).map(([p, s]) => [new RegExp(p, 'u'), compile(schemaOf(s, `patternProperties.${p}`))] as const);
      return onObjects((o) => Object.entries(o).every(([k, v]) => pats.every(([re, check]) => !re.test(k) || check(v))));
    }
    case 'additionalProperties': {
      const extra = boolOrSchema(arg, keyword);
      const declared = new Set(isDocument(schema.properties) ? Object.keys(schema.properties) : []);
      const pats = isDocument(schema.patternProperties) ? Object.keys(schema.patternProperties).map((p) => new RegExp(p, 'u')) : [];
      return onObjects((o) =>
        Object.entries(o).every(([k, v]) => declared.has(k) || pats.some((re) => re.test(k)) || extra(v)),
      );
    }
    case 'dependencies': {
      const deps = Object.entries(schemaOf(arg, keyword)).map(([k, d]) => {
        const fields = Array.isArray(d) ? names(d, `dependencies.${k}`) : null;
        const check: Check = fields ? (o) => fields.every((f) => f in (o as Record<string, unknown>)) : compile(schemaOf(d, `dependencies.${k}`));
        return [k, check] as const;
      });
      return onObjects((o) => deps.every(([k, check]) => !(k in o) || check(o)));
    }
    case 'allOf': {
      const all = schemaList(arg, keyword).map(compile);
      return (v) => all.every((c) => c(v));
    }
    case 'anyOf': {
      const any = schemaList(arg, keyword).map(compile);
      return (v) => any.some((c) => c(v));
    }
    case 'oneOf': {
      const one = schemaList(arg, keyword).map(compile);
      return (v) => one.filter((c) => c(v)).length === 1;
    }
    case 'not': {
      const negated = compile(schemaOf(arg, keyword));
      return (v) => !negated(v);
    }
    default:
      if (IGNORED.has(keyword)) return null;
      throw new SchemaError(`unknown or unsupported keyword ${keyword}`);
  }
}

function compile(schema: Schema): Check {
  if ('type' in schema && 'bsonType' in schema) throw new SchemaError('type and bsonType cannot both be given');
  const checks = Object.entries(schema)
    .map(([keyword, arg]) => keywordCheck(keyword, arg, schema))
    .filter((c): c is Check => c !== null);
  return (v) => checks.every((c) => c(v));
}

/** mingo's `jsonSchemaValidator` option: compile once per query, test each document. */
export function jsonSchemaValidator(schema: Record<string, unknown>): (doc: Record<string, unknown>) => boolean {
  return compile(schemaOf(schema, '$jsonSchema'));
}
