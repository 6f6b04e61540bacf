// The export bench's cases (export.bench.ts): the cases bench's generator's cases, their submission instants spread
// evenly over the year before NOW, so the whole size falls in one export period (at most 366 days); the other fields
// are as generated. With the demo departments and categories and the admin who exports. Kept in the bench cache
// (data-cache.ts) under this module's version, which covers the case generator.
import type { CaseDoc } from '../../cloudfunctions/api/src/domain/case-doc';
import { localCloud } from '../local-cloud';
import { DEMO_CATEGORIES, DEMO_DEPARTMENTS } from '../seed/catalog';
import { Generator, NOW } from './case-generator';
import { cachedDatabase, type CachedDatabase } from './data-cache';

export const ADMIN = 'o_bench_admin';
const DAY = 86_400_000;
const CHUNK = 10_000;

function generate(total: number): Record<string, never> {
  localCloud.db.bulkInsert('departments', DEMO_DEPARTMENTS.map((d) => ({ ...d })));
  localCloud.db.bulkInsert('categories', DEMO_CATEGORIES.map((c) => ({ ...c })));
  localCloud.db.bulkInsert('users', [{ _id: ADMIN, roles: ['admin'] }]);
  const gen = new Generator(total);
  const nowMs = Date.parse(NOW);
  for (let from = 0; from < total; from += CHUNK) {
    const docs = gen.chunk(from, Math.min(total, from + CHUNK)).docs.map((d: CaseDoc, i: number) => {
      const submittedAt = new Date(nowMs - 1000 - ((from + i) / total) * 364 * DAY).toISOString();
      return { ...d, submittedAt, mineKey: `${submittedAt}|${d._id}` };
    });
    localCloud.db.bulkInsert('cases', docs as unknown as Record<string, unknown>[]);
  }
  return {};
}

/** `total` cases to export, from the cache or generated into it. */
export function exportCases(total: number): Promise<CachedDatabase<Record<string, never>>> {
  return cachedDatabase('exports', total, __filename, () => generate(total));
}
