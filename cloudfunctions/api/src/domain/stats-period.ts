// Periods of the dashboard and the public statistics, in Shanghai calendar days ("2026-11-25").
import type { StatsPeriodKind } from '../../../../typings/api';
import { addDays, monthDayLabel, weekday } from './calendar';
import { compactDay, mondayOf } from './rollup-ids';

export { compactDay, isoDay, mondayOf, monthIdOf, weekIdOf } from './rollup-ids';

export const MAX_PERIOD_DAYS = 366;
/** Up to this many days a chart has a point per day; up to WEEKLY_POINTS_MAX a point per week; longer, per month. */
const DAILY_POINTS_MAX = 31;
/** A quarter at most (92 days): 14 weekly points. */
const WEEKLY_POINTS_MAX = 92;

export const PERIOD_LABELS: Record<StatsPeriodKind, string> = { week: '本周', month: '本月', quarter: '本季度', custom: '自定义' };

export interface Period {
  kind: StatsPeriodKind;
  from: string;
  to: string;
  label: string;
  granularity: 'day' | 'week' | 'month';
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The first day of the period of this kind holding `today` (weeks start on Monday). */
function periodStart(kind: Exclude<StatsPeriodKind, 'custom'>, today: string): string {
  if (kind === 'week') return mondayOf(today);
  if (kind === 'month') return `${today.slice(0, 8)}01`;
  const month = Number(today.slice(5, 7));
  const first = month - ((month - 1) % 3);
  return `${today.slice(0, 5)}${String(first).padStart(2, '0')}-01`;
}

const yearless = (day: string) => monthDayLabel(day);

/** The period asked for; `custom` needs from <= to (checked by the caller's schema and here). */
export function resolvePeriod(kind: StatsPeriodKind, today: string, custom?: { from: string; to: string }): Period {
  const from = kind === 'custom' ? custom!.from : periodStart(kind, today);
  const to = kind === 'custom' ? custom!.to : today;
  const days = daysBetween(from, to) + 1;
  const granularity = days > WEEKLY_POINTS_MAX ? 'month' : days > DAILY_POINTS_MAX ? 'week' : 'day';
  const label = `${PERIOD_LABELS[kind]}（${yearless(from)}至${yearless(to)}）`;
  return { kind, from, to, label, granularity };
}

/** A monthly point's label: "11月", with the year on the first point and on January ("2026年1月"). */
function monthPointLabel(day: string, first: boolean): string {
  const m = Number(day.slice(5, 7));
  return first || m === 1 ? `${day.slice(0, 4)}年${m}月` : `${m}月`;
}

/**
 * The chart's points: each a label and the days it sums, in order. Weeks run Monday to Sunday and months from their
 * first day, cut to the period.
 */
export function buckets(p: Period): Array<{ label: string; days: string[] }> {
  const out: Array<{ label: string; days: string[] }> = [];
  for (let d = p.from; d <= p.to; d = addDays(d, 1)) {
    const first = out.length === 0;
    if (p.granularity === 'day') out.push({ label: yearless(d), days: [] });
    else if (p.granularity === 'week' && (first || weekday(d) === 1)) out.push({ label: `${yearless(d)}起`, days: [] });
    else if (p.granularity === 'month' && (first || d.endsWith('-01'))) out.push({ label: monthPointLabel(d, first), days: [] });
    out[out.length - 1]!.days.push(d);
  }
  return out;
}


/** "2026-11": the months from `month` back, `count` of them. */
export function monthsBack(month: string, count: number): string[] {
  const out: string[] = [];
  let y = Number(month.slice(0, 4));
  let m = Number(month.slice(5, 7));
  for (let i = 0; i < count; i++) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}

export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** The first and last day of a month "2026-11". */
export function monthDays(month: string): { from: string; to: string } {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from: `${month}-01`, to: addDays(next, -1) };
}

/** The stored documents whose sum is a period's figures: whole months, then whole weeks, then single days (ids). */
export interface Cover {
  months: string[];
  weeks: string[];
  days: string[];
}

/**
 * The fewest rollups that sum exactly the days `from`..`to`: every calendar month inside the period as its month
 * document; what is left, as its Monday-to-Sunday weeks, except a week that would take the first day of a month the
 * period holds whole; the rest day by day. A year reads about 12 months, 8 weeks and 12 days.
 */
export function cover(from: string, to: string): Cover {
  const out: Cover = { months: [], weeks: [], days: [] };
  const wholeMonthStartsAt = (d: string) => d.endsWith('-01') && monthDays(d.slice(0, 7)).to <= to;
  let d = from;
  while (d <= to) {
    if (wholeMonthStartsAt(d)) {
      out.months.push(compactDay(d));
      d = addDays(monthDays(d.slice(0, 7)).to, 1);
      continue;
    }
    const sunday = addDays(d, 6);
    if (weekday(d) === 1 && sunday <= to && ![1, 2, 3, 4, 5, 6].some((i) => wholeMonthStartsAt(addDays(d, i)))) {
      out.weeks.push(compactDay(d));
      d = addDays(sunday, 1);
      continue;
    }
    out.days.push(compactDay(d));
    d = addDays(d, 1);
  }
  return out;
}
