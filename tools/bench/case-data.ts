// The case benches' database (cases.bench.ts, dashboard.bench.ts): `total` generated cases with every event and the
// figures they fold into, taken from the cache (data-cache.ts) or generated into it, then opened by the local cloud in
// strict mode at the bench's clock. One file per size serves both benches.
import path from 'path';
import { performance } from 'perf_hooks';
import { localCloud } from '../local-cloud';
import { fixedCollections, Generator, NOW, type CaseDataMeta } from './case-generator';
import { cachedDatabase } from './data-cache';

const CHUNK = 10_000;
const GENERATOR = path.join(__dirname, 'case-generator.ts');

function generate(total: number): CaseDataMeta {
  for (const [collection, docs] of Object.entries(fixedCollections())) localCloud.db.bulkInsert(collection, docs);
  const gen = new Generator(total);
  let events = 0;
  for (let from = 0; from < total; from += CHUNK) {
    const chunk = gen.chunk(from, Math.min(total, from + CHUNK));
    localCloud.db.bulkInsert('cases', chunk.docs as unknown as Record<string, unknown>[]);
    localCloud.db.bulkInsert('case_events', chunk.events as unknown as Record<string, unknown>[]);
    events += chunk.events.length;
  }
  localCloud.db.bulkInsert('case_stats', [...gen.stats].map(([scope, counts]) => ({ _id: scope, counts })));
  const { weekly, monthly } = gen.rollups();
  localCloud.db.bulkInsert('case_daily', [...gen.daily.values()] as unknown as Record<string, unknown>[]);
  localCloud.db.bulkInsert('case_weekly', weekly as unknown as Record<string, unknown>[]);
  localCloud.db.bulkInsert('case_monthly', monthly as unknown as Record<string, unknown>[]);
  return { total, events, days: gen.daily.size, getSamples: gen.getSamples };
}

export interface OpenedCaseData {
  meta: CaseDataMeta;
  /** how the data came: "generated in 312 s" or "from the cache" */
  origin: string;
  /** RSS right after generating (the generator's own high-water mark), or null when taken from the cache */
  generatorRss: number | null;
}

/** Opens the local cloud on the cached database of `total` cases (generating it first if needed), strict, clock at NOW. */
export async function openCaseData(total: number): Promise<OpenedCaseData> {
  const t0 = performance.now();
  let generatorRss: number | null = null;
  const cached = await cachedDatabase('cases', total, GENERATOR, () => {
    const meta = generate(total);
    generatorRss = process.memoryUsage().rss;
    return meta;
  });
  localCloud.configure({ filename: cached.file, strict: { threshold: 0 } });
  localCloud.clock.set(NOW, { frozen: true });
  const seconds = (performance.now() - t0) / 1000;
  return {
    meta: cached.meta,
    origin: cached.generated ? `generated and stored in ${seconds.toFixed(0)} s` : `opened from the cache in ${seconds.toFixed(1)} s`,
    generatorRss,
  };
}
