// The policy bench's library (policies.bench.ts): `total` policies built by the same domain functions policy.save and
// policy.publish use, bodies drawn from the search-quality fixture so token arrays have realistic sizes, with the demo
// categories; kept in the bench cache (data-cache.ts) under this module's version.
import { applyPublish, newPolicy } from '../../cloudfunctions/api/src/domain/policies/lifecycle';
import type { PolicyDoc } from '../../cloudfunctions/api/src/domain/policies/policy';
import { POLICY_FIXTURES } from '../../tests/fixtures/policies';
import { localCloud } from '../local-cloud';
import { DEMO_CATEGORIES } from '../seed/catalog';
import { cachedDatabase, type CachedDatabase } from './data-cache';

const REGIONS = ['', '朝阳区', '海淀区', '浦东新区', '天河区', '南山区', '西湖区', '武侯区', '鼓楼区', '江北区', '历下区', '雨花区', '岳麓区', '金水区', '滨海新区'];
const DOC_PREFIXES = ['京政发', '京政办发', '沪府规', '粤府办', '浙政发', '苏政办发', '国办发', '深府规', '川府发', '鲁政办字'];
/** Inserted in slices: the whole library with its token arrays at once would sit in the JS heap. */
const SLICE = 1000;

/** Token counts of the library, printed by the bench beside its figures. */
export interface PolicyLibraryMeta {
  titleTokens: { avg: number; max: number };
  searchTokens: { avg: number; max: number };
}

/** A deterministic pseudo-random sequence, so every run loads the same library. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function policyAt(i: number, rand: () => number): PolicyDoc {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const base = POLICY_FIXTURES[i % POLICY_FIXTURES.length]!;
  const year = 2010 + Math.floor(rand() * 16);
  const issuedAt = `${year}-${pad(1 + Math.floor(rand() * 12), 2)}-${pad(1 + Math.floor(rand() * 28), 2)}`;
  // A body of about eight paragraphs: the policy's own, then paragraphs of others (a real policy runs longer than
  // the fixture's three, and its vocabulary spreads across topics).
  const paragraphs = [...base.paragraphs];
  while (paragraphs.length < 8) paragraphs.push(pick(pick(POLICY_FIXTURES).paragraphs));
  const region = i < POLICY_FIXTURES.length ? '' : pick(REGIONS);
  const content = {
    title: `${region}${base.title}`,
    docNo: i < POLICY_FIXTURES.length && base.docNo ? base.docNo : `${pick(DOC_PREFIXES)}〔${year}〕${1 + Math.floor(rand() * 200)}号`,
    issuer: base.issuer,
    categoryId: base.categoryId,
    issuedAt,
    ...(rand() < 0.3 ? { expiresAt: `${year + 1 + Math.floor(rand() * 10)}-01-01` } : {}),
    paragraphs,
  };
  const id = `bench${pad(i, 6)}`;
  const createdAt = new Date(Date.UTC(year, 0, 1) + i * 1000).toISOString();
  let doc = newPolicy(id, content, createdAt);
  const roll = rand();
  if (roll < 0.95) doc = applyPublish(doc, null, new Date(Date.parse(createdAt) + 3_600_000).toISOString(), undefined).doc;
  if (roll >= 0.9 && roll < 0.95) doc = { ...doc, status: 'repealed', unpublishReason: '已被新政策替代' };
  return doc;
}

function generate(total: number): PolicyLibraryMeta {
  localCloud.db.bulkInsert('categories', DEMO_CATEGORIES.map((c) => ({ ...c })));
  const rand = rng(20261125);
  const title = { sum: 0, max: 0 };
  const search = { sum: 0, max: 0 };
  let slice: PolicyDoc[] = [];
  for (let i = 0; i < total; i++) {
    const doc = policyAt(i, rand);
    title.sum += doc.titleTokens.length;
    title.max = Math.max(title.max, doc.titleTokens.length);
    search.sum += doc.searchTokens.length;
    search.max = Math.max(search.max, doc.searchTokens.length);
    slice.push(doc);
    if (slice.length === SLICE || i === total - 1) {
      localCloud.db.bulkInsert('policies', slice as unknown as Record<string, unknown>[]);
      slice = [];
    }
  }
  return { titleTokens: { avg: title.sum / total, max: title.max }, searchTokens: { avg: search.sum / total, max: search.max } };
}

/** The library of `total` policies, from the cache or generated into it. */
export function policyLibrary(total: number): Promise<CachedDatabase<PolicyLibraryMeta>> {
  return cachedDatabase('policies', total, __filename, () => generate(total));
}
