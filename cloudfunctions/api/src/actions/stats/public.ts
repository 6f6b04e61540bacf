// stats.public: per department per month, figures only (no case, no person), readable without signing in. A
// department that received fewer than PUBLIC_MIN_CASES cases in the month is withheld as "样本过少".
import type { PublicStatsRow } from '../../../../../typings/api';
import { shanghaiDay } from '../../domain/calendar';
import { rates, ratedCount, type DayFigures } from '../../domain/case-figures';
import { cover, monthDays, monthLabel, monthsBack } from '../../domain/stats-period';
import { defineAction } from '../../lib/action';
import { loadCatalogMaps } from '../../repositories/catalog';
import { loadCover } from '../../repositories/stats';
import { sumScope } from './figures';
import { publicStatsSchema } from './schemas';

export const PUBLIC_MIN_CASES = 5;
export const TOO_FEW_LABEL = '样本过少';
/** How far back the month picker reaches. */
const MONTHS_SHOWN = 12;

export function publicRow(name: string, f: DayFigures, departmentId?: string): PublicStatsRow {
  const received = f.received ?? 0;
  const base: PublicStatsRow = departmentId ? { departmentId, name, received: null, answered: null, onTimeRate: null, satisfaction: null, published: null } : { name, received: null, answered: null, onTimeRate: null, satisfaction: null, published: null };
  if (received < PUBLIC_MIN_CASES) return { ...base, note: TOO_FEW_LABEL };
  const r = rates(f);
  return {
    ...base,
    received,
    answered: f.answered ?? 0,
    onTimeRate: r.answerOnTime === null ? null : `${(r.answerOnTime * 100).toFixed(1)}%`,
    satisfaction: r.averageScore === null || ratedCount(f) === 0 ? null : `${r.averageScore.toFixed(1)} 分`,
    published: f.published ?? 0,
  };
}

export const statsPublic = defineAction<'stats.public'>({
  schema: publicStatsSchema,
  async run(input, { now }) {
    const current = shanghaiDay(now).slice(0, 7);
    const month = input.month ?? current;
    const { from, to } = monthDays(month);
    const [catalog, days] = await Promise.all([loadCatalogMaps(), month > current ? Promise.resolve([]) : loadCover(cover(from, to))]);
    const departments = [...catalog.departments.values()].filter((d) => !d.disabled).sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
    return {
      month,
      monthLabel: monthLabel(month),
      months: monthsBack(current, MONTHS_SHOWN).map((m) => ({ value: m, label: monthLabel(m) })),
      overall: publicRow('全部单位', sumScope(days)),
      departments: departments.map((d) => publicRow(d.name, sumScope(days, d._id), d._id)),
      explanation: `按月统计，数据由办理记录自动生成。收件量指当月新收（分派至该单位）的诉求；按时办结率为当月答复中在承诺期限内答复的比例；满意度为当月市民评价的平均分（满分 5 分）。当月收件少于 ${PUBLIC_MIN_CASES} 件的单位显示“${TOO_FEW_LABEL}”，不公布具体数字。`,
    };
  },
});
