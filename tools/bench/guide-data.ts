// The guide bench's catalogue (guide.bench.ts): the 32 demo items (tools/seed/guide-items.ts) repeated per county, each
// copy named for its county (西湖区居民身份证换领), built by the domain functions guide.save and guide.publish use; kept
// in the bench cache (data-cache.ts) under this module's version.
import { applyGuidePublish, newGuideDoc } from '../../cloudfunctions/api/src/domain/guide/item';
import { localCloud } from '../local-cloud';
import { GUIDE_FIXTURES } from '../seed/guide-items';
import { cachedDatabase, type CachedDatabase } from './data-cache';

/** The instant every item is saved and published (the bench's clock). */
export const GUIDE_T0 = '2026-06-01T02:00:00.000Z';
const COUNTIES = ['上城区', '拱墅区', '西湖区', '滨江区', '萧山区', '余杭区', '临平区', '钱塘区', '富阳区', '临安区', '桐庐县', '淳安县', '建德市'];
const SLICE = 1000;

function generate(size: number): Record<string, never> {
  const docs = [];
  for (let i = 0; i < size; i++) {
    const { key, relatedPolicies: _r, ...content } = GUIDE_FIXTURES[i % GUIDE_FIXTURES.length]!;
    const county = Math.floor(i / GUIDE_FIXTURES.length);
    const name = county === 0 ? content.name : `${COUNTIES[county % COUNTIES.length]}${content.name}（${county}）`;
    docs.push(applyGuidePublish(newGuideDoc(`${key}-${i}`, { ...content, name }, GUIDE_T0), GUIDE_T0, undefined).doc);
    if (docs.length === SLICE) localCloud.db.bulkInsert('guide_items', docs.splice(0) as unknown as Record<string, unknown>[]);
  }
  if (docs.length) localCloud.db.bulkInsert('guide_items', docs as unknown as Record<string, unknown>[]);
  return {};
}

/** The catalogue of `size` items, from the cache or generated into it. */
export function guideCatalogue(size: number): Promise<CachedDatabase<Record<string, never>>> {
  return cachedDatabase('guide', size, __filename, () => generate(size));
}
