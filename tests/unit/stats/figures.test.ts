// The pure rules of the statistics: what an event counts for, the quantiles of working days from a histogram, the
// periods and their chart points, the rollups that cover a period, the chart's bars.
import { contributions, foldEvents, rates, workDaysQuantile, type DailyDoc } from '../../../cloudfunctions/api/src/domain/case-figures';
import * as fc from 'fast-check';
import { addDays } from '../../../cloudfunctions/api/src/domain/calendar';
import { buckets, cover, isoDay, monthDays, monthsBack, resolvePeriod } from '../../../cloudfunctions/api/src/domain/stats-period';
import { barsOf } from '../../../miniprogram/staff/components/bar-chart/bars';

describe('contributions', () => {
  test('an answer counts overall and for its department, with its on-time mark and its working days', () => {
    expect(contributions({ kind: 'replied', facts: { departmentId: 'd1', onTime: true, workDays: 2, fromTemplate: true } })).toEqual({
      all: ['answered', 'answeredOnTime', 'wd2', 'templated'],
      dept: ['answered', 'answeredOnTime', 'wd2', 'templated'],
    });
    expect(contributions({ kind: 'replied', facts: { onTime: false, workDays: 5, templateOnly: true, fromTemplate: true } }).all).toEqual(['answered', 'wd5', 'templated', 'templateOnly']);
  });

  test('a submission is received by the agency, an assignment by the department; events without facts count nothing', () => {
    expect(contributions({ kind: 'submitted', facts: {} })).toEqual({ all: ['received'], dept: [] });
    expect(contributions({ kind: 'assigned', facts: { departmentId: 'd1' } })).toEqual({ all: [], dept: ['received'] });
    expect(contributions({ kind: 'note', facts: {} })).toEqual({ all: [], dept: [] });
    expect(contributions({ kind: 'replied' })).toEqual({ all: [], dept: [] });
  });

  test('events fold into their Shanghai day: 23:30 UTC is the next morning in Shanghai', () => {
    const docs = new Map<string, DailyDoc>();
    foldEvents(docs, [
      { kind: 'rated', at: '2026-11-25T23:30:00.000Z', facts: { departmentId: 'd1', score: 4, solved: true } },
      { kind: 'rated', at: '2026-11-26T01:00:00.000Z', facts: { departmentId: 'd2', score: 2, solved: false } },
    ]);
    expect([...docs.keys()]).toEqual(['20261126']);
    expect(docs.get('20261126')).toEqual({ _id: '20261126', day: '20261126', all: { score4: 1, solved: 1, score2: 1 }, depts: { d1: { score4: 1, solved: 1 }, d2: { score2: 1 } } });
  });
});

describe('figures', () => {
  test('median and p90 by nearest rank over the working-day histogram; none without answers', () => {
    const f = { wd0: 1, wd1: 5, wd2: 2, wd7: 2 };
    expect(workDaysQuantile(f, 0.5)).toBe(1);
    expect(workDaysQuantile(f, 0.9)).toBe(7);
    expect(workDaysQuantile(f, 0.8)).toBe(2);
    expect(workDaysQuantile({}, 0.5)).toBeNull();
  });

  test('satisfaction counts the top two scores of those rated; rates without a denominator are null', () => {
    const r = rates({ score5: 2, score4: 1, score2: 1, solved: 2, answered: 4, answeredOnTime: 3, reopened: 1 });
    expect(r).toMatchObject({ satisfied: 0.75, solved: 0.5, answerOnTime: 0.75, reopen: 0.25, averageScore: 4, acceptOnTime: null });
  });
});

describe('periods', () => {
  test('this week starts on Monday, this quarter on its first day; over 31 days the points are weeks, over a quarter months', () => {
    expect(resolvePeriod('week', '2026-11-25')).toMatchObject({ from: '2026-11-23', to: '2026-11-25', granularity: 'day', label: '本周（11月23日至11月25日）' });
    expect(resolvePeriod('quarter', '2026-11-25')).toMatchObject({ from: '2026-10-01', granularity: 'week' });
    const year = resolvePeriod('custom', '2026-11-25', { from: '2025-11-25', to: '2026-11-25' });
    expect(year.granularity).toBe('month');
    expect(buckets(year).map((b) => b.label)).toEqual(['2025年11月', '12月', '2026年1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月']);
    expect(buckets(year)[0]!.days).toHaveLength(6);
    expect(buckets(year)[12]!.days).toHaveLength(25);
    const weeks = buckets(resolvePeriod('custom', '2026-11-25', { from: '2026-11-04', to: '2026-11-25' }));
    expect(weeks.map((b) => b.days.length)).toEqual(Array(22).fill(1));
    const q = buckets(resolvePeriod('quarter', '2026-11-25'));
    expect(q[0]).toMatchObject({ label: '10月1日起', days: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04'] });
    expect(q[q.length - 1]!.days).toEqual(['2026-11-23', '2026-11-24', '2026-11-25']);
  });

  test('months: their days, and the months before, across a new year', () => {
    expect(monthDays('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthDays('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(monthsBack('2027-02', 3)).toEqual(['2027-02', '2027-01', '2026-12']);
  });
});

describe('bar chart', () => {
  test('rates against 100 %, counts against the largest point; an empty point has no bar', () => {
    expect(barsOf({ unit: 'rate', points: [{ label: 'a', value: 0.5 }, { label: 'b', value: null }] })).toEqual([
      { label: 'a', height: 50, text: '50%', empty: false },
      { label: 'b', height: 0, text: '—', empty: true },
    ]);
    expect(barsOf({ unit: 'count', points: [{ label: 'a', value: 4 }, { label: 'b', value: 1 }, { label: 'c', value: 0 }] }).map((b) => b.height)).toEqual([100, 25, 0]);
  });
});

describe('cover: the rollups that sum a period', () => {
  const expand = (c: ReturnType<typeof cover>): string[] => {
    const days: string[] = [];
    for (const m of c.months) {
      const { from, to } = monthDays(isoDay(m).slice(0, 7));
      for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
    }
    for (const w of c.weeks) for (let i = 0; i < 7; i++) days.push(addDays(isoDay(w), i));
    for (const d of c.days) days.push(isoDay(d));
    return days.sort();
  };
  const span = (from: string, to: string): string[] => {
    const out: string[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
    return out;
  };

  test('a year reads its whole months, the weeks and days at either end, each day exactly once', () => {
    const c = cover('2025-11-25', '2026-11-25');
    expect(c.months).toEqual(['20251201', '20260101', '20260201', '20260301', '20260401', '20260501', '20260601', '20260701', '20260801', '20260901', '20261001']);
    // 25 Nov 2025 is a Tuesday: days to Sunday 30; 1-25 Nov 2026: Sunday 1, weeks from Monday 2 to Sunday 22, then days.
    expect(c.weeks).toEqual(['20261102', '20261109', '20261116']);
    expect(c.days).toEqual(['20251125', '20251126', '20251127', '20251128', '20251129', '20251130', '20261101', '20261123', '20261124', '20261125']);
    expect(expand(c)).toEqual(span('2025-11-25', '2026-11-25'));
  });

  test('a week is not taken when it would take the first day of a month the period holds whole', () => {
    // Monday 27 Oct 2025 to 31 Dec 2025: the week of 27 Oct holds 1 Nov, so its days are read one by one.
    const c = cover('2025-10-27', '2025-12-31');
    expect(c.months).toEqual(['20251101', '20251201']);
    expect(c.weeks).toEqual([]);
    expect(c.days).toEqual(['20251027', '20251028', '20251029', '20251030', '20251031']);
  });

  test('any period of up to 366 days: every day once, and at most 40 documents', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 365 }), (start, length) => {
        const from = addDays('2024-01-01', start);
        const to = addDays(from, length);
        const c = cover(from, to);
        expect(expand(c)).toEqual(span(from, to));
        expect(c.months.length + c.weeks.length + c.days.length).toBeLessThanOrEqual(40);
      }),
    );
  });
});
