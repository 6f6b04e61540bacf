// 办理统计: each department's figures for a month, readable without signing in. Only figures; a department with too
// few cases in the month shows the server's "样本过少" instead of numbers.
import type { PublicStatsRow } from '../../../typings/api';
import { call } from '../../services/api';
import { loadInto, loadsOneAnswer } from '../../utils/load';
import { valueOf, type DetailEvent } from '../../utils/events';
import { definePage } from '../../utils/page';
import { statsRow, type StatsRowView } from './view-model';

definePage({
  data: {
    loading: true,
    error: '',
    month: '',
    monthLabel: '',
    months: [] as Array<{ value: string; label: string }>,
    monthNames: [] as string[],
    monthIndex: 0,
    /** The agency first, then each department. */
    rows: [] as StatsRowView[],
    explanation: '',
  },
  ...loadsOneAnswer,
  methods: {
    load() {
      return loadInto(this, async () => {
        const res = await call('stats.public', this.data.month ? { month: this.data.month } : {});
        return {
          month: res.month,
          monthLabel: res.monthLabel,
          months: res.months,
          monthNames: res.months.map((m) => m.label),
          monthIndex: Math.max(0, res.months.findIndex((m) => m.value === res.month)),
          rows: [res.overall, ...res.departments].map((r: PublicStatsRow) => statsRow(r)),
          explanation: res.explanation,
        };
      });
    },
    onRetry() {
      void this.load();
    },
    onMonth(e: DetailEvent<unknown>) {
      const picked = this.data.months[Number(valueOf(e.detail))];
      if (!picked || picked.value === this.data.month) return;
      this.setData({ month: picked.value });
      void this.load();
    },
  },
});
