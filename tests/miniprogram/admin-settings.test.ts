// 时限与通知设置 (staff/admin-settings) against the real `api` function: deadlines with instant checks, the holiday
// calendar by date picker, subscribe-message templates, one save with the version read, a CONFLICT that keeps the
// admin's changes, the server's field messages next to the fields; and the caller's own OPENID, on request, on the bind page.
import { localCloud } from '../../tools/local-cloud';
import { ok, seedStaff } from '../helpers/cloud';
import { componentOf, connectLocalCloud, mountPage, openPage, useIdentity, waitFor } from '../helpers/mp';
import { pickDate } from '../helpers/policies';
import { byTestId, tap, textOf, typeInto } from '../helpers/ui';

const ADMIN = 'o_settings_admin';
const PAGE = 'staff/admin-settings/index';

type Page = ReturnType<typeof mountPage>;
interface Data {
  form: { numbers: Record<string, string>; holidays: string[]; workdays: string[]; templates: Record<string, { templateId: string; fields: Record<string, string>; longTerm: boolean }> };
  errors: { numbers: Record<string, string>; calendar: string; templates: Record<string, Record<string, string>>; other: string };
  days: { holidays: Array<{ date: string }>; workdays: Array<{ date: string }>; warning: string };
}
const data = (page: Page) => page.data as unknown as Data & Record<string, unknown>;

beforeEach(async () => {
  connectLocalCloud(ADMIN);
  await seedStaff(ADMIN, ['admin']);
});
afterEach(() => jest.restoreAllMocks());
afterAll(() => localCloud.close());

const open = (query: Record<string, string> = {}): Promise<Page> => openPage(PAGE, query);

async function saved(page: Page): Promise<void> {
  await tap(page, 'save');
  await waitFor(page, (d) => d.saving === false && d.dirty === false);
}

const stored = () => ok(ADMIN, 'admin.settings.get', {});

test('deadlines: a wrong number is named at once, nothing is stored until 保存, then only what changed', async () => {
  const page = await open();
  expect(data(page).form.numbers).toMatchObject({ acceptDays: '1', answer_inquiry: '3', autoCloseDays: '7', retentionDays: '365' });
  expect(textOf(page, 'save-state')).toBe('设置均已保存');

  const askBeforeLeaving = jest.spyOn(wx, 'enableAlertBeforeUnload');
  const leaveFreely = jest.spyOn(wx, 'disableAlertBeforeUnload');
  await typeInto(page, 'num-acceptDays', 'acceptDays', '0');
  expect(data(page).errors.numbers.acceptDays).toBe('受理时限应在 1 到 10 个工作日之间');
  expect(askBeforeLeaving).toHaveBeenCalledTimes(1);
  await typeInto(page, 'num-acceptDays', 'acceptDays', '2');
  expect(data(page).errors.numbers.acceptDays).toBeUndefined();
  await typeInto(page, 'num-answer_inquiry', 'answer_inquiry', '4');
  await typeInto(page, 'num-autoCloseDays', 'autoCloseDays', '3');
  expect(data(page).errors.numbers.autoCloseDays).toBe('自动办结天数须大于评价提醒天数');
  expect(textOf(page, 'save-state')).toBe('有尚未保存的修改');

  // A save with a mistake on the page sends nothing.
  await tap(page, 'save');
  expect(textOf(page, 'form-error')).toBe('请先修改标红的内容：自动办结天数须大于评价提醒天数');
  expect((await stored()).version).toBe(0);

  await typeInto(page, 'num-autoCloseDays', 'autoCloseDays', '10');
  expect((await stored()).acceptDays).toBe(1);
  await saved(page);
  const s = await stored();
  expect(s).toMatchObject({ version: 1, acceptDays: 2, autoCloseDays: 10, ratingReminderDays: 3, retentionDays: 365 });
  expect(s.caseTypes.find((t) => t.key === 'inquiry')?.answerDays).toBe(4);
  expect(textOf(page, 'save-state')).toBe('设置均已保存');
  expect([askBeforeLeaving.mock.calls.length, leaveFreely.mock.calls.length]).toEqual([1, 1]);
});

test('the holiday calendar: by year, with a warning for a year not entered, days added with the date picker and removed', async () => {
  const page = await open({ section: 'calendar' });
  expect(textOf(page, 'calendar-note')).toContain('国务院办公厅每年 11 月前后公布下一年的放假和调休安排');
  await tap(page, 'year-2027');
  expect(textOf(page, 'year-warning')).toContain('2027 年还没有录入春节假期');
  expect(data(page).days.holidays.map((d) => d.date)).toEqual(['2027-01-01', '2027-05-01', '2027-05-02', '2027-10-01', '2027-10-02', '2027-10-03']);

  await pickDate(page, 'add-holiday', '2027-02-06');
  expect(data(page).days.holidays.map((d) => d.date)).toContain('2027-02-06');
  expect(data(page).days.warning).toBe('');
  // A Monday is a working day already.
  await pickDate(page, 'add-workday', '2027-02-15');
  expect(textOf(page, 'calendar-error')).toBe('2月15日 周一 本来就是工作日：调休上班日应是周六或周日');
  await pickDate(page, 'add-workday', '2027-02-20');
  expect(data(page).days.workdays.map((d) => d.date)).toEqual(['2027-02-20']);
  await tap(page, 'remove-holiday', 0);
  expect(data(page).days.holidays[0].date).toBe('2027-02-06');

  expect((await stored()).calendar.holidays).toContain('2027-01-01');
  await saved(page);
  const { calendar } = await stored();
  expect(calendar.holidays).toContain('2027-02-06');
  expect(calendar.holidays).not.toContain('2027-01-01');
  expect(calendar.holidays).toContain('2026-10-01');
  expect(calendar.workdays).toContain('2027-02-20');
});

test('subscribe templates: the id and keywords checked as typed, long-term switched, saved with the page the message opens', async () => {
  const page = await open({ section: 'templates' });
  expect(textOf(page, 'templates-note')).toContain('{{thing1.DATA}}');
  await tap(page, 'kind-caseStatus');
  expect(page.data.openKind).toBe('caseStatus');

  await typeInto(page, 'kw-title', 'kw_title', 'thing1');
  expect(data(page).errors.templates.caseStatus.templateId).toBe('请填写模板 ID，或清空下面填写的关键词');
  await typeInto(page, 'tpl-id', 'templateId', 'AbC-123_x');
  await typeInto(page, 'kw-note', 'kw_note', 'thing1');
  expect(data(page).errors.templates.caseStatus.field_note).toBe('thing1 已用于“标题”：同一个关键词只能对应一个字段');
  await typeInto(page, 'kw-note', 'kw_note', 'thing4');
  expect(data(page).errors.templates.caseStatus).toEqual({});
  await tap(page, 'tpl-long-term');
  await waitFor(page, () => data(page).form.templates.caseStatus.longTerm === true);
  expect((page.data.kindSet as Record<string, boolean>).caseStatus).toBe(true);

  await saved(page);
  expect((await stored()).subscribeTemplates).toEqual({
    caseStatus: { templateId: 'AbC-123_x', fields: { title: 'thing1', note: 'thing4' }, page: 'pages/case/index', longTerm: true },
  });
  expect((await ok('o_someone', 'meta.get', {})).subscribe).toEqual({ caseStatus: 'AbC-123_x' });
});

test('CONFLICT: another admin saved first; the page reloads, says so, keeps this admin\'s change, and the next save goes through', async () => {
  const page = await open();
  await typeInto(page, 'num-retentionDays', 'retentionDays', '400');
  const s = await stored();
  await ok(ADMIN, 'admin.settings.update', { version: s.version, submissionsPerDay: 9 });

  const toast = jest.spyOn(wx, 'showToast');
  await tap(page, 'save');
  await waitFor(page, (d) => d.notice !== '' && d.saving === false);
  expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '设置已被他人修改，已重新载入' }));
  expect(textOf(page, 'notice')).toContain('其他管理员刚刚保存了设置，已重新载入');
  expect(data(page).form.numbers).toMatchObject({ submissionsPerDay: '9', retentionDays: '400' });
  expect(page.data.dirty).toBe(true);
  expect((await stored()).retentionDays).toBe(365);

  await saved(page);
  expect(await stored()).toMatchObject({ version: 2, submissionsPerDay: 9, retentionDays: 400 });
});

test("the server's own field messages are shown next to the field, on its tab", async () => {
  const page = await open();
  await typeInto(page, 'num-acceptDays', 'acceptDays', '2');
  await tap(page, 'section-templates');
  // What the server says when it refuses something the page let through: the payload is changed on the way.
  const host = wx as unknown as { cloud: { callFunction(o: { name: string; data: { action: string; payload: Record<string, unknown> } }): Promise<unknown> } };
  const real = host.cloud.callFunction;
  host.cloud.callFunction = (o) => real({ ...o, data: o.data.action === 'admin.settings.update' ? { ...o.data, payload: { ...o.data.payload, acceptDays: 11 } } : o.data });
  try {
    await tap(page, 'save');
    await waitFor(page, (d) => d.saving === false && d.formError !== '');
  } finally {
    host.cloud.callFunction = real;
  }
  expect(data(page).errors.numbers.acceptDays).toBe('受理时限（工作日）不能大于 10');
  expect(page.data.section).toBe('deadlines');
  expect(textOf(page, 'form-error')).toBe('提交的内容有误：受理时限（工作日）不能大于 10');
  expect((await stored()).version).toBe(0);
});

test('管理 → 设置 opens this page', async () => {
  const admin = mountPage('staff/admin/index', { section: 'settings' });
  const settings = await componentOf(admin, 'section-settings');
  await waitFor(settings, (d) => d.settingsLoaded === true);
  const navigate = jest.spyOn(wx, 'navigateTo');
  await tap(settings, 'open-settings');
  expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: '/staff/admin-settings/index' }));
});

test('我的 no longer shows the OPENID; the bind page shows it only when asked, and copies it', async () => {
  useIdentity('o_first_admin_to_be');
  const mine = mountPage('pages/mine/index');
  await waitFor(mine, (d) => d.loading === false);
  expect(mine.dom!.textContent).not.toContain('o_first_admin_to_be');
  expect(byTestId(mine, 'copy-openid')).toBeNull();
  const page = mountPage('pages/bind/index');
  expect(page.dom!.textContent).not.toContain('o_first_admin_to_be');
  await tap(page, 'show-openid');
  await waitFor(page, (d) => d.openid !== '');
  expect(textOf(page, 'openid')).toContain('我的微信编号');
  expect(textOf(page, 'openid')).toContain('o_first_admin_to_be');
  const copy = jest.spyOn(wx, 'setClipboardData');
  await tap(page, 'copy-openid');
  expect(copy).toHaveBeenCalledWith(expect.objectContaining({ data: 'o_first_admin_to_be' }));
}, 30_000); // two pages compiled by wcc on first mount
