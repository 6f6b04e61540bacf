// Daily figures summed into the dashboard's figures, with their labels and written-out values (docs/statistics.md).
import type { DashboardFigure, DashboardFigureKey, DashboardScope, DashboardSeries } from '../../../../../typings/api';
import { rates, ratedCount, workDaysQuantile, type DailyDoc, type DayFigures } from '../../domain/case-figures';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const count = (v: number) => `${v} 件`;
const days = (v: number | null) => (v === null ? '—' : `${v} 个工作日`);

interface FigureDef {
  label: string;
  unit: DashboardSeries['unit'];
  value: (f: DayFigures) => number | null;
  text: (v: number | null) => string;
  detail: (f: DayFigures) => string;
}

const c = (f: DayFigures, k: string) => f[k] ?? 0;
const answered = (f: DayFigures) => c(f, 'answered');

export const FIGURES: Record<DashboardFigureKey, FigureDef> = {
  received: { label: '收件量', unit: 'count', value: (f) => c(f, 'received'), text: (v) => count(v ?? 0), detail: () => '新收诉求' },
  acceptOnTime: {
    label: '按时受理率',
    unit: 'rate',
    value: (f) => rates(f).acceptOnTime,
    text: pct,
    detail: (f) => `${c(f, 'acceptOnTime')} / ${c(f, 'acceptDecided')} 件按时受理`,
  },
  answered: { label: '答复量', unit: 'count', value: answered, text: (v) => count(v ?? 0), detail: () => '已答复（含重办后再答复）' },
  answerOnTime: {
    label: '按时办结率',
    unit: 'rate',
    value: (f) => rates(f).answerOnTime,
    text: pct,
    detail: (f) => `${c(f, 'answeredOnTime')} / ${answered(f)} 件按时答复`,
  },
  medianDays: { label: '办理用时中位数', unit: 'days', value: (f) => workDaysQuantile(f, 0.5), text: days, detail: () => '从提交到答复' },
  p90Days: { label: '办理用时 P90', unit: 'days', value: (f) => workDaysQuantile(f, 0.9), text: days, detail: () => '九成答复不超过' },
  satisfied: {
    label: '满意率',
    unit: 'rate',
    value: (f) => rates(f).satisfied,
    text: pct,
    detail: (f) => `${c(f, 'score4') + c(f, 'score5')} / ${ratedCount(f)} 件评价为满意或基本满意`,
  },
  solved: { label: '解决率', unit: 'rate', value: (f) => rates(f).solved, text: pct, detail: (f) => `${c(f, 'solved')} / ${ratedCount(f)} 件评价为已解决` },
  reopen: { label: '重办率', unit: 'rate', value: (f) => rates(f).reopen, text: pct, detail: (f) => `${c(f, 'reopened')} / ${answered(f)} 件重新办理` },
  extensions: { label: '延期次数', unit: 'count', value: (f) => c(f, 'extensions'), text: (v) => `${v ?? 0} 次`, detail: () => '批准的延期' },
  templateOnly: {
    label: '模板答复率',
    unit: 'rate',
    value: (f) => rates(f).templateOnly,
    text: pct,
    detail: (f) => `${c(f, 'templateOnly')} / ${answered(f)} 件只套用模板；${c(f, 'templated')} 件基于模板`,
  },
};

export const FIGURE_ORDER = Object.keys(FIGURES) as DashboardFigureKey[];

export function figureList(f: DayFigures): DashboardFigure[] {
  return FIGURE_ORDER.map((key) => {
    const def = FIGURES[key];
    const value = def.value(f);
    return { key, label: def.label, value: value === null ? null : Number(value.toFixed(4)), text: def.text(value), detail: def.detail(f) };
  });
}

// `for...in` rather than addFigures' entry arrays: a dashboard adds a few thousand figures per call.
function addInto(into: DayFigures, from: DayFigures | undefined): void {
  if (from) for (const k in from) into[k] = (into[k] ?? 0) + from[k]!;
}

/** One department's (or, with no id, the agency's) figures summed over the days. */
export function sumScope(days: readonly DailyDoc[], departmentId?: string): DayFigures {
  const total: DayFigures = {};
  for (const d of days) addInto(total, departmentId ? d.depts?.[departmentId] : d.all);
  return total;
}

/** Every scope's figures summed over the documents in one pass: the agency's (key '') and each department's. */
export function sumScopes(docs: readonly DailyDoc[]): Map<string, DayFigures> {
  const sums = new Map<string, DayFigures>();
  const into = (scope: string) => {
    let f = sums.get(scope);
    if (!f) sums.set(scope, (f = {}));
    return f;
  };
  for (const d of docs) {
    if (d.all) addInto(into(''), d.all);
    for (const dept in d.depts ?? {}) addInto(into(dept), d.depts[dept]);
  }
  return sums;
}

/** A scope of the dashboard from its summed figures (sumScope, sumScopes). */
export function scopeOf(f: DayFigures, name: string, departmentId?: string): DashboardScope {
  const scope: DashboardScope = {
    name,
    figures: figureList(f),
    ratings: [c(f, 'score1'), c(f, 'score2'), c(f, 'score3'), c(f, 'score4'), c(f, 'score5')],
  };
  if (departmentId) scope.departmentId = departmentId;
  return scope;
}

/** A chart's point: its label and the documents whose sum it charts (a day, a week, the pieces of a month). */
export interface Part {
  label: string;
  docs: readonly DailyDoc[];
}

/** A series per figure: the figure computed on each part's sum, of the one scope charted. */
export function seriesOf(parts: readonly Part[], departmentId?: string): DashboardSeries[] {
  const sums = parts.map((p) => ({ label: p.label, f: sumScope(p.docs, departmentId) }));
  return FIGURE_ORDER.map((key) => {
    const def = FIGURES[key];
    return {
      key,
      label: def.label,
      unit: def.unit,
      points: sums.map((s) => {
        const v = def.value(s.f);
        return { label: s.label, value: v === null ? null : Number(v.toFixed(4)) };
      }),
    };
  });
}
