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

// Deadline questions are asked on every list row (how late, due when), so the calendar is compiled once into a table
// of working days and their running count over 2000–2100: a lookup instead of a walk over the days. Dates outside the
// table fall back to the same rules day by day.
const TABLE_START = 10957; // 2000-01-01, in days since 1970-01-01
const TABLE_DAYS = 36890; // to 2100-12-31

interface Compiled {
  working: Uint8Array;
  /** cumulative[i] = working days in [TABLE_START, TABLE_START + i) */
  cumulative: Int32Array;
}

const compiled = new WeakMap<WorkCalendar, Compiled>();
const byContent = new Map<string, WorkCalendar>();

export function makeCalendar(input: { holidays: readonly string[]; workdays: readonly string[] }): WorkCalendar {
  // Settings are read per request; the same calendar text gets the same compiled calendar.
  const key = `${input.holidays.join(',')}|${input.workdays.join(',')}`;
  const known = byContent.get(key);
  if (known) return known;
  const cal: WorkCalendar = { holidays: new Set(input.holidays), workdays: new Set(input.workdays) };
  if (byContent.size >= 8) byContent.delete(byContent.keys().next().value!);
  byContent.set(key, cal);
  return cal;
}

function compile(cal: WorkCalendar): Compiled {
  let c = compiled.get(cal);
  if (c) return c;
  const working = new Uint8Array(TABLE_DAYS);
  for (let i = 0; i < TABLE_DAYS; i++) {
    const w = (TABLE_START + i + 4) % 7; // 1970-01-01 was a Thursday
    working[i] = w === 0 || w === 6 ? 0 : 1;
  }
  const mark = (days: ReadonlySet<string>, value: number) => {
    for (const d of days) {
      const i = (DAY_RE.test(d) ? dayIndex(d) : NaN) - TABLE_START;
      if (i >= 0 && i < TABLE_DAYS) working[i] = value;
    }
  };
  mark(cal.holidays, 0);
  mark(cal.workdays, 1);
  const cumulative = new Int32Array(TABLE_DAYS + 1);
  for (let i = 0; i < TABLE_DAYS; i++) cumulative[i + 1] = cumulative[i]! + working[i]!;
  c = { working, cumulative };
  compiled.set(cal, c);
  return c;
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

/** Days since 1970-01-01 of a YYYY-MM-DD day (civil-calendar arithmetic: no Date object, it runs per row). */
function dayIndex(day: string): number {
  let y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const d = Number(day.slice(8, 10));
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function dayOf(index: number): string {
  return new Date(index * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return dayOf(dayIndex(day) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  return (((dayIndex(day) + 4) % 7) + 7) % 7;
}

const WEEKDAY_LABELS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

export function weekdayLabel(day: string): string {
  return WEEKDAY_LABELS[weekday(day)]!;
}

function workingAt(index: number, cal: WorkCalendar): boolean {
  const i = index - TABLE_START;
  if (i >= 0 && i < TABLE_DAYS) return compile(cal).working[i] === 1;
  const day = dayOf(index);
  if (cal.workdays.has(day)) return true;
  if (cal.holidays.has(day)) return false;
  const w = (((index + 4) % 7) + 7) % 7;
  return w !== 0 && w !== 6;
}

export function isWorkingDay(day: string, cal: WorkCalendar): boolean {
  return workingAt(dayIndex(day), cal);
}

/** The n-th working day after `day` (not counting `day` itself); n = 0 answers `day`. */
export function addWorkingDays(day: string, n: number, cal: WorkCalendar): string {
  let d = dayIndex(day);
  let left = n;
  let scanned = 0;
  while (left > 0) {
    d++;
    if (workingAt(d, cal)) left--;
    if (++scanned > n + MAX_SCAN_DAYS) throw new Error(`working-day calendar has no working day after ${day}`);
  }
  return dayOf(d);
}

/** The last working day strictly before `day`. */
export function previousWorkingDay(day: string, cal: WorkCalendar): string {
  let d = dayIndex(day);
  for (let i = 0; i < MAX_SCAN_DAYS; i++) {
    d--;
    if (workingAt(d, cal)) return dayOf(d);
  }
  throw new Error(`working-day calendar has no working day before ${day}`);
}

/** Working days d with from <= d < to (0 when to <= from). */
export function workingDaysBetween(from: string, to: string, cal: WorkCalendar): number {
  return countWorking(dayIndex(from), dayIndex(to), cal);
}

/** Working days after the Shanghai day of `since` up to and including the day of `until` (how late, on list rows). */
export function workingDaysSince(since: Date | string, until: Date | string, cal: WorkCalendar): number {
  const day = (t: Date | string) => Math.floor((toMs(t) + SHANGHAI_OFFSET_MS) / DAY_MS);
  return countWorking(day(since) + 1, day(until) + 1, cal);
}

function countWorking(a: number, b: number, cal: WorkCalendar): number {
  if (b <= a) return 0;
  if (a >= TABLE_START && b <= TABLE_START + TABLE_DAYS) {
    const { cumulative } = compile(cal);
    return cumulative[b - TABLE_START]! - cumulative[a - TABLE_START]!;
  }
  let n = 0;
  for (let d = a; d < b; d++) if (workingAt(d, cal)) n++;
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
