// Display of instants. The server sends ISO 8601 in UTC; people read Beijing time whatever their phone's zone is,
// because the deadlines are the agency's. China has had no daylight saving since 1991: a fixed +8 hours is exact.

const OFFSET_MS = 8 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface ShanghaiParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function toMs(instant: string | number | Date): number {
  if (typeof instant === 'number') return instant;
  if (instant instanceof Date) return instant.getTime();
  return Date.parse(instant);
}

export function shanghaiParts(instant: string | number | Date): ShanghaiParts {
  const d = new Date(toMs(instant) + OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
}

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** "11月25日"; the year is added when it is not the current one ("2025年11月25日"). Empty for a missing or bad value. */
export function formatDate(instant: string | number | Date | undefined, now: number = Date.now()): string {
  if (instant === undefined || instant === '') return '';
  const ms = toMs(instant);
  if (Number.isNaN(ms)) return '';
  const p = shanghaiParts(ms);
  const year = p.year === shanghaiParts(now).year ? '' : `${p.year}年`;
  return `${year}${p.month}月${p.day}日`;
}

/** "11月25日 14:30" in Beijing time. */
export function formatDateTime(instant: string | number | Date | undefined, now: number = Date.now()): string {
  const date = formatDate(instant, now);
  if (!date) return '';
  const p = shanghaiParts(instant as string | number | Date);
  return `${date} ${pad(p.hour)}:${pad(p.minute)}`;
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
export function countdown(due: string | number | Date, now: number = Date.now()): Countdown {
  const left = toMs(due) - now;
  if (left > 0) return { text: `还剩 ${span(left)}`, late: false };
  return { text: left > -MINUTE ? '已到期' : `已超期 ${span(-left)}`, late: true };
}
