// The ids of the figures' documents: a day of case_daily ("20261125"), the Monday of its week in case_weekly, the
// first day of its month in case_monthly. Kept apart from the periods (stats-period.ts) because the bench's
// generator writes these documents and is versioned by what it imports (tools/bench/data-cache.ts).
import { addDays, weekday } from './calendar';

/** "20261125" from "2026-11-25": the case_daily id. */
export const compactDay = (day: string) => day.replace(/-/g, '');

/** "2026-11-25" from "20261125". */
export const isoDay = (id: string) => `${id.slice(0, 4)}-${id.slice(4, 6)}-${id.slice(6, 8)}`;

/** The Monday of the week holding `day`. */
export function mondayOf(day: string): string {
  return addDays(day, -((weekday(day) + 6) % 7));
}

/** The Monday ("20261123") of a day id's week: the case_weekly id. */
export const weekIdOf = (dayId: string): string => compactDay(mondayOf(isoDay(dayId)));

/** The first day ("20261101") of a day id's month: the case_monthly id. */
export const monthIdOf = (dayId: string): string => `${dayId.slice(0, 6)}01`;
