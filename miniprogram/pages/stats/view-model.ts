// A row of the public statistics as the page lays it out: the figures with their labels, or the withheld note.
import type { PublicStatsRow } from '../../../typings/api';

export interface StatsRowView {
  id: string;
  name: string;
  note: string;
  cells: Array<{ label: string; text: string }>;
}

export function statsRow(r: PublicStatsRow): StatsRowView {
  const show = (v: number | string | null, unit = '') => (v === null ? '—' : `${v}${unit}`);
  return {
    id: r.departmentId ?? 'all',
    name: r.name,
    note: r.note ?? '',
    cells: r.note
      ? []
      : [
          { label: '收件', text: show(r.received, ' 件') },
          { label: '答复', text: show(r.answered, ' 件') },
          { label: '按时办结率', text: show(r.onTimeRate) },
          { label: '满意度', text: show(r.satisfaction) },
          { label: '公开信件', text: show(r.published, ' 件') },
        ],
  };
}
