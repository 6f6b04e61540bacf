// stats.dashboard and stats.public through the real function: figures computed by hand from a week of cases answered
// on time and late, the daily aggregates against a rebuild from the events, who may see which department, and what
// the public may read.
import type { DashboardFigureKey, DashboardResponse, PublicStatsRow } from '../../../typings/api';
import { localCloud } from '../../../tools/local-cloud';
import { addDaily, type DailyDoc } from '../../../cloudfunctions/api/src/domain/case-figures';
import { rebuildDay, rebuildMonth, rebuildWeek, recomputeDay } from '../../../cloudfunctions/api/src/repositories/stats';
import { callAs, callRaw, ok, seedStaff } from '../../helpers/cloud';
import { ADMIN, at, CITIZEN, DISPATCHER, docById, HANDLER, OTHER_HANDLER, setUpAgency, submission, SUPERVISOR } from '../cases/helpers';

const REPLY = '经核查，物业已于今日更换电梯主板，电梯恢复运行。我局将督促物业建立定期检修制度。';
const TEMPLATE_TEXT = '感谢您的来信，我们高度重视您反映的问题。';
const WEEK = { period: 'custom', from: '2026-11-23', to: '2026-12-06' } as const;

async function submitAs(openid: string, over: Parameters<typeof submission>[0] = {}) {
  const { id } = await ok(openid, 'case.submit', submission(over));
  return ok(openid, 'case.get', { id });
}

async function accept(id: string, departmentId: string) {
  const c = await ok(DISPATCHER, 'case.get', { id });
  return ok(DISPATCHER, 'case.accept', { id, version: c.version, departmentId });
}

async function reply(handler: string, id: string, content = REPLY) {
  const c = await ok(handler, 'case.get', { id });
  return ok(handler, 'case.reply', { id, version: c.version, content });
}

async function rate(id: string, score: 1 | 2 | 3 | 4 | 5, solved: boolean) {
  const c = await ok(CITIZEN, 'case.get', { id });
  return ok(CITIZEN, 'case.rate', { id, version: c.version, score, solved });
}

function figure(scope: { figures: DashboardResponse['scope']['figures'] }, key: DashboardFigureKey) {
  return scope.figures.find((f) => f.key === key)!;
}

/**
 * Three inquiries (answer within 3 working days; acceptance within 1):
 *   A housing: submitted and accepted Wed 25 Nov, answered Thu 26 (on time, 1 working day) on the reply template with
 *     words of its own, rated 5 solved.
 *   B housing: submitted and accepted Wed 25 Nov (due Mon 30), answered Tue 1 Dec (late, 4 working days), rated 2
 *     unsolved: reopened.
 *   C transport: submitted Wed 25 Nov, accepted Fri 27 (late: due Thu 26), an extension approved.
 */
async function week(): Promise<{ a: string; b: string; c: string }> {
  at('2026-11-25T02:00:00.000Z');
  const a = await submitAs(CITIZEN, { type: 'inquiry' });
  const b = await submitAs(CITIZEN, { type: 'inquiry' });
  const c = await submitAs(CITIZEN, { type: 'inquiry', categoryId: 'cat-bus' });
  await accept(a.id, 'dept-housing');
  await accept(b.id, 'dept-housing');
  at('2026-11-26T03:00:00.000Z');
  await reply(HANDLER, a.id, `${TEMPLATE_TEXT}经核查，物业已于今日更换电梯主板，电梯恢复正常运行。`);
  await rate(a.id, 5, true);
  at('2026-11-27T03:00:00.000Z');
  await accept(c.id, 'dept-transport');
  let cv = await ok(OTHER_HANDLER, 'case.get', { id: c.id });
  cv = await ok(OTHER_HANDLER, 'case.requestExtension', { id: c.id, version: cv.version, days: 2, reason: '需要公交公司调取运营数据' });
  await ok(SUPERVISOR, 'case.approveExtension', { id: c.id, version: cv.version, approve: true });
  at('2026-12-01T03:00:00.000Z');
  await reply(HANDLER, b.id);
  await rate(b.id, 2, false);
  return { a: a.id, b: b.id, c: c.id };
}

beforeEach(() => setUpAgency());

describe('stats.dashboard', () => {
  test('figures of a period exactly as counted by hand, overall and per department', async () => {
    await week();
    const d = await ok(SUPERVISOR, 'stats.dashboard', WEEK);
    const all = d.scope;
    expect(all.name).toBe('全部单位');
    expect(figure(all, 'received')).toMatchObject({ value: 3, text: '3 件' });
    expect(figure(all, 'acceptOnTime')).toMatchObject({ value: 0.6667, text: '66.7%', detail: '2 / 3 件按时受理' });
    expect(figure(all, 'answered').value).toBe(2);
    expect(figure(all, 'answerOnTime')).toMatchObject({ value: 0.5, text: '50.0%', detail: '1 / 2 件按时答复' });
    expect(figure(all, 'medianDays')).toMatchObject({ value: 1, text: '1 个工作日' });
    expect(figure(all, 'p90Days')).toMatchObject({ value: 4, text: '4 个工作日' });
    expect(figure(all, 'satisfied')).toMatchObject({ value: 0.5, detail: '1 / 2 件评价为满意或基本满意' });
    expect(figure(all, 'solved').value).toBe(0.5);
    expect(figure(all, 'reopen').value).toBe(0.5);
    expect(figure(all, 'extensions')).toMatchObject({ value: 1, text: '1 次' });
    expect(figure(all, 'templateOnly')).toMatchObject({ value: 0, detail: '0 / 2 件只套用模板；1 件基于模板' });
    expect(all.ratings).toEqual([0, 1, 0, 0, 1]);

    const housing = d.departments.find((x) => x.departmentId === 'dept-housing')!;
    const transport = d.departments.find((x) => x.departmentId === 'dept-transport')!;
    expect(d.departments.map((x) => x.departmentId)).toEqual(['dept-housing', 'dept-transport', 'dept-env']);
    expect(figure(housing, 'received').value).toBe(2);
    expect(figure(housing, 'answerOnTime').value).toBe(0.5);
    expect(figure(housing, 'acceptOnTime').value).toBe(1);
    expect(figure(transport, 'received').value).toBe(1);
    expect(figure(transport, 'acceptOnTime').value).toBe(0);
    expect(figure(transport, 'answered').value).toBe(0);
    expect(figure(transport, 'answerOnTime')).toMatchObject({ value: null, text: '—' });
    expect(figure(transport, 'extensions').value).toBe(1);

    // Two weeks of days: a point a day; received on 25 Nov only.
    const received = d.series.find((s) => s.key === 'received')!;
    expect(received.points).toHaveLength(14);
    expect(received.points[2]).toEqual({ label: '11月25日', value: 3 });
    expect(received.points.reduce((s, p) => s + (p.value ?? 0), 0)).toBe(3);
    const onTime = d.series.find((s) => s.key === 'answerOnTime')!;
    expect(onTime.points[3]).toEqual({ label: '11月26日', value: 1 });
    expect(onTime.points[8]).toEqual({ label: '12月1日', value: 0 });
    expect(d.mayChooseDepartment).toBe(true);
  });

  test('the maintained daily figures equal a rebuild from the day’s events', async () => {
    await week();
    for (const day of ['20261125', '20261126', '20261127', '20261201']) {
      const stored = await docById<Record<string, unknown>>('case_daily', day);
      const rebuilt = await localCloud.invoke(() => rebuildDay(day), {});
      expect(stored).not.toBeNull();
      expect(rebuilt).toEqual({ ...stored, _id: day });
    }
    for (const monday of ['20261123', '20261130']) {
      const stored = await docById<Record<string, unknown>>('case_weekly', monday);
      expect(await localCloud.invoke(() => rebuildWeek(monday), {})).toEqual({ ...stored, _id: monday });
    }
    expect(await docById<{ all: Record<string, number> }>('case_weekly', '20261123')).toMatchObject({ all: { received: 3, answered: 1, acceptDecided: 3 } });
    // A drifted document is put right by recomputing it from its events.
    await localCloud.invoke(async () => {
      const { database } = await import('../../helpers/cloud');
      await database().collection('case_daily').doc('20261201').update({ data: { all: { answered: 99 } } });
    }, {});
    await localCloud.invoke(() => recomputeDay('20261201'), {});
    expect(await docById<{ all: Record<string, number> }>('case_daily', '20261201')).toMatchObject({ all: { answered: 1, reopened: 1, score2: 1 } });
    expect(await docById<{ all: Record<string, number> }>('case_weekly', '20261130')).toMatchObject({ all: { answered: 1, reopened: 1, score2: 1 } });
  });

  test('monthly figures equal the sum of their days, and a period read from months, weeks and days equals its days', async () => {
    await week();
    at('2026-12-04T03:00:00.000Z');
    const daysOf = async (month: string, last: number) => {
      const sum = { _id: `${month}01`, day: `${month}01`, all: {}, depts: {} } as DailyDoc;
      for (let d = 1; d <= last; d++) {
        const doc = await docById<DailyDoc>('case_daily', `${month}${String(d).padStart(2, '0')}`);
        if (doc) addDaily(sum, doc);
      }
      return sum;
    };
    for (const [month, last] of [['202611', 30], ['202612', 31]] as const) {
      const stored = await docById<DailyDoc>('case_monthly', `${month}01`);
      expect(stored).toEqual(await daysOf(month, last));
      expect(await localCloud.invoke(() => rebuildMonth(`${month}01`), {})).toEqual(stored);
    }
    expect(await docById<DailyDoc>('case_monthly', '20261101')).toMatchObject({ all: { received: 3, answered: 1, acceptDecided: 3, extensions: 1 } });
    // The quarter reads October and November whole and 1-4 December by day; 24 Nov-1 Dec reads a week and a day.
    const quarter = await ok(SUPERVISOR, 'stats.dashboard', { period: 'quarter' });
    const span = await ok(SUPERVISOR, 'stats.dashboard', { period: 'custom', from: '2026-11-24', to: '2026-12-01' });
    for (const d of [quarter, span]) {
      expect(figure(d.scope, 'received').value).toBe(3);
      expect(figure(d.scope, 'answerOnTime')).toMatchObject({ value: 0.5, detail: '1 / 2 件按时答复' });
      expect(figure(d.scope, 'p90Days').value).toBe(4);
      expect(d.scope.ratings).toEqual([0, 1, 0, 0, 1]);
      expect(figure(d.departments.find((x) => x.departmentId === 'dept-transport')!, 'extensions').value).toBe(1);
    }
    // Over a quarter, a point per month; the totals are the months' sum.
    const half = await ok(SUPERVISOR, 'stats.dashboard', { period: 'custom', from: '2026-06-10', to: '2026-12-04' });
    expect(half.period.granularity).toBe('month');
    const received = half.series.find((x) => x.key === 'received')!;
    expect(received.points.map((p) => p.label)).toEqual(['2026年6月', '7月', '8月', '9月', '10月', '11月', '12月']);
    expect(received.points.map((p) => p.value)).toEqual([0, 0, 0, 0, 0, 3, 0]);
    expect(half.series.find((x) => x.key === 'answered')!.points.slice(5)).toEqual([
      { label: '11月', value: 1 },
      { label: '12月', value: 1 },
    ]);
    expect(figure(half.scope, 'answered').value).toBe(2);
    expect(figure(half.scope, 'p90Days').value).toBe(4);
    // A drifted month is put right with its day.
    await localCloud.invoke(async () => {
      const { database } = await import('../../helpers/cloud');
      await database().collection('case_monthly').doc('20261201').update({ data: { all: { answered: 99 } } });
    }, {});
    await localCloud.invoke(() => recomputeDay('20261201'), {});
    expect(await docById<DailyDoc>('case_monthly', '20261201')).toEqual(await daysOf('202612', 31));
  });

  test('overdue now and due today: from the counters, with a few cases that open the case page', async () => {
    const { c } = await week();
    at('2026-12-04T03:00:00.000Z');
    const d = await ok(SUPERVISOR, 'stats.dashboard', { period: 'month' });
    expect(d.period).toMatchObject({ kind: 'month', from: '2026-12-01', to: '2026-12-04', granularity: 'day' });
    // B was reopened on 1 Dec with 3 working days (due Fri 4 Dec: today); C's answer is due Thu 3 Dec + 2 days (extension).
    expect(d.overdue.count + d.dueSoon.count).toBe(2);
    const listed = [...d.overdue.items, ...d.dueSoon.items].map((i) => i.id);
    expect(listed).toContain(c);
    expect(d.dueSoon.items.every((i) => i.dueText.length > 0 && i.trackingNo.startsWith('MS'))).toBe(true);
  });

  test('a handler sees their own department only; asking for another is refused', async () => {
    await week();
    const mine = await ok(HANDLER, 'stats.dashboard', WEEK);
    expect(mine.scope).toMatchObject({ departmentId: 'dept-housing', name: '住房和城乡建设局' });
    expect(mine.departments.map((x) => x.departmentId)).toEqual(['dept-housing']);
    expect(figure(mine.scope, 'received').value).toBe(2);
    expect(mine.mayChooseDepartment).toBe(false);
    expect(await callAs(HANDLER, 'stats.dashboard', { ...WEEK, departmentId: 'dept-transport' })).toEqual({
      ok: false,
      error: { code: 'PERMISSION_DENIED', message: '只能查看本单位的统计。' },
    });
    const admin = await ok(ADMIN, 'stats.dashboard', { ...WEEK, departmentId: 'dept-transport' });
    expect(admin.scope.departmentId).toBe('dept-transport');
    expect(figure(admin.scope, 'extensions').value).toBe(1);
    expect(await callAs(ADMIN, 'stats.dashboard', { ...WEEK, departmentId: 'dept-nowhere' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test('wrong role: citizens and editors are refused, and anonymous callers must sign in', async () => {
    await seedStaff('o_editor', ['editor']);
    for (const who of [CITIZEN, 'o_editor']) {
      expect(await callRaw(who, { action: 'stats.dashboard', payload: { period: 'week' } })).toEqual({
        ok: false,
        error: { code: 'PERMISSION_DENIED', message: '您没有权限进行此操作。' },
      });
    }
    expect(await callAs(null, 'stats.dashboard', { period: 'week' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  test('invalid payloads: a clear message per field, and nothing read', async () => {
    const bad = [
      [{ period: 'year' }, 'period', '统计周期不在可选范围内'],
      [{ period: 'custom', to: '2026-11-30' }, 'from', '请选择开始日期'],
      [{ period: 'custom', from: '2026-12-01', to: '2026-11-30' }, 'to', '结束日期不能早于开始日期'],
      [{ period: 'custom', from: '2025-01-01', to: '2026-11-30' }, 'to', '统计周期不能超过 366 天'],
      [{ period: 'custom', from: '2026-02-30', to: '2026-03-01' }, 'from', '开始日期不是有效的日期'],
      [{ period: 'week', extra: 1 }, 'extra', '不支持的字段：extra'],
    ] as const;
    for (const [payload, field, message] of bad) {
      const res = await callRaw(SUPERVISOR, { action: 'stats.dashboard', payload });
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { [field]: message } } });
    }
  });

  test('a quarter reads as points per week', async () => {
    await week();
    at('2026-12-04T03:00:00.000Z');
    const d = await ok(SUPERVISOR, 'stats.dashboard', { period: 'quarter' });
    expect(d.period).toMatchObject({ from: '2026-10-01', to: '2026-12-04', granularity: 'week' });
    const received = d.series.find((s) => s.key === 'received')!;
    // 1 Oct (Thu) starts a short first week; weeks then start on Mondays up to 30 Nov.
    expect(received.points[0]!.label).toBe('10月1日起');
    expect(received.points.find((p) => p.label === '11月23日起')!.value).toBe(3);
    expect(received.points).toHaveLength(10);
  });
});

describe('stats.public', () => {
  async function housingMonth(n: number): Promise<void> {
    at('2026-11-25T02:00:00.000Z');
    for (let i = 0; i < n; i++) {
      const c = await submitAs(`o_citizen_${i}`, { type: 'inquiry' });
      await accept(c.id, 'dept-housing');
      if (i < 3) await reply(HANDLER, c.id);
    }
  }

  test('per department per month, without signing in; fewer than 5 cases: "样本过少" and no figures', async () => {
    await housingMonth(5);
    at('2026-11-26T03:00:00.000Z');
    const c = await submitAs(CITIZEN, { type: 'inquiry', categoryId: 'cat-bus' });
    await accept(c.id, 'dept-transport');
    const res = await ok(null, 'stats.public', { month: '2026-11' });
    expect(res.monthLabel).toBe('2026年11月');
    expect(res.overall).toMatchObject({ name: '全部单位', received: 6, answered: 3, onTimeRate: '100.0%', satisfaction: null, published: 0 });
    const byId = new Map(res.departments.map((r) => [r.departmentId, r]));
    expect(byId.get('dept-housing')).toEqual({ departmentId: 'dept-housing', name: '住房和城乡建设局', received: 5, answered: 3, onTimeRate: '100.0%', satisfaction: null, published: 0 });
    expect(byId.get('dept-transport')).toEqual({
      departmentId: 'dept-transport',
      name: '交通运输局',
      note: '样本过少',
      received: null,
      answered: null,
      onTimeRate: null,
      satisfaction: null,
      published: null,
    });
    expect(res.months[0]).toEqual({ value: '2026-11', label: '2026年11月' });
    expect(res.months).toHaveLength(12);
  });

  test('no personal data: the answer holds no name, phone, title, openid or case id', async () => {
    await housingMonth(5);
    const res = await ok(null, 'stats.public', {});
    const text = JSON.stringify(res);
    for (const secret of ['张三', '13812345678', '电梯', 'o_citizen', CITIZEN, 'MS2026']) expect(text).not.toContain(secret);
    const keys = (row: PublicStatsRow) => Object.keys(row).sort();
    expect(keys(res.overall)).toEqual(['answered', 'name', 'onTimeRate', 'published', 'received', 'satisfaction']);
  });

  test('another month is empty; an invalid month is refused with a message', async () => {
    await housingMonth(5);
    const oct = await ok(null, 'stats.public', { month: '2026-10' });
    expect(oct.overall).toMatchObject({ note: '样本过少', received: null });
    expect(await callAs(null, 'stats.public', { month: '2026-13' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', fields: { month: '月份格式应为 2026-01' } },
    });
  });
});
