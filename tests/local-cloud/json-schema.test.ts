// `$jsonSchema` in `where` and under `$nor`, through the real wx-server-sdk (`db.command.jsonSchema`). Each case is
// written from MongoDB's manual ("$jsonSchema": keywords, bsonType aliases, a keyword applies only to its own type).
import * as cloud from 'wx-server-sdk';
import { localCloud } from '../../tools/local-cloud';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
const db = cloud.database();
const _ = db.command;

const PEOPLE = [
  { _id: 'p1', name: '张三', age: 34, tags: ['a', 'b'], address: { city: '杭州', zip: '310000' }, at: new Date('2024-01-02T00:00:00Z') },
  { _id: 'p2', name: '李四', age: 17.5, tags: ['a', 'a'], address: { city: '宁波' } },
  { _id: 'p3', name: 'W', age: '40', tags: [], address: 'none' },
  { _id: 'p4', name: '王五五', tags: ['c'], extra: true },
  { _id: 'p5', age: 3_000_000_000, name: null },
];

beforeAll(() => {
  localCloud.configure({ filename: ':memory:', database: { collections: { people: { indexes: [] } } }, strict: false });
});

beforeEach(async () => {
  localCloud.reset();
  for (const p of PEOPLE) await db.collection('people').add({ data: p } as never);
});

async function ids(where: Record<string, unknown>): Promise<string[]> {
  const res = await db.collection('people').where(where as never).orderBy('_id', 'asc').get();
  return (res.data as Array<{ _id: string }>).map((d) => d._id);
}

// `db.command.jsonSchema` exists in @cloudbase/database but not in wx-server-sdk's typings.
const withJsonSchema = _ as unknown as { jsonSchema(s: Record<string, unknown>): Record<string, unknown> };
const schema = (s: Record<string, unknown>) => withJsonSchema.jsonSchema(s);

describe('$jsonSchema in where', () => {
  test.each<[string, Record<string, unknown>, string[]]>([
    ['required lists fields that must be present (null counts as present)', { required: ['name', 'age'] }, ['p1', 'p2', 'p3', 'p5']],
    ['bsonType int matches integers that fit 32 bits, long larger ones, double fractions', { properties: { age: { bsonType: 'int' } }, required: ['age'] }, ['p1']],
    ['bsonType long', { properties: { age: { bsonType: 'long' } }, required: ['age'] }, ['p5']],
    ['bsonType double', { properties: { age: { bsonType: 'double' } }, required: ['age'] }, ['p2']],
    ['the number alias covers int, long and double', { properties: { age: { bsonType: 'number' } }, required: ['age'] }, ['p1', 'p2', 'p5']],
    ['type uses JSON names; an absent property is not checked', { properties: { age: { type: 'string' } } }, ['p3', 'p4']],
    ['a list of bsonTypes', { properties: { name: { bsonType: ['null', 'string'] } }, required: ['name'] }, ['p1', 'p2', 'p3', 'p4', 'p5']],
    ['minimum applies only to numbers: the string "40" passes it', { properties: { age: { minimum: 18 } } }, ['p1', 'p3', 'p4', 'p5']],
    ['exclusiveMaximum turns maximum strict', { properties: { age: { bsonType: 'number', maximum: 34, exclusiveMaximum: true } }, required: ['age'] }, ['p2']],
    ['minLength and maxLength count characters, not bytes', { properties: { name: { bsonType: 'string', minLength: 2, maxLength: 2 } }, required: ['name'] }, ['p1', 'p2']],
    ['pattern is an unanchored regular expression', { properties: { name: { bsonType: 'string', pattern: '五$' } }, required: ['name'] }, ['p4']],
    ['enum compares values', { properties: { name: { enum: ['张三', null] } }, required: ['name'] }, ['p1', 'p5']],
    ['uniqueItems', { properties: { tags: { uniqueItems: true, minItems: 1 } }, required: ['tags'] }, ['p1', 'p4']],
    ['items applies a schema to every element', { properties: { tags: { items: { enum: ['a', 'b'] } } }, required: ['tags'] }, ['p1', 'p2', 'p3']],
    ['nested properties and required apply only to documents', { properties: { address: { required: ['zip'] } } }, ['p1', 'p3', 'p4', 'p5']],
    ['additionalProperties false refuses undeclared fields', { properties: { _id: {}, name: {}, tags: {}, extra: {} }, additionalProperties: false }, ['p4']],
    ['a date field by bsonType', { properties: { at: { bsonType: 'date' } }, required: ['at'] }, ['p1']],
    ['anyOf, not and dependencies', { anyOf: [{ required: ['extra'] }, { not: { required: ['age'] } }], dependencies: { extra: ['tags'] } }, ['p4']],
    ['oneOf matches exactly one branch (p4 has tags but no address; p5 neither)', { oneOf: [{ required: ['address'] }, { required: ['tags'] }] }, ['p4']],
  ])('%s', async (_name, s, expected) => {
    expect(await ids(schema(s))).toEqual(expected);
  });

  test('$jsonSchema combines with ordinary conditions', async () => {
    expect(await ids({ ...schema({ required: ['address'] }), age: _.gt(20) })).toEqual(['p1']);
  });
});

describe('$jsonSchema under $nor', () => {
  test('$nor of a schema returns the documents that do not satisfy it', async () => {
    expect(await ids(_.nor([schema({ required: ['age'] })]) as never)).toEqual(['p4']);
  });

  test('$nor of a schema and a condition excludes both', async () => {
    expect(await ids(_.nor([schema({ properties: { age: { bsonType: 'number' } }, required: ['age'] }), { name: 'W' }]) as never)).toEqual(['p4']);
  });
});

describe('schemas MongoDB refuses answer DATABASE_REQUEST_FAILED', () => {
  test.each<[string, Record<string, unknown>]>([
    ['an unknown keyword', { requried: ['name'] }],
    ['the integer type (MongoDB has bsonType int instead)', { properties: { age: { type: 'integer' } } }],
    ['$ref', { $ref: '#/definitions/x' }],
    ['type and bsonType together', { type: 'object', bsonType: 'object' }],
    ['a negative minLength', { properties: { name: { minLength: -1 } } }],
    ['exclusiveMinimum without minimum', { properties: { age: { exclusiveMinimum: true } } }],
  ])('%s', async (_name, s) => {
    await expect(ids(schema(s))).rejects.toMatchObject({ errCode: -502001 });
  });
});
