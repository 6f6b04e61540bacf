// The dashboard (staff) and the public statistics (anyone) against the real `api` function: figure cards, the
// department choice, a chart per figure drawn with views, the overdue list opening the case, and "样本过少".
import { localCloud } from '../../tools/local-cloud';
import { acceptAndAssign, allowSubmissions, HANDLER, replyTo, seedCaseStaff, submitCase, SUPERVISOR } from '../helpers/cases';
import { seedCatalog } from '../helpers/cloud';
import { connectLocalCloud, mountPage, useIdentity, waitFor } from '../helpers/mp';
import { allByTestId, pick, tap, textOf } from '../helpers/ui';

// Compiling the pages (wcc) and a month of cases through the real function take a few seconds on a busy machine.
jest.setTimeout(30_000);

const CITIZEN = 'o_stats_citizen';
type Page = ReturnType<typeof mountPage>;

async function loaded(page: Page): Promise<Page> {
  await waitFor(page, (d) => d.loading === false, 5000);
  expect(page.data.error).toBe('');
  return page;
}

/** Wednesday 25 November 2026, 10:00 in Shanghai: six housing cases in, three answered the same day. */
async function month(): Promise<string[]> {
  localCloud.clock.set('2026-11-25T02:00:00.000Z', { frozen: true });
  await allowSubmissions(50);
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) {
    const c = await submitCase(CITIZEN, { type: 'inquiry', title: `楼道灯不亮 ${i}` });
    await acceptAndAssign(c.id);
    if (i < 3) await replyTo(c.id);
    ids.push(c.id);
  }
  return ids;
}

beforeEach(async () => {
  connectLocalCloud(SUPERVISOR);
  await seedCatalog();
  await seedCaseStaff();
});
afterEach(() => {
  jest.restoreAllMocks();
  localCloud.clock.set(null);
});
afterAll(() => localCloud.close());

describe('staff dashboard', () => {
  test('figure cards, a chart per figure, and the department choice for a supervisor', async () => {
    await month();
    const page = await loaded(mountPage('staff/dashboard/index'));
    expect(textOf(page, 'period-label')).toBe('全部单位 · 本月（11月1日至11月25日）');
    expect(textOf(page, 'card-received')).toContain('6 件');
    expect(textOf(page, 'card-answerOnTime')).toContain('100.0%');
    expect(textOf(page, 'card-answerOnTime')).toContain('3 / 3 件按时答复');
    expect(textOf(page, 'card-medianDays')).toContain('0 个工作日');
    // One chart per figure; the received chart has a bar per day of the month so far, 6 on the 25th.
    expect(allByTestId(page, 'chart-received')).toHaveLength(1);
    expect(allByTestId(page, 'chart-templateOnly')).toHaveLength(1);
    const bars = allByTestId(page, 'chart-received')[0]!.querySelectorAll('[data-testid="bar"]');
    expect(bars).toHaveLength(25);
    expect(bars[24]!.textContent!.trim()).toBe('6');
    expect(bars[23]!.textContent!.trim()).toBe('0');
    expect(textOf(page, 'row-dept-housing')).toContain('住房和城乡建设局');

    expect(page.data.departmentNames).toEqual(['全部单位', '住房和城乡建设局', '交通运输局', '生态环境局']);
    await pick(page, 'department-picker', 2);
    await waitFor(page, (d) => d.departmentIndex === 2 && d.loading === false);
    expect(textOf(page, 'period-label')).toBe('交通运输局 · 本月（11月1日至11月25日）');
    expect(textOf(page, 'card-received')).toContain('0 件');

    await tap(page, 'period-week');
    await waitFor(page, (d) => d.kind === 'week' && d.loading === false);
    expect(textOf(page, 'period-label')).toBe('交通运输局 · 本周（11月23日至11月25日）');
  });

  test('overdue cases are listed and open the case page; a handler has no department choice', async () => {
    const ids = await month();
    // Ten days later the three unanswered cases are overdue.
    localCloud.clock.set('2026-12-08T02:00:00.000Z', { frozen: true });
    useIdentity(HANDLER);
    const page = await loaded(mountPage('staff/dashboard/index'));
    expect(page.data.mayChooseDepartment).toBe(false);
    expect(allByTestId(page, 'department')).toHaveLength(0);
    expect(textOf(page, 'overdue-count')).toBe('3');
    expect(allByTestId(page, 'overdue-item')).toHaveLength(3);
    const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation(() => undefined as never);
    await tap(page, 'overdue-item', 0);
    const url = (navigate.mock.calls[0]![0] as { url: string }).url;
    expect(url).toMatch(/^\/staff\/case\/index\?id=/);
    expect(ids.slice(3)).toContain(decodeURIComponent(url.split('id=')[1]!));
  });
});

describe('public statistics', () => {
  test('a month per department, "样本过少" for a department with fewer than 5 cases', async () => {
    await month();
    useIdentity(CITIZEN);
    const page = await loaded(mountPage('pages/stats/index'));
    expect(textOf(page, 'month')).toContain('2026年11月');
    expect(textOf(page, 'row-all')).toContain('收件6 件');
    expect(textOf(page, 'row-dept-housing')).toContain('按时办结率100.0%');
    expect(textOf(page, 'row-dept-transport')).toBe('交通运输局样本过少');
    expect(textOf(page, 'explanation')).toContain('少于 5 件');
    await pick(page, 'month-picker', 1);
    await waitFor(page, (d) => d.month === '2026-10' && d.loading === false);
    expect(textOf(page, 'row-dept-housing')).toBe('住房和城乡建设局样本过少');
  });
});
