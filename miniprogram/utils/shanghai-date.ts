// Calendar dates of official documents and comment windows, in Asia/Shanghai. utils/time.ts formats the instants of
// cases (short, year only when not the current one); a policy or a draft is cited with its full date, and the draft
// editor needs calendar arithmetic (YYYY-MM-DD fields, days between, the instants a Shanghai day starts). China has had
// no daylight saving time since 1991, so a fixed +08:00 offset is exact and avoids Intl, which some base libraries lack.

const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const CALENDAR = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface ShanghaiParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

function toMs(instant: string | number | Date): number {
  if (instant instanceof Date) return instant.getTime();
  if (typeof instant === 'number') return instant;
  return Date.parse(instant);
}

/** Wall-clock parts in Asia/Shanghai, or null for a missing or unreadable instant. */
export function shanghaiParts(instant: string | number | Date | undefined | null): ShanghaiParts | null {
  if (instant === undefined || instant === null || instant === '') return null;
  const ms = toMs(instant);
  if (!Number.isFinite(ms)) return null;
  const d = new Date(ms + OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: d.getUTCDay(),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026年11月25日"; '' when there is no date to show. */
export function formatFullDate(instant: string | number | Date | undefined | null): string {
  const p = shanghaiParts(instant);
  return p ? `${p.year}年${p.month}月${p.day}日` : '';
}

/** "2026年11月25日 09:05". */
export function formatFullDateTime(instant: string | number | Date | undefined | null): string {
  const p = shanghaiParts(instant);
  return p ? `${p.year}年${p.month}月${p.day}日 ${pad(p.hour)}:${pad(p.minute)}` : '';
}

/** Whether a string is a real calendar date YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(value: string | undefined | null): value is string {
  if (!value) return false;
  const m = CALENDAR.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/** A calendar date field (issued, effective, expiry dates are plain dates, not instants): "2026年11月25日". */
export function formatCalendarDate(value: string | undefined | null): string {
  if (!isCalendarDate(value)) return '';
  const [y, m, d] = value.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The calendar date in Asia/Shanghai of an instant, as YYYY-MM-DD. */
export function calendarDateOf(instant: string | number | Date): string {
  const p = shanghaiParts(instant);
  if (!p) throw new Error(`not an instant: ${String(instant)}`);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

function dateUtcMs(date: string): number {
  if (!isCalendarDate(date)) throw new Error(`not a calendar date: ${date}`);
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

/** date + n days, as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const d = new Date(dateUtcMs(date) + days * DAY_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateUtcMs(to) - dateUtcMs(from)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday, for a calendar date. */
export function weekdayOf(date: string): number {
  return new Date(dateUtcMs(date)).getUTCDay();
}

/** The instant a Shanghai calendar day starts (00:00 +08:00), as an ISO string in UTC. */
export function startOfDay(date: string): string {
  return new Date(dateUtcMs(date) - OFFSET_MS).toISOString();
}

/** The last millisecond of a Shanghai calendar day (23:59:59.999 +08:00), as an ISO string in UTC. */
export function endOfDay(date: string): string {
  return new Date(dateUtcMs(date) + DAY_MS - 1 - OFFSET_MS).toISOString();
}
