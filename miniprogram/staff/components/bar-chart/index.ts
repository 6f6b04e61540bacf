// A bar chart drawn with views (docs/adr/0081-dashboard-charts-with-views.md): a bar per point of one series, its
// value above it and its label below, each bar read out by screen readers.
import type { DashboardSeries } from '../../../../typings/api';
import { defineComponent } from '../../../utils/component';
import { barsOf, type Bar } from './bars';

defineComponent({
  props: { series: { type: Object, value: null as DashboardSeries | null } },
  data: { bars: [] as Bar[], dense: false },
  observers: {
    series(series: DashboardSeries | null) {
      const bars = barsOf(series);
      this.setData({ bars, dense: bars.length > 14 });
    },
  },
});
