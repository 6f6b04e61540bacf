// What the dashboard page shows, from stats.dashboard's answer: figure cards, a chart per figure, department rows
// and the two short lists, and the request for the period and department the user chose.
import type { DashboardCase, DashboardRequest, DashboardResponse, DashboardSeries, StatsPeriodKind } from '../../../typings/api';

export interface Card {
  key: string;
  label: string;
  text: string;
  detail: string;
}

export interface DepartmentRow {
  id: string;
  name: string;
  /** A few figures side by side, "收件量 12 件" ... */
  cells: Array<{ label: string; text: string }>;
}

/** The figures compared across departments on one row each. */
const ROW_FIGURES = ['received', 'answerOnTime', 'satisfied', 'templateOnly'];

export interface PeriodChoice {
  kind: StatsPeriodKind;
  from: string;
  to: string;
}

export function dashboardRequest(choice: PeriodChoice, departmentId: string): DashboardRequest {
  const req: DashboardRequest = { period: choice.kind };
  if (choice.kind === 'custom') {
    req.from = choice.from;
    req.to = choice.to;
  }
  if (departmentId) req.departmentId = departmentId;
  return req;
}

export function cardsOf(res: DashboardResponse): Card[] {
  return res.scope.figures.map((f) => ({ key: f.key, label: f.label, text: f.text, detail: f.detail }));
}

export function departmentRows(res: DashboardResponse): DepartmentRow[] {
  return res.departments.map((d) => ({
    id: d.departmentId ?? '',
    name: d.name,
    cells: ROW_FIGURES.map((k) => d.figures.find((f) => f.key === k)).filter((f) => f !== undefined).map((f) => ({ label: f.label, text: f.text })),
  }));
}

export function chartsOf(res: DashboardResponse): DashboardSeries[] {
  return res.series;
}

export function caseRows(items: DashboardCase[]): Array<DashboardCase & { meta: string }> {
  return items.map((c) => ({ ...c, meta: [c.trackingNo, c.departmentName, c.dueText].filter(Boolean).join(' · ') }));
}
