// The pure rules of the statistics: what an event counts for, the quantiles of working days from a histogram, the
// periods and their chart points, the chart's bars.
import { contributions, foldEvents, rates, workDaysQuantile, type DailyDoc } from '../../../cloudfunctions/api/src/domain/case-figures';
import { buckets, monthDays, monthsBack, resolvePeriod } from '../../../cloudfunctions/api/src/domain/stats-period';
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
  test('this week starts on Monday, this quarter on its first day; over 31 days the points are weeks', () => {
    expect(resolvePeriod('week', '2026-11-25')).toMatchObject({ from: '2026-11-23', to: '2026-11-25', granularity: 'day', label: '本周（11月23日至11月25日）' });
    expect(resolvePeriod('quarter', '2026-11-25')).toMatchObject({ from: '2026-10-01', granularity: 'week' });
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
