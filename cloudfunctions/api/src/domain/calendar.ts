// The working-day engine. Deadlines in Chinese administration count working days on the official calendar: weekends
// are off unless the State Council swaps them into working days (调休), official holidays are off even on weekdays.
// Everything happens in Asia/Shanghai, which is UTC+8 all year (no daylight saving), so a fixed offset is exact.
// Days are 'YYYY-MM-DD' strings of the Shanghai calendar; instants are Date objects or ISO strings in UTC.

export const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;
/** Safety bound: a calendar that closes every day for a year is a configuration error, not an infinite loop. */
const MAX_SCAN_DAYS = 400;

export interface WorkCalendar {
  readonly holidays: ReadonlySet<string>;
  readonly workdays: ReadonlySet<string>;
}

export function makeCalendar(input: { holidays: readonly string[]; workdays: readonly string[] }): WorkCalendar {
  return { holidays: new Set(input.holidays), workdays: new Set(input.workdays) };
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isValidDay(day: string): boolean {
  const m = DAY_RE.exec(day);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === day;
}

function toMs(instant: Date | string): number {
  return typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
}

/** The Shanghai calendar day an instant falls on. */
export function shanghaiDay(instant: Date | string): string {
  return new Date(toMs(instant) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

function dayIndex(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / DAY_MS;
}

export function addDays(day: string, n: number): string {
  return new Date((dayIndex(day) + n) * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

const WEEKDAY_LABELS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

export function weekdayLabel(day: string): string {
  return WEEKDAY_LABELS[weekday(day)]!;
}

export function isWorkingDay(day: string, cal: WorkCalendar): boolean {
  if (cal.workdays.has(day)) return true;
  if (cal.holidays.has(day)) return false;
  const w = weekday(day);
  return w !== 0 && w !== 6;
}

/** The n-th working day after `day` (not counting `day` itself); n = 0 answers `day`. */
export function addWorkingDays(day: string, n: number, cal: WorkCalendar): string {
  let d = day;
  let left = n;
  let scanned = 0;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d, cal)) left--;
    if (++scanned > n + MAX_SCAN_DAYS) throw new Error(`working-day calendar has no working day after ${day}`);
  }
  return d;
}

/** The last working day strictly before `day`. */
export function previousWorkingDay(day: string, cal: WorkCalendar): string {
  let d = day;
  for (let i = 0; i < MAX_SCAN_DAYS; i++) {
    d = addDays(d, -1);
    if (isWorkingDay(d, cal)) return d;
  }
  throw new Error(`working-day calendar has no working day before ${day}`);
}

/** Working days d with from <= d < to (0 when to <= from). */
export function workingDaysBetween(from: string, to: string, cal: WorkCalendar): number {
  let n = 0;
  for (let d = from; d < to; d = addDays(d, 1)) if (isWorkingDay(d, cal)) n++;
  return n;
}

/** The last millisecond of a Shanghai day: a deadline "by 11月30日" holds until 23:59:59.999 that day. */
export function endOfDay(day: string): Date {
  return new Date(dayIndex(day) * DAY_MS + DAY_MS - SHANGHAI_OFFSET_MS - 1);
}

/** A given Shanghai wall-clock hour of a day, as an instant. */
export function atHour(day: string, hour: number): Date {
  return new Date(dayIndex(day) * DAY_MS + hour * 3600_000 - SHANGHAI_OFFSET_MS);
}

/** "11月30日" */
export function monthDayLabel(day: string): string {
  return `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
}

/** "11月30日（周一）" */
export function dayLabel(day: string): string {
  return `${monthDayLabel(day)}（${weekdayLabel(day)}）`;
}

/** "2026-11-30 14:05", Shanghai time, for messages. */
export function shanghaiDateTime(instant: Date | string): string {
  return new Date(toMs(instant) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
