// The statistics journey in Chromium on the browser preview: a week of cases in March 2027 (the cloud clock moved
// through the gateway; the demo data lies months before), some answered on time and one late, rated and reopened ->
// the supervisor's dashboard, reached from 我的, shows the figures counted by hand -> the public statistics, reached
// from the home page, match them, and a department under 5 cases shows "样本过少".
import { demoIdentity } from '../../tools/seed/identities';
import { closeBrowser, openPreview, type PreviewHandle } from './helpers/preview';
import { callAction as api, openAs, tap, text, waitForRoute } from './helpers/ui';

jest.setTimeout(240_000);
afterAll(() => closeBrowser());

const DISPATCHER = demoIdentity('dispatcher').openid;
const HANDLER = demoIdentity('handler').openid;
const REPLY = '经核实，物业已安排维修人员更换楼道灯，并将每月巡查一次公共照明，请您留意。';

async function clockAt(preview: PreviewHandle, iso: string): Promise<void> {
  const res = await fetch(`${preview.gatewayUrl}/_emulator/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ now: iso, frozen: true }),
  });
  expect(res.status).toBe(200);
}

async function answer(preview: PreviewHandle, id: string): Promise<void> {
  const c = await api(preview, HANDLER, 'case.get', { id });
  await api(preview, HANDLER, 'case.reply', { id, version: c.version, content: REPLY });
}

async function rate(preview: PreviewHandle, citizen: string, id: string, score: 1 | 2 | 3 | 4 | 5, solved: boolean): Promise<void> {
  const c = await api(preview, citizen, 'case.get', { id });
  await api(preview, citizen, 'case.rate', { id, version: c.version, score, solved });
}

test('answered on time and late -> dashboard figures as counted by hand -> public statistics match', async () => {
  const preview = await openPreview({ identity: 'supervisor', page: 'pages/index/index' });
  try {
    // Monday 1 March 2027, 10:00 in Shanghai: five residents ask the housing bureau (inquiries: accept within 1
    // working day, answer within 3, so by Thursday 4 March); the dispatcher accepts them at once.
    await clockAt(preview, '2027-03-01T02:00:00.000Z');
    const cases: Array<{ id: string; citizen: string }> = [];
    for (let i = 1; i <= 5; i++) {
      const citizen = `o_e2e_resident_${i}`;
      const { id } = await api(preview, citizen, 'case.submit', {
        type: 'inquiry',
        categoryId: 'cat-property',
        title: `楼道灯不亮 ${i}`,
        content: '三单元楼道灯坏了一个多月，晚上上下楼很不方便，请尽快维修。',
        publishConsent: false,
        clientRequestId: `e2e-stats-${i}-${Date.now()}`,
      });
      const c = await api(preview, DISPATCHER, 'case.get', { id });
      await api(preview, DISPATCHER, 'case.accept', { id, version: c.version, departmentId: 'dept-housing' });
      cases.push({ id, citizen });
    }
    // Tuesday: three answered (on time, 1 working day); the first rated 满意, problem solved.
    await clockAt(preview, '2027-03-02T03:00:00.000Z');
    for (const c of cases.slice(0, 3)) await answer(preview, c.id);
    await rate(preview, cases[0]!.citizen, cases[0]!.id, 5, true);
    // Friday: the fourth answered a day late (4 working days), rated 不满意, unsolved: reopened. The fifth still open.
    await clockAt(preview, '2027-03-05T07:00:00.000Z');
    await answer(preview, cases[3]!.id);
    await rate(preview, cases[3]!.citizen, cases[3]!.id, 2, false);

    // The supervisor opens the dashboard from 我的, and chooses this week (Monday 1 to Friday 5 March).
    let app = await openAs(preview, 'supervisor', 'pages/mine/index', { settle: true });
    await tap(app, 'entry-dashboard');
    await waitForRoute(preview, 'staff/dashboard/index');
    await preview.waitForData((d: { loading: boolean }) => d.loading === false);
    await tap(app, 'period-week');
    await preview.waitForData((d: { kind: string; loading: boolean }) => d.kind === 'week' && d.loading === false);
    expect(await text(app, 'period-label')).toBe('全部单位 · 本周（3月1日至3月5日）');
    const card = (key: string) => text(app, `card-${key}`);
    expect(await card('received')).toBe('收件量5 件新收诉求');
    expect(await card('acceptOnTime')).toBe('按时受理率100.0%5 / 5 件按时受理');
    expect(await card('answered')).toContain('4 件');
    expect(await card('answerOnTime')).toBe('按时办结率75.0%3 / 4 件按时答复');
    expect(await card('medianDays')).toContain('1 个工作日');
    expect(await card('p90Days')).toContain('4 个工作日');
    expect(await card('satisfied')).toBe('满意率50.0%1 / 2 件评价为满意或基本满意');
    expect(await card('solved')).toContain('50.0%');
    expect(await card('reopen')).toBe('重办率25.0%1 / 4 件重新办理');
    expect(await card('extensions')).toContain('0 次');
    expect(await card('templateOnly')).toContain('0.0%');
    // The chart of answers: 3 on Tuesday, 1 on Friday.
    const bars = app.locator('[data-testid="chart-answered"] [data-testid="bar"]');
    expect(await bars.count()).toBe(5);
    expect(((await bars.nth(1).textContent()) ?? '').trim()).toBe('3');
    expect(((await bars.nth(4).textContent()) ?? '').trim()).toBe('1');
    preview.expectNoProblems();

    // A citizen, without any role, opens the public statistics from the home page: March 2027 by default.
    app = await openAs(preview, 'citizenB', 'pages/index/index', { settle: true });
    await tap(app, 'link-stats');
    await waitForRoute(preview, 'pages/stats/index');
    await preview.waitForData((d: { loading: boolean }) => d.loading === false);
    expect(await text(app, 'month')).toContain('2027年3月');
    expect(await text(app, 'row-all')).toBe('全部单位收件5 件答复4 件按时办结率75.0%满意度3.5 分公开信件0 件');
    expect(await text(app, 'row-dept-housing')).toBe('住房和城乡建设局收件5 件答复4 件按时办结率75.0%满意度3.5 分公开信件0 件');
    expect(await text(app, 'row-dept-transport')).toBe('交通运输局样本过少');
    preview.expectNoProblems();
  } finally {
    await preview.close();
  }
});
