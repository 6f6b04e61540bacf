// The statistics module: the staff dashboard and the public statistics (docs/statistics.md defines each figure).
import type { Instant } from '../domain';

/** A Shanghai calendar day, "2026-11-25". */
export type StatsDay = string;

export type StatsPeriodKind = 'week' | 'month' | 'quarter' | 'custom';

export interface DashboardRequest {
  /** This week, month or quarter up to today (Asia/Shanghai), or `from`..`to` inclusive (at most 366 days). */
  period: StatsPeriodKind;
  from?: StatsDay;
  to?: StatsDay;
  /** Staff who see every department may narrow to one; a handler always sees their own. */
  departmentId?: string;
}

export type DashboardFigureKey =
  | 'received'
  | 'acceptOnTime'
  | 'answered'
  | 'answerOnTime'
  | 'medianDays'
  | 'p90Days'
  | 'satisfied'
  | 'solved'
  | 'reopen'
  | 'extensions'
  | 'templateOnly';

/** One figure, with its label and its value written out by the server ("92.5%", "3 个工作日", "—"). */
export interface DashboardFigure {
  key: DashboardFigureKey;
  label: string;
  /** Null: nothing to compute it from in the period (e.g. no answer yet). Rates are 0..1. */
  value: number | null;
  text: string;
  /** What it is computed from, e.g. "37 / 40 件". */
  detail: string;
}

export interface DashboardScope {
  /** Absent: the whole agency. */
  departmentId?: string;
  name: string;
  figures: DashboardFigure[];
  /** Ratings by score, 1 to 5 (index 0 is score 1). */
  ratings: [number, number, number, number, number];
}

export interface DashboardSeries {
  key: DashboardFigureKey;
  label: string;
  /** 'rate' values are 0..1; 'count' and 'days' are as they are. */
  unit: 'count' | 'rate' | 'days';
  points: Array<{ label: string; value: number | null }>;
}

export interface DashboardCase {
  id: string;
  trackingNo: string;
  title: string;
  departmentName?: string;
  dueAt: Instant;
  /** "已超期 2 个工作日", "今日到期". */
  dueText: string;
}

export interface DashboardResponse {
  period: { kind: StatsPeriodKind; from: StatsDay; to: StatsDay; label: string; granularity: 'day' | 'week' | 'month' };
  /** The scope the charts and lists show: the department asked for (or the handler's own), else the agency. */
  scope: DashboardScope;
  /** Each department the caller may see, with its figures (a handler: their own only). */
  departments: DashboardScope[];
  series: DashboardSeries[];
  overdue: { count: number; items: DashboardCase[] };
  dueSoon: { count: number; items: DashboardCase[] };
  /** Whether the caller may choose a department (supervisors, admins, dispatchers). */
  mayChooseDepartment: boolean;
  periodOptions: Array<{ kind: StatsPeriodKind; label: string }>;
}

export interface PublicStatsRequest {
  /** "2026-11"; absent: the current month. */
  month?: string;
}

/** Figures of one department (or the agency) for a month; withheld when it received fewer than 5 cases. */
export interface PublicStatsRow {
  departmentId?: string;
  name: string;
  /** "样本过少" when withheld: the figures below are then null. */
  note?: string;
  received: number | null;
  answered: number | null;
  /** Answered on time / answered, "95.0%". */
  onTimeRate: string | null;
  /** Mean score of the ratings, "4.3 分" (of 5). */
  satisfaction: string | null;
  published: number | null;
}

export interface PublicStatsResponse {
  month: string;
  monthLabel: string;
  /** The months one may choose, newest first. */
  months: Array<{ value: string; label: string }>;
  overall: PublicStatsRow;
  departments: PublicStatsRow[];
  /** How the figures are counted, in a sentence for the citizen. */
  explanation: string;
}

export interface StatsActions {
  'stats.dashboard': { req: DashboardRequest; res: DashboardResponse };
  'stats.public': { req: PublicStatsRequest; res: PublicStatsResponse };
}
