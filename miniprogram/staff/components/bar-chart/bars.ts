// The bars of a chart from a series: each point's height as a share of the largest value, and its value in words.
import type { DashboardSeries } from '../../../../typings/api';

export interface Bar {
  label: string;
  /** 0..100, of the chart's height; 0 for an empty point. */
  height: number;
  text: string;
  empty: boolean;
}

export function valueText(unit: DashboardSeries['unit'], value: number | null): string {
  if (value === null) return '—';
  if (unit === 'rate') return `${Math.round(value * 100)}%`;
  return String(value);
}

export function barsOf(series: Pick<DashboardSeries, 'unit' | 'points'> | null): Bar[] {
  if (!series) return [];
  // Rates are drawn against 100%, so two charts of rates compare; counts and days against their largest point.
  const top = series.unit === 'rate' ? 1 : Math.max(0, ...series.points.map((p) => p.value ?? 0));
  return series.points.map((p) => ({
    label: p.label,
    // A small value still shows a sliver; zero shows none.
    height: !p.value || top === 0 ? 0 : Math.max(2, Math.round((p.value / top) * 100)),
    text: valueText(series.unit, p.value),
    empty: p.value === null,
  }));
}
