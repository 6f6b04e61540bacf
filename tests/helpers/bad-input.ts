// Generated bad input for an action (fast-check): wrong types, missing and extra fields, huge strings, deep nesting,
// unicode edge cases, operator injection, prototype keys and `_id`/`_openid` overrides, placed in and around the
// action's own fields. What counts as bad is decided by the action's schema on the payload as it arrives (JSON).
import fc from 'fast-check';

function nested(depth: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** An object with exactly these own keys, `__proto__` included as a key rather than a prototype. */
const objectOf = (entries: Array<[string, unknown]>): Record<string, unknown> => Object.fromEntries(entries);

const INJECTIONS: unknown[] = [
  { $ne: null },
  { $regex: '.*' },
  { $regex: '.*', $options: 'i' },
  { $gt: '' },
  { $in: ['a', 'b'] },
  { $exists: true },
  { $where: 'sleep(1000)' },
  { $or: [{ a: 1 }, { b: { $ne: null } }] },
  // What db.command objects look like on the wire, and EJSON/BSON-shaped values.
  { _internalType: 'command', operator: 'neq', operands: [null] },
  { $date: 0 },
  { $oid: '000000000000000000000000' },
  { _bsontype: 'ObjectID', id: 'x' },
  objectOf([['__proto__', { admin: true }]]),
  objectOf([['constructor', { prototype: { admin: true } }]]),
];

const UNICODE = ['', ' ', '\u0000', '\uD800', '\uDFFF', '\u202E', '\u2066', '\uFEFF', '\u200B\u200B', 'Ｉｄ', '\u{10FFFF}', '\u0085', '\r\n', '🀄️'.repeat(3)];

// fast-check's own `unit: 'binary'`, rebuilt: the same index over every code point but the surrogates, mapped the same
// way, so it draws exactly the same strings for a seed (and injects the same dangerous strings such as `__proto__`).
// Its built-in unmapper builds a map of all 1.1 million code points on first use, about 3 s of CPU per test file.
const SURROGATES = 0xe000 - 0xd800;
const binaryUnit = fc.nat({ max: 0x10ffff - SURROGATES }).map(
  (i) => String.fromCodePoint(i < 0xd800 ? i : i + SURROGATES),
  (v) => {
    const cp = typeof v === 'string' ? v.codePointAt(0) : undefined;
    if (cp === undefined || String.fromCodePoint(cp) !== v || (cp >= 0xd800 && cp < 0xe000)) throw new Error('not one code point');
    return cp < 0xd800 ? cp : cp - SURROGATES;
  },
);

const scalar = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: binaryUnit, maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(...UNICODE),
  fc.constantFrom(-1, 0, 1.5, 2 ** 53, -(2 ** 60), Number.MAX_VALUE),
);

/** A value a field should never accept, or that tests how the function copes with size and shape. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 3, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 2, arbitrary: fc.array(scalar, { maxLength: 5 }) },
  { weight: 2, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), scalar, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.integer({ min: 5_001, max: 20_000 }).map((n) => '长'.repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 20, max: 200 }).map(nested) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...INJECTIONS), { minLength: 1, maxLength: 3 }) },
);

const EXTRA_KEYS = ['_id', '_openid', 'openid', '__proto__', 'constructor', 'prototype', '$where', 'status', 'roles', 'version', 'userInfo'];

/** Payloads built around the action's own fields: some kept plausible, some broken, some missing, extra ones added. */
export function badPayloads(fields: string[]): fc.Arbitrary<unknown> {
  const plausible = fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 10 }), fc.boolean());
  const entry = (key: string) => fc.tuple(fc.constant(key), fc.oneof(plausible, hostileValue));
  const own = fields.length ? fc.subarray(fields).chain((keys) => fc.tuple(...keys.map(entry))) : fc.constant([] as Array<[string, unknown]>);
  const extra = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...EXTRA_KEYS), fc.string({ maxLength: 10 })), hostileValue), { maxLength: 3 });
  const shaped = fc.tuple(own, extra).map(([a, b]) => objectOf([...(a as Array<[string, unknown]>), ...b]));
  return fc.oneof({ weight: 8, arbitrary: shaped }, { weight: 2, arbitrary: hostileValue }, { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) });
}

/** The payload as the function receives it: through JSON, with an absent payload read as {}. */
export function onTheWire(payload: unknown): unknown {
  const wire = (JSON.parse(JSON.stringify({ payload })) as { payload?: unknown }).payload;
  return wire ?? {};
}
