// 数据看板: a period's figures (overall, or one department), a chart per figure over time, each department's row,
// and the cases overdue now or due today, each opening the case. One stats.dashboard call per change of choice.
import type { DashboardCase, DashboardSeries, StatsPeriodKind } from '../../../typings/api';
import { call } from '../../services/api';
import { getMe } from '../../services/session';
import { loadInto, loadsOneAnswer } from '../../utils/load';
import { dataOf, valueOf, type DetailEvent } from '../../utils/events';
import { definePage } from '../../utils/page';
import { caseRows, cardsOf, chartsOf, dashboardRequest, departmentRows, type Card, type DepartmentRow } from './view-model';

definePage({
  data: {
    loading: true,
    error: '',
    periodLabel: '',
    periods: [] as Array<{ kind: StatsPeriodKind; label: string }>,
    kind: 'month' as StatsPeriodKind,
    from: '',
    to: '',
    mayChooseDepartment: false,
    departments: [] as Array<{ id: string; name: string }>,
    departmentNames: [] as string[],
    departmentIndex: 0,
    scopeName: '',
    cards: [] as Card[],
    charts: [] as DashboardSeries[],
    rows: [] as DepartmentRow[],
    overdue: [] as Array<DashboardCase & { meta: string }>,
    overdueCount: 0,
    dueSoon: [] as Array<DashboardCase & { meta: string }>,
    dueSoonCount: 0,
    mayExport: false,
  },
  ...loadsOneAnswer,
  onLoad() {
    loadsOneAnswer.onLoad.call(this);
    // The session is read once per launch: no call of its own.
    void getMe()
      .then((me) => this.setData({ mayExport: me.roles.some((r) => r === 'supervisor' || r === 'admin') }))
      .catch(() => undefined);
  },
  methods: {
    load() {
      const department = this.data.departments[this.data.departmentIndex];
      return loadInto(this, async () => {
        const res = await call('stats.dashboard', dashboardRequest({ kind: this.data.kind, from: this.data.from, to: this.data.to }, department ? department.id : ''));
        // The department list is kept from the first answer (all of them), so narrowing to one keeps the choice.
        const departments = this.data.departments.length > 0 ? this.data.departments : [{ id: '', name: '全部单位' }, ...res.departments.map((d) => ({ id: d.departmentId ?? '', name: d.name }))];
        return {
          periodLabel: res.period.label,
          periods: res.periodOptions,
          from: res.period.from,
          to: res.period.to,
          mayChooseDepartment: res.mayChooseDepartment,
          departments,
          departmentNames: departments.map((d) => d.name),
          scopeName: res.scope.name,
          cards: cardsOf(res),
          charts: chartsOf(res),
          rows: departmentRows(res),
          overdue: caseRows(res.overdue.items),
          overdueCount: res.overdue.count,
          dueSoon: caseRows(res.dueSoon.items),
          dueSoonCount: res.dueSoon.count,
        };
      });
    },
    onRetry() {
      void this.load();
    },
    onPeriod(e: WechatMiniprogram.BaseEvent) {
      const kind = dataOf(e, 'kind') as StatsPeriodKind;
      if (kind === this.data.kind && kind !== 'custom') return;
      this.setData({ kind });
      void this.load();
    },
    onFrom(e: DetailEvent<unknown>) {
      this.setData({ kind: 'custom', from: valueOf(e.detail) });
      if (this.data.from <= this.data.to) void this.load();
    },
    onTo(e: DetailEvent<unknown>) {
      this.setData({ kind: 'custom', to: valueOf(e.detail) });
      if (this.data.from <= this.data.to) void this.load();
    },
    onDepartment(e: DetailEvent<unknown>) {
      const index = Number(valueOf(e.detail));
      if (!this.data.departments[index] || index === this.data.departmentIndex) return;
      this.setData({ departmentIndex: index });
      void this.load();
    },
    onOpenExports() {
      void wx.navigateTo({ url: '/staff/exports/index' });
    },

    onOpenCase(e: WechatMiniprogram.BaseEvent) {
      void wx.navigateTo({ url: `/staff/case/index?id=${encodeURIComponent(dataOf(e, 'id'))}` });
    },
  },
});
