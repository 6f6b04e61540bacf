// Dates and times in Beijing time (Asia/Shanghai), one implementation per job. The server sends ISO 8601 instants in
// UTC; people read Beijing time whatever their phone's zone is, because the deadlines and the documents are the
// agency's. China has had no daylight saving since 1991: a fixed +8 hours is exact, and avoids Intl, which some base
// libraries lack.
//   cases      formatDate "11月25日" (the year only when it is not this one), formatDateTime "11月25日 14:30", countdown
//   documents  formatFullDate "2026年11月25日", formatFullDateTime "2026年11月25日 09:05", formatCalendarDate (a date field)
//   calendar   YYYY-MM-DD days for the draft editor and the holiday calendar: isCalendarDate, calendarDateOf, addDays,
//              daysBetween, weekdayOf, formatDayOfWeek "1月1日 周四", startOfDay, endOfDay

type Instant = string | number | Date;

const OFFSET_MS = 8 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const CALENDAR = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface ShanghaiParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
}

/** The wall-clock numbers; the weekday follows from the date and is worked out when asked for. */
class Parts implements ShanghaiParts {
  constructor(
    readonly year: number,
    readonly month: number,
    readonly day: number,
    readonly hour: number,
    readonly minute: number,
  ) {}

  get weekday(): number {
    return weekdayOf(calendarDate(this.year, this.month, this.day));
  }
}

function toMs(instant: Instant): number {
  if (instant instanceof Date) return instant.getTime();
  if (typeof instant === 'number') return instant;
  return Date.parse(instant);
}

/** Wall-clock parts in Beijing time, or null for a missing or unreadable instant. */
export function shanghaiParts(instant: Instant | undefined | null): ShanghaiParts | null {
  if (instant === undefined || instant === null || instant === '') return null;
  const ms = toMs(instant);
  if (!Number.isFinite(ms)) return null;
  const d = new Date(ms + OFFSET_MS);
  return new Parts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes());
}

const pad = (n: number): string => String(n).padStart(2, '0');

function dayText(p: Pick<ShanghaiParts, 'year' | 'month' | 'day'>, withYear: boolean): string {
  return `${withYear ? `${p.year}年` : ''}${p.month}月${p.day}日`;
}

const clockText = (p: ShanghaiParts): string => `${pad(p.hour)}:${pad(p.minute)}`;

/** Whether the instant falls in another year than `now` (Beijing time): then a short date names its year. */
function otherYear(p: ShanghaiParts, now: number): boolean {
  return p.year !== shanghaiParts(now)?.year;
}

/** "11月25日"; the year is added when it is not the current one ("2025年11月25日"). Empty for a missing or bad value. */
export function formatDate(instant: Instant | undefined | null, now: number = Date.now()): string {
  const p = shanghaiParts(instant);
  return p ? dayText(p, otherYear(p, now)) : '';
}

/** "11月25日 14:30" in Beijing time. */
export function formatDateTime(instant: Instant | undefined | null, now: number = Date.now()): string {
  const p = shanghaiParts(instant);
  return p ? `${dayText(p, otherYear(p, now))} ${clockText(p)}` : '';
}

/** "2026年11月25日": how a document or a comment window is dated; '' when there is no date to show. */
export function formatFullDate(instant: Instant | undefined | null): string {
  const p = shanghaiParts(instant);
  return p ? dayText(p, true) : '';
}

/** "2026年11月25日 09:05". */
export function formatFullDateTime(instant: Instant | undefined | null): string {
  const p = shanghaiParts(instant);
  return p ? `${dayText(p, true)} ${clockText(p)}` : '';
}

export interface Countdown {
  /** "还剩 2 天 3 小时", "还剩 45 分钟", "已超期 1 天 2 小时". */
  text: string;
  late: boolean;
}

function span(ms: number): string {
  if (ms >= DAY) {
    const days = Math.floor(ms / DAY);
    const hours = Math.floor((ms % DAY) / HOUR);
    return hours ? `${days} 天 ${hours} 小时` : `${days} 天`;
  }
  if (ms >= HOUR) {
    const hours = Math.floor(ms / HOUR);
    const minutes = Math.floor((ms % HOUR) / MINUTE);
    return minutes ? `${hours} 小时 ${minutes} 分钟` : `${hours} 小时`;
  }
  return `${Math.max(1, Math.floor(ms / MINUTE))} 分钟`;
}

/** Calendar time left until `due` (the promise is in working days, but people plan by the clock). */
export function countdown(due: Instant, now: number = Date.now()): Countdown {
  const left = toMs(due) - now;
  if (left > 0) return { text: `还剩 ${span(left)}`, late: false };
  return { text: left > -MINUTE ? '已到期' : `已超期 ${span(-left)}`, late: true };
}

// ---- calendar days (YYYY-MM-DD) ----

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
  const [year, month, day] = value.split('-').map(Number);
  return dayText({ year, month, day }, true);
}

function calendarDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The calendar date in Beijing time of an instant, as YYYY-MM-DD. */
export function calendarDateOf(instant: Instant): string {
  const p = shanghaiParts(instant);
  if (!p) throw new Error(`not an instant: ${String(instant)}`);
  return calendarDate(p.year, p.month, p.day);
}

function dateUtcMs(date: string): number {
  if (!isCalendarDate(date)) throw new Error(`not a calendar date: ${date}`);
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

/** date + n days, as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const d = new Date(dateUtcMs(date) + days * DAY);
  return calendarDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateUtcMs(to) - dateUtcMs(from)) / DAY);
}

/** 0 = Sunday … 6 = Saturday, for a calendar date. */
export function weekdayOf(date: string): number {
  return new Date(dateUtcMs(date)).getUTCDay();
}

const WEEKDAY_NAMES = '日一二三四五六';

/** "1月1日 周四": a day of the holiday calendar, whose weekday is what matters. */
export function formatDayOfWeek(date: string): string {
  const [, month, day] = date.split('-').map(Number);
  return `${month}月${day}日 周${WEEKDAY_NAMES[weekdayOf(date)]}`;
}

/** The instant a Beijing calendar day starts (00:00 +08:00), as an ISO string in UTC. */
export function startOfDay(date: string): string {
  return new Date(dateUtcMs(date) - OFFSET_MS).toISOString();
}

/** The last millisecond of a Beijing calendar day (23:59:59.999 +08:00), as an ISO string in UTC. */
export function endOfDay(date: string): string {
  return new Date(dateUtcMs(date) + DAY - 1 - OFFSET_MS).toISOString();
}
