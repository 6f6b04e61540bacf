// Differential test of the SQL pre-filter, ORDER BY pushdown, multikey side table and exact count fast path
// against plain mingo over an array: thousands of random queries (fixed seed, so a failure reproduces) over
// random documents of mixed types, with random writes between batches. Any mismatch is a bug in the planner.
import type { DatabaseSpec } from '../../tools/local-cloud';
import { fromStoredText, toStoredText, type Doc } from '../../tools/local-cloud/ejson';
// The oracle is mingo with the local cloud's operator fixes: this test judges the planner, not mingo.
import { Query } from '../../tools/local-cloud/store/mingo';
import { effectiveSort, type SortSpec } from '../../tools/local-cloud/store/planner';
import { PLAN_LIMITS, Store, type PlanLimits } from '../../tools/local-cloud/store/store';

const SEED = 20240607;
const QUERIES_PER_SCENARIO = 1600;
const DOCS_PER_SCENARIO = 350;
const FIELDS = ['a', 'b', 'c', 'tags', 'n.x', '_id'] as const;

const SPEC: DatabaseSpec = {
  collections: {
    docs: {
      indexes: [
        { name: 'a_b', fields: [['a', 1], ['b', -1]] },
        { name: 'b', fields: [['b', 1]] },
        { name: 'c', fields: [['c', -1]] },
        { name: 'tags', fields: [['tags', 1]] },
        { name: 'n_x', fields: [['n.x', 1]] },
      ],
    },
  },
};

/** mulberry32: small, fast, deterministic. */
function rng(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

type Kind = 'number' | 'string' | 'bool' | 'date' | 'null' | 'missing' | 'array' | 'object';

class Gen {
  constructor(private readonly r: () => number) {}
  int(n: number): number {
    return Math.floor(this.r() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  number(): number {
    const n = this.int(11) - 5;
    return this.chance(0.2) ? n + 0.5 : n;
  }
  string(): string {
    const len = this.int(3) + (this.chance(0.9) ? 1 : 0);
    let s = '';
    for (let i = 0; i < len; i++) s += this.pick(['a', 'b', 'c', 'd', 'A']);
    return s;
  }
  date(): Date {
    return new Date(Date.UTC(2024, 0, 1) + this.int(6) * 86400000);
  }
  scalar(kind: Kind): unknown {
    switch (kind) {
      case 'number':
        return this.number();
      case 'string':
        return this.string();
      case 'bool':
        return this.chance(0.5);
      case 'date':
        return this.date();
      case 'null':
        return null;
      default:
        return this.number();
    }
  }
  /** A value of one of `kinds`; arrays hold scalars of the first kind (sometimes nested), objects a field x. */
  value(kinds: readonly Kind[]): unknown {
    const kind = this.pick(kinds);
    if (kind === 'missing') return undefined;
    if (kind === 'array') return Array.from({ length: this.int(4) }, () => (this.chance(0.1) ? [this.scalar(kinds[0]!)] : this.scalar(kinds[0]!)));
    if (kind === 'object') return { x: this.scalar(kinds[0]!) };
    return this.scalar(kind);
  }
}

interface Scenario {
  name: string;
  kinds: Record<'a' | 'b' | 'c' | 'tags' | 'nx', readonly Kind[]>;
}

const SCENARIOS: Scenario[] = [
  {
    // One type per field: exact pushdown, ORDER BY from the index, count fast path, LIMIT/OFFSET in SQL.
    name: 'typed fields',
    kinds: { a: ['string', 'missing'], b: ['number'], c: ['date', 'null'], tags: ['string', 'array'], nx: ['number', 'missing'] },
  },
  {
    // Everything everywhere: pushdown must stay a superset, mingo decides.
    name: 'mixed types',
    kinds: {
      a: ['number', 'string', 'bool', 'date', 'null', 'missing', 'array', 'object'],
      b: ['number', 'string', 'null', 'missing'],
      c: ['date', 'number', 'string', 'missing', 'null'],
      tags: ['string', 'number', 'array', 'missing', 'bool'],
      nx: ['number', 'string', 'date', 'missing', 'array'],
    },
  },
];

function randomDoc(g: Gen, s: Scenario, id: string): Doc {
  const doc: Doc = { _id: id };
  const set = (k: string, v: unknown) => {
    if (v !== undefined) doc[k] = v;
  };
  set('a', g.value(s.kinds.a));
  set('b', g.value(s.kinds.b));
  set('c', g.value(s.kinds.c));
  set('tags', g.value(s.kinds.tags));
  const nx = g.value(s.kinds.nx);
  if (nx !== undefined) doc.n = g.chance(0.15) ? [{ x: nx }] : { x: nx };
  else if (g.chance(0.2)) doc.n = g.chance(0.5) ? 'scalar' : {};
  doc.payload = g.string();
  return fromStoredText(toStoredText(doc));
}

function kindsOf(s: Scenario, field: string): readonly Kind[] {
  if (field === 'n.x') return s.kinds.nx;
  if (field === '_id') return ['string'];
  return s.kinds[field as 'a' | 'b' | 'c' | 'tags'];
}

function randomCondition(g: Gen, s: Scenario, ids: string[]): Doc {
  const field = g.pick(FIELDS);
  const kinds = kindsOf(s, field).filter((k) => k !== 'missing' && k !== 'array' && k !== 'object');
  const scalarKinds: Kind[] = kinds.length > 0 ? [...kinds] : ['number'];
  const v = (): unknown => (field === '_id' ? g.pick(ids) : g.scalar(g.pick(scalarKinds)));
  const op = g.pick(['eq', 'literal', 'gt', 'gte', 'lt', 'lte', 'in', 'ne', 'all', 'range', 'nin', 'inEmpty', 'elemMatch', 'regex', 'dateExpr', 'stringExpr'] as const);
  switch (op) {
    case 'regex':
      // Not pushed down: the pre-filter must stay a superset whatever the field holds.
      return { [field]: { $regex: g.pick(['^a', 'b', '^A', 'a$', '^$', 'd+']), $options: g.pick(['', 'i']) } };
    case 'dateExpr':
      // Date operators (our $week among them) on whatever the field holds, guarded by $type as real code must be.
      return { $expr: { $cond: [{ $eq: [{ $type: `$${field}` }, 'date'] }, { [g.pick(['$eq', '$lte', '$gte'])]: [{ [g.pick(['$dayOfMonth', '$dayOfWeek', '$week', '$dayOfYear'])]: `$${field}` }, 1 + g.int(6)] }, false] } };
    case 'stringExpr':
      return {
        $expr: {
          $cond: [
            { $eq: [{ $type: `$${field}` }, 'string'] },
            g.pick([
              { $eq: [{ $substrCP: [`$${field}`, 0, 1] }, g.pick(['a', 'b', 'A'])] },
              { $gte: [{ $indexOfCP: [`$${field}`, g.pick(['a', 'b', 'cd'])] }, 0] },
              { $eq: [{ $strLenCP: `$${field}` }, g.int(4)] },
              { $eq: [{ $toLower: `$${field}` }, g.pick(['a', 'ab', 'ba'])] },
              { $eq: [{ $substrBytes: [`$${field}`, 1, -1] }, g.pick(['', 'a', 'b'])] },
            ]),
            false,
          ],
        },
      };
    case 'literal':
      return { [field]: v() };
    case 'eq':
      return { [field]: { $eq: v() } };
    case 'in':
      return { [field]: { $in: Array.from({ length: 1 + g.int(3) }, v) } };
    case 'inEmpty':
      return { [field]: { $in: [] } };
    case 'nin':
      return { [field]: { $nin: [v()] } };
    case 'all':
      return { [field]: { $all: Array.from({ length: 1 + g.int(2) }, v) } };
    case 'ne':
      return { [field]: { $ne: v() } };
    case 'range':
      return { [field]: { $gte: v(), $lt: v() } };
    case 'elemMatch':
      // On n.x a document condition on the array n ({x: …} elements, or scalars it must skip); elsewhere on scalars.
      if (field === 'n.x') return { n: { $elemMatch: g.chance(0.5) ? { x: v() } : { x: { $gte: v() } } } };
      return { [field]: { $elemMatch: g.chance(0.5) ? { $eq: v() } : { $gte: v(), $lte: v() } } };
    default:
      return { [field]: { [`$${op}`]: v() } };
  }
}

function randomFilter(g: Gen, s: Scenario, ids: string[]): Doc {
  const roll = g.int(10);
  if (roll === 0) return {};
  if (roll === 1) return { $or: [randomCondition(g, s, ids), randomCondition(g, s, ids)] };
  if (roll === 2) return { $and: [randomCondition(g, s, ids), randomCondition(g, s, ids)] };
  const parts = Array.from({ length: 1 + g.int(3) }, () => randomCondition(g, s, ids));
  // Several conditions on one field merge into one operator object, as the SDK's serializer does.
  const filter: Doc = {};
  for (const p of parts) {
    const [k, v] = Object.entries(p)[0]!;
    const prev = filter[k];
    if (prev && typeof prev === 'object' && !(prev instanceof Date) && v && typeof v === 'object' && !(v instanceof Date) && !Array.isArray(v)) {
      filter[k] = { ...(prev as Doc), ...(v as Doc) };
    } else {
      filter[k] = v;
    }
  }
  return filter;
}

function randomSort(g: Gen): SortSpec | undefined {
  const n = g.pick([0, 1, 1, 1, 2]);
  if (n === 0) return undefined;
  const fields = ['a', 'b', 'c', 'n.x', '_id'];
  const out: SortSpec = [];
  for (let i = 0; i < n; i++) {
    const f = g.pick(fields);
    if (!out.some(([p]) => p === f)) out.push([f, g.chance(0.5) ? 1 : -1]);
  }
  return out;
}

/** Plain mingo over the array, in insertion order, with the local cloud's documented tie-break (_id). */
function reference(matching: Doc[], sort: SortSpec | undefined, skip: number, limit: number): Doc[] {
  let cursor = new Query({}).find<Doc>(matching);
  const eff = effectiveSort(sort);
  if (eff) cursor = cursor.sort(Object.fromEntries(eff));
  // The page is cut from the sorted array, independently of how the store pages.
  const sorted = cursor.all();
  return sorted.slice(skip, Number.isFinite(limit) ? skip + limit : undefined);
}

function runScenario(s: Scenario, seed: number): { queries: number; indexed: number; mismatches: string[] } {
  const g = new Gen(rng(seed));
  const store = new Store({ filename: ':memory:', database: SPEC, strict: false, aggregateDefaultLimit: 20, dbName: 'diff' });
  const mismatches: string[] = [];
  let indexed = 0;
  let nextId = 0;
  const newId = () => `d${String(nextId++).padStart(5, '0')}${g.pick(['', 'x', 'Y'])}`;
  try {
    let docs: Doc[] = Array.from({ length: DOCS_PER_SCENARIO }, () => randomDoc(g, s, newId()));
    store.bulkInsert('docs', docs.map((d) => fromStoredText(toStoredText(d))));
    for (let q = 0; q < QUERIES_PER_SCENARIO; q++) {
      if (q % 100 === 99) {
        // Writes between batches: replacements, removals and inserts keep indexes and side tables honest.
        for (let w = 0; w < 10; w++) {
          const i = g.int(docs.length);
          const id = docs[i]!._id as string;
          if (g.chance(0.6)) {
            const fresh = randomDoc(g, s, id);
            store.replaceById('docs', id, fromStoredText(toStoredText(fresh)));
            docs[i] = fresh;
          } else {
            store.removeById('docs', id);
            docs = docs.filter((d) => d._id !== id);
            const added = randomDoc(g, s, newId());
            store.insertMany('docs', [fromStoredText(toStoredText(added))]);
            docs.push(added);
          }
        }
      }
      const ids = docs.map((d) => d._id as string);
      const filter = randomFilter(g, s, ids);
      const sort = randomSort(g);
      const skip = g.chance(0.3) ? g.int(20) : 0;
      const limit = g.chance(0.2) ? Infinity : 1 + g.int(50);
      const before = store.stats().indexedQueries;
      const got = store.find('docs', { filter, ...(sort ? { sort } : {}), skip, limit });
      if (store.stats().indexedQueries > before) indexed++;
      const query = new Query(filter);
      const matching = docs.filter((d) => query.test(d));
      const want = reference(matching, sort, skip, limit);
      const gotText = got.map((d) => toStoredText(d));
      const wantText = want.map((d) => toStoredText(d));
      if (JSON.stringify(gotText) !== JSON.stringify(wantText)) {
        mismatches.push(`find #${q} ${JSON.stringify({ filter, sort, skip, limit })}: got ${got.map((d) => d._id).join(',')} want ${want.map((d) => d._id).join(',')}`);
      }
      const count = store.count('docs', filter);
      const wantCount = matching.length;
      if (count !== wantCount) mismatches.push(`count #${q} ${JSON.stringify(filter)}: got ${count} want ${wantCount}`);
    }
  } finally {
    store.close();
  }
  return { queries: QUERIES_PER_SCENARIO, indexed, mismatches };
}

describe('index pushdown vs plain mingo', () => {
  test.each(SCENARIOS.map((s, i) => [s.name, s, SEED + i] as const))('%s: zero mismatches, pushdown used in most queries', (_name, scenario, seed) => {
    const { queries, indexed, mismatches } = runScenario(scenario, seed);
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(indexed).toBeGreaterThan(queries / 2);
  });

  test('the two scenarios together run more than 3000 random queries', () => {
    expect(SCENARIOS.length * QUERIES_PER_SCENARIO).toBeGreaterThanOrEqual(3000);
  });
});

// A search's query (ADR 0152): an `$or` of `$all` token sets over a multikey array, alone, beside an equality, a required
// token or the `$not $all` of the titles, sorted by a key, a page at a time. Run with the planner's limits as shipped
// and made small, so that every plan (an empty id set, an id set that drives, an id set the scan checks, rows checked
// one by one after a sample, an `$or` left as it was) meets the oracle on a few hundred documents.
const SEARCH_SPEC: DatabaseSpec = {
  collections: {
    posts: {
      indexes: [
        { name: 'status_key', fields: [['status', 1], ['key', -1]] },
        { name: 'key', fields: [['key', -1]] },
        { name: 'tokens', fields: [['tokens', 1]] },
        { name: 'title', fields: [['title', 1]] },
      ],
    },
  },
};
const VOCAB = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const SEARCHES = 800;

/** Skewed: 'a' in most documents, 'h' in few, as words are. */
function token(g: Gen): string {
  return VOCAB[Math.floor(g.int(1000) ** 2 / 1e6 * VOCAB.length)]!;
}

function searchDoc(g: Gen, i: number): Doc {
  const tokens = Array.from({ length: g.int(7) }, () => token(g));
  const roll = g.int(40);
  // Now and then what a token array should not hold: a scalar, a nested array, a number.
  const stored = roll === 0 ? tokens[0] ?? 'a' : roll === 1 ? [tokens.slice(0, 2)] : roll === 2 ? [...tokens, 1] : tokens;
  const doc: Doc = { _id: `p${String(i).padStart(4, '0')}`, status: g.pick(['p', 'p', 'p', 'd']), key: `k${g.int(300)}`, tokens: stored };
  if (!g.chance(0.1)) doc.title = tokens.filter(() => g.chance(0.3));
  return fromStoredText(toStoredText(doc));
}

function searchFilter(g: Gen): Doc {
  const branches = Array.from({ length: 1 + g.int(6) }, () => Array.from({ length: 1 + g.int(3) }, () => (g.chance(0.08) ? 'zz' : token(g))));
  const union = { $or: branches.map((b) => ({ tokens: { $all: b } })) };
  switch (g.int(6)) {
    case 0:
      return union;
    case 1:
      return { $and: [{ status: 'p' }, union] };
    case 2:
      return { $and: [{ status: 'p' }, union, ...branches.map((b) => ({ title: { $not: { $all: b } } }))] };
    case 3:
      return { tokens: token(g), ...union };
    case 4:
      return { $and: [union, { $or: branches.map((b) => ({ title: { $all: b } })) }] };
    default:
      // One branch without a posting: not a union, the $or stays as it was.
      return { $or: [...union.$or, { status: 'd' }] };
  }
}

function runSearches(seed: number, limits: PlanLimits): string[] {
  const g = new Gen(rng(seed));
  const store = new Store({ filename: ':memory:', database: SEARCH_SPEC, strict: false, aggregateDefaultLimit: 20, dbName: 'diff', planLimits: limits });
  const mismatches: string[] = [];
  let docs: Doc[] = Array.from({ length: 400 }, (_, i) => searchDoc(g, i));
  try {
    store.bulkInsert('posts', docs.map((d) => fromStoredText(toStoredText(d))));
    for (let q = 0; q < SEARCHES; q++) {
      if (q % 200 === 199) {
        const added = Array.from({ length: 100 }, (_, i) => searchDoc(g, docs.length + i));
        store.insertMany('posts', added.map((d) => fromStoredText(toStoredText(d))));
        docs = [...docs, ...added];
      }
      const filter = searchFilter(g);
      const sort: SortSpec | undefined = g.pick([[['key', -1]], [['key', -1]], [['key', 1]], undefined] as Array<SortSpec | undefined>);
      const skip = g.chance(0.2) ? g.int(10) : 0;
      const limit = g.chance(0.15) ? Infinity : 1 + g.int(10);
      const got = store.find('posts', { filter, ...(sort ? { sort } : {}), skip, limit });
      const query = new Query(filter);
      const want = reference(docs.filter((d) => query.test(d)), sort, skip, limit);
      if (JSON.stringify(got.map((d) => toStoredText(d))) !== JSON.stringify(want.map((d) => toStoredText(d)))) {
        mismatches.push(`search #${q} ${JSON.stringify({ filter, sort, skip, limit })}: got ${got.map((d) => d._id).join(',')} want ${want.map((d) => d._id).join(',')}`);
      }
    }
  } finally {
    store.close();
  }
  return mismatches;
}

/** What the planner chose for each $or, read off its private steps: the test must reach every plan to judge it. */
function planOutcomes(run: () => void): Set<string> {
  const seen = new Set<string>();
  const proto = Store.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const watch = (name: string, outcome: (result: unknown, args: unknown[]) => string) => {
    const original = proto[name]!;
    proto[name] = function watched(this: unknown, ...args: unknown[]) {
      const result = original.apply(this, args);
      seen.add(outcome(result, args));
      return result;
    };
    return () => {
      proto[name] = original;
    };
  };
  const restore = [
    watch('liveBranches', (r) => ((r as unknown[]).length === 0 ? 'no branch can match' : 'branches')),
    watch('sampleHits', (r) => `sampled ${(r as number) > 0 ? 'hits' : 'none'}`),
    watch('branchIds', (r) => (r === null ? 'walk too long: rows checked' : (r as unknown[]).length > 5 ? 'id set checked by the scan' : 'id set drives')),
  ];
  try {
    run();
  } finally {
    restore.forEach((r) => r());
  }
  return seen;
}

describe('an $or of token sets (search branches) vs plain mingo', () => {
  test('as shipped: zero mismatches', () => {
    expect(runSearches(SEED + 7, PLAN_LIMITS).slice(0, 5)).toEqual([]);
  });

  test('small limits: every plan is reached, zero mismatches', () => {
    let mismatches: string[] = [];
    const seen = planOutcomes(() => {
      mismatches = runSearches(SEED + 8, { rarePosting: 5, unionQuickWalk: 20, unionWalk: 60, unionSample: 8 });
    });
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect([...seen].sort()).toEqual(
      ['branches', 'id set checked by the scan', 'id set drives', 'no branch can match', 'sampled hits', 'sampled none', 'walk too long: rows checked'].sort(),
    );
  });
});
