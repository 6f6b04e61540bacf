// Demo data for `npm start`, the screenshots and the e2e tests, written through the real SDK inside the local cloud
// (as the cloud console or an admin's edits would). Each feature adds its seeder to SEEDERS, in the order they must
// run: `{ name: 'cases', run: seedCases }` from tools/seed/cases.ts, and so on.
import sdk from '../local-cloud/sdk';
import { localCloud } from '../local-cloud';
import { seedAnnouncements } from './announcements';
import { seedCases } from './cases';
import { seedCatalog } from './catalog';
import { seedGuide } from './guide';
import { seedPolicies } from './policies';
import { DEMO_IDENTITIES } from './identities';
import { seedStaff } from './staff';
import { seedStats } from './stats';
import { seedSurveys } from './surveys';
import { seedExports } from './exports';

export interface SeedContext {
  db: ReturnType<typeof sdk.database>;
  /** The local cloud's clock when seeding started (so "days ago" data follows a frozen clock). */
  now: Date;
  identities: typeof DEMO_IDENTITIES;
}

export interface Seeder {
  name: string;
  run(ctx: SeedContext): Promise<void>;
}

export const SEEDERS: Seeder[] = [
  { name: 'catalog', run: seedCatalog },
  { name: 'staff', run: seedStaff },
  { name: 'cases', run: seedCases },
  { name: 'stats', run: seedStats },
  { name: 'policies', run: seedPolicies },
  { name: 'guide', run: seedGuide },
  { name: 'surveys', run: seedSurveys },
  { name: 'exports', run: seedExports },
  { name: 'announcements', run: seedAnnouncements },
];

/** Runs every seeder, in order, in the local cloud configured by the caller (an admin-less console context). */
export async function seedDemo(seeders: readonly Seeder[] = SEEDERS): Promise<void> {
  for (const seeder of seeders) {
    try {
      await localCloud.invoke(async () => {
        sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
        await seeder.run({ db: sdk.database(), now: localCloud.clock.now(), identities: DEMO_IDENTITIES });
      }, {});
    } catch (error) {
      throw new Error(`seed ${seeder.name} failed: ${(error as Error).message}`, { cause: error });
    }
  }
}

/** True when the demo agency is already there (departments exist): `npm start` seeds only the first time. */
export function isSeeded(): boolean {
  return localCloud.db.collectionSize('departments') > 0;
}
