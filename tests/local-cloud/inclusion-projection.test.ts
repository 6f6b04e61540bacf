// The hand-made inclusion projection (store/inclusion.ts) against mingo's general projection, its oracle: random
// documents of mixed shapes (objects, arrays, null, dates on the paths) and random inclusion projections. Where the
// fast path answers, its answer must be mingo's (fields in the document's order, as MongoDB gives them, where mingo
// sorts them); where it declines, `project` falls back to mingo.
import * as fc from 'fast-check';
import type { Doc } from '../../tools/local-cloud/ejson';
import { projectInclusion } from '../../tools/local-cloud/store/inclusion';
import { Query } from '../../tools/local-cloud/store/mingo';
import { project } from '../../tools/local-cloud/store/store';

const KEYS = ['a', 'b', 'c', 'd'] as const;

const leaf = fc.oneof(fc.integer(), fc.string({ maxLength: 3 }), fc.constant(null), fc.boolean(), fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }));
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 4 }),
    fc.array(tie('value'), { maxLength: 3 }),
  ),
}));
const docs = fc.array(
  fc.tuple(fc.string({ minLength: 1, maxLength: 4 }), fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 4 })).map(([id, rest]) => ({ _id: id, ...rest }) as Doc),
  { maxLength: 5 },
);
const path = fc.array(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 3 }).map((s) => s.join('.'));
const projection = fc
  .tuple(fc.uniqueArray(path, { minLength: 1, maxLength: 4 }), fc.array(fc.constantFrom<true | 1>(true, 1), { minLength: 4, maxLength: 4 }), fc.constantFrom<undefined | boolean | 0 | 1>(undefined, true, false, 0, 1))
  .map(([paths, values, id]) => {
    const p: Record<string, unknown> = Object.fromEntries(paths.map((k, i) => [k, values[i]]));
    if (id !== undefined) p._id = id;
    return p;
  });

const byMingo = (ds: readonly Doc[], p: Record<string, unknown>) => new Query({}).find<Doc>(structuredClone(ds) as Doc[], p).all();

describe('inclusion projection', () => {
  test('answers as mingo does wherever it answers', () => {
    let answered = 0;
    fc.assert(
      fc.property(docs, projection, (ds, p) => {
        const fast = projectInclusion(structuredClone(ds) as Doc[], p);
        if (fast === null) return;
        answered++;
        expect(fast).toStrictEqual(byMingo(ds, p));
      }),
      { numRuns: 3000, seed: 20261207 },
    );
    // The fast path must actually be exercised by the random cases, or the comparison proves nothing.
    expect(answered).toBeGreaterThan(1000);
  });

  test("a dashboard's cuts take the fast path: a day's one scope, a case list's fields", () => {
    const day: Doc = { _id: '20261125', day: '20261125', all: { received: 3, wd2: 1 }, depts: { d1: { received: 2 }, d2: { received: 1 } } };
    expect(JSON.stringify(projectInclusion([day], { day: true, 'depts.d1': true }))).toBe(JSON.stringify([{ _id: '20261125', day: '20261125', depts: { d1: { received: 2 } } }]));
    expect(projectInclusion([day], { day: true, 'depts.d9': true })).toEqual([{ _id: '20261125', day: '20261125', depts: {} }]);
    expect(projectInclusion([day], { all: true, _id: false })).toEqual([{ all: { received: 3, wd2: 1 } }]);
  });

  test('declines what it does not handle, and project() then gives mingo\'s answer', () => {
    const d: Doc = { _id: 'x', a: [{ b: 1, c: 2 }, 3], c: { d: 1 } };
    expect(projectInclusion([d], { 'a.b': true })).toBeNull();
    expect(project([structuredClone(d)], { 'a.b': true })).toEqual(byMingo([d], { 'a.b': true }));
    expect(projectInclusion([d], { c: true, 'c.d': true })).toBeNull();
    expect(projectInclusion([d], { a: { $slice: 1 } })).toBeNull();
    expect(projectInclusion([d], { c: false })).toBeNull();
  });
});
