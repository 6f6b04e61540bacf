// Periods of the dashboard and the public statistics, in Shanghai calendar days ("2026-11-25").
import type { StatsPeriodKind } from '../../../../typings/api';
import { addDays, monthDayLabel, weekday } from './calendar';

export const MAX_PERIOD_DAYS = 366;
/** Up to this many days a chart has a point per day; longer periods have a point per week. */
const DAILY_POINTS_MAX = 31;

export const PERIOD_LABELS: Record<StatsPeriodKind, string> = { week: '本周', month: '本月', quarter: '本季度', custom: '自定义' };

export interface Period {
  kind: StatsPeriodKind;
  from: string;
  to: string;
  label: string;
  granularity: 'day' | 'week';
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The Monday of the week holding `day`. */
export function mondayOf(day: string): string {
  return addDays(day, -((weekday(day) + 6) % 7));
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
  const granularity = daysBetween(from, to) + 1 > DAILY_POINTS_MAX ? 'week' : 'day';
  const label = `${PERIOD_LABELS[kind]}（${yearless(from)}至${yearless(to)}）`;
  return { kind, from, to, label, granularity };
}

/** The chart's points: each a label and the days it sums, in order. Weeks run Monday to Sunday, cut to the period. */
export function buckets(p: Period): Array<{ label: string; days: string[] }> {
  const out: Array<{ label: string; days: string[] }> = [];
  for (let d = p.from; d <= p.to; d = addDays(d, 1)) {
    const startsBucket = p.granularity === 'day' || out.length === 0 || weekday(d) === 1;
    if (startsBucket) out.push({ label: p.granularity === 'day' ? yearless(d) : `${yearless(d)}起`, days: [] });
    out[out.length - 1]!.days.push(d);
  }
  return out;
}

/** "20261125" from "2026-11-25": the case_daily id. */
export const compactDay = (day: string) => day.replace(/-/g, '');

/** "2026-11-25" from "20261125". */
export const isoDay = (id: string) => `${id.slice(0, 4)}-${id.slice(4, 6)}-${id.slice(6, 8)}`;

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
