import type { SettingsView } from '../../../typings/api';
import { ADMIN_LIMITS, SETTING_RANGES } from '../../../cloudfunctions/api/src/actions/admin/schemas';
import { DEFAULT_CASE_TYPES } from '../../../cloudfunctions/api/src/domain/defaults';
import {
  addDay,
  checkForm,
  checkHotline,
  checkNumbers,
  checkTemplate,
  errorsFromServer,
  errorView,
  isDirty,
  kindFields,
  numberFields,
  rebase,
  removeDay,
  sectionOf,
  settingsForm,
  settingsPatch,
  templateForm,
  templateOf,
  yearDays,
  yearOptions,
  yearWarning,
  type SettingsForm,
} from '../../../miniprogram/staff/admin-settings/form';
import { addDays, formatDayOfWeek } from '../../../miniprogram/utils/time';

/** The server's words and limits, as meta.get and admin.settings.get serve them. */
const TYPES = DEFAULT_CASE_TYPES;
const RULES = { types: TYPES, ranges: SETTING_RANGES, dayListMax: ADMIN_LIMITS.dayListMax, hotlineMax: ADMIN_LIMITS.hotlineMax };

const FIELDS = { title: 'thing1', status: 'phrase2', time: 'time3', note: 'thing4' };

function settings(over: Partial<SettingsView> = {}): SettingsView {
  return {
    version: 3,
    caseTypes: [
      { key: 'inquiry', label: '咨询', answerDays: 3 },
      { key: 'help', label: '求助', answerDays: 5 },
      { key: 'complaint', label: '投诉', answerDays: 13 },
      { key: 'suggestion', label: '建议', answerDays: 13 },
    ],
    acceptDays: 1,
    extensionMaxDays: 10,
    ratingReminderDays: 3,
    autoCloseDays: 7,
    submissionsPerDay: 5,
    cosignThreshold: 100,
    cosignsPerDay: 30,
    hotline: '12345',
    reviewReplies: false,
    retentionDays: 365,
    calendar: { holidays: ['2026-10-02', '2026-10-01', '2027-01-01'], workdays: ['2026-10-10'] },
    replyTemplates: [],
    subscribeTemplates: { caseStatus: { templateId: 'tpl-status', fields: FIELDS, page: 'pages/case/index' }, staffReview: { templateId: 'tpl-review', fields: FIELDS } },
    ...over,
  };
}

const copy = (f: SettingsForm): SettingsForm => JSON.parse(JSON.stringify(f)) as SettingsForm;

describe('the form of the settings read', () => {
  test('every number as text, the days in order, every kind of template (empty when not set)', () => {
    const f = settingsForm(settings());
    expect(f.numbers).toMatchObject({ answer_inquiry: '3', answer_complaint: '13', acceptDays: '1', autoCloseDays: '7', retentionDays: '365' });
    expect(f.holidays).toEqual(['2026-10-01', '2026-10-02', '2027-01-01']);
    expect(f.templates.caseStatus).toEqual({ templateId: 'tpl-status', fields: { ...FIELDS, trackingNo: '', department: '', due: '' }, longTerm: false, page: 'pages/case/index' });
    expect(f.templates.draftReport.templateId).toBe('');
    expect(checkForm(f, RULES)).toEqual({});
    expect(isDirty(settings(), f)).toBe(false);
    expect(settingsPatch(settings(), f)).toEqual({});
  });
});

describe('deadlines and limits', () => {
  const form = () => settingsForm(settings()).numbers;

  test('each number within the server limits, with a Chinese message naming the field', () => {
    expect(checkNumbers({ ...form(), acceptDays: '0' }, RULES)).toEqual({ 'numbers.acceptDays': '受理时限应在 1 到 10 个工作日之间' });
    expect(checkNumbers({ ...form(), answer_help: '61' }, RULES)).toEqual({ 'numbers.answer_help': '求助答复时限应在 1 到 60 个工作日之间' });
    expect(checkNumbers({ ...form(), retentionDays: '29' }, RULES)).toEqual({ 'numbers.retentionDays': '个人信息保存期限应在 30 到 3650 天之间' });
    expect(checkNumbers({ ...form(), submissionsPerDay: '' }, RULES)).toEqual({ 'numbers.submissionsPerDay': '请填写每人每日提交上限' });
    expect(checkNumbers({ ...form(), extensionMaxDays: '2.5' }, RULES)).toEqual({ 'numbers.extensionMaxDays': '最长延期应为整数' });
    expect(checkNumbers({ ...form(), acceptDays: ' 10 ' }, RULES)).toEqual({});
  });

  test('auto-close must come after the rating reminder, as on the server', () => {
    expect(checkNumbers({ ...form(), autoCloseDays: '3' }, RULES)).toEqual({ 'numbers.autoCloseDays': '自动办结天数须大于评价提醒天数' });
    expect(checkNumbers({ ...form(), ratingReminderDays: '9' }, RULES)).toEqual({ 'numbers.autoCloseDays': '自动办结天数须大于评价提醒天数' });
    // A field that is wrong on its own says so, not the rule between the two.
    expect(checkNumbers({ ...form(), ratingReminderDays: '' }, RULES)).toEqual({ 'numbers.ratingReminderDays': '请填写评价提醒' });
  });

  test('the patch holds what changed: all four types when one answer time changes, numbers as numbers', () => {
    const base = settings();
    const f = settingsForm(base);
    f.numbers.answer_help = '6';
    f.numbers.retentionDays = '0730';
    expect(settingsPatch(base, f)).toEqual({
      caseTypes: base.caseTypes.map((t) => (t.key === 'help' ? { ...t, answerDays: 6 } : t)),
      retentionDays: 730,
    });
    // Typed back to what was read: nothing to save.
    f.numbers.answer_help = '5';
    f.numbers.retentionDays = '365';
    expect(isDirty(base, f)).toBe(false);
    f.numbers.acceptDays = '01';
    expect(isDirty(base, f)).toBe(false);
  });

  test('the hotline: a phone number as the server takes it, sent trimmed when it changed, merged after a CONFLICT', () => {
    expect(checkHotline('010-12345678', ADMIN_LIMITS.hotlineMax)).toBe('');
    expect(checkHotline(' 12345 ', ADMIN_LIMITS.hotlineMax)).toBe('');
    expect(checkHotline('', ADMIN_LIMITS.hotlineMax)).toBe('请填写服务热线');
    for (const bad of ['12', '热线12345', '010 1234', '+86-10-1234', '12345-']) expect(checkHotline(bad, ADMIN_LIMITS.hotlineMax)).toMatch(/^服务热线应为电话号码/);
    const base = settings();
    const f = settingsForm(base);
    expect(f.hotline).toBe('12345');
    f.hotline = ' 010-88886666 ';
    expect(isDirty(base, f)).toBe(true);
    expect(settingsPatch(base, f)).toEqual({ hotline: '010-88886666' });
    expect(checkForm({ ...f, hotline: 'abc' }, RULES)).toEqual({ hotline: expect.stringMatching(/^服务热线应为电话号码/) });
    expect(errorView(errorsFromServer({ hotline: '服务热线过长' }, base)).hotline).toBe('服务热线过长');
    const theirs = settings({ version: 4, hotline: '12345' , acceptDays: 2 });
    expect(rebase(base, f, theirs).form.hotline).toBe(' 010-88886666 ');
    expect(rebase(base, f, settings({ version: 4, hotline: '96000' })).overridden).toEqual(['服务热线']);
  });

  test('every field has a label, a unit and limits', () => {
    expect(numberFields(RULES).map((f) => f.key).sort()).toEqual(
      ['acceptDays', 'answer_complaint', 'answer_help', 'answer_inquiry', 'answer_suggestion', 'autoCloseDays', 'cosignThreshold', 'cosignsPerDay', 'extensionMaxDays', 'ratingReminderDays', 'retentionDays', 'submissionsPerDay'].sort(),
    );
    for (const f of numberFields(RULES)) expect(f.label && f.unit && f.min <= f.max).toBeTruthy();
  });
});

describe('the holiday calendar', () => {
  const cal = { holidays: ['2026-01-01', '2026-02-16', '2027-01-01'], workdays: ['2026-01-04'] };

  test('days are added in order, once, never on both lists; a swapped working day is a weekend day', () => {
    expect(addDay(cal, 'holidays', '2026-01-02', ADMIN_LIMITS.dayListMax)).toEqual({ days: ['2026-01-01', '2026-01-02', '2026-02-16', '2027-01-01'] });
    expect(addDay(cal, 'holidays', '2026-01-01', ADMIN_LIMITS.dayListMax)).toEqual({ error: '1月1日 周四 已经是节假日' });
    expect(addDay(cal, 'holidays', '2026-01-04', ADMIN_LIMITS.dayListMax)).toEqual({ error: '1月4日 周日 已是调休上班日：同一天不能既是节假日又是调休上班日' });
    expect(addDay(cal, 'workdays', '2026-02-14', ADMIN_LIMITS.dayListMax)).toEqual({ days: ['2026-01-04', '2026-02-14'] });
    expect(addDay(cal, 'workdays', '2026-02-13', ADMIN_LIMITS.dayListMax)).toEqual({ error: '2月13日 周五 本来就是工作日：调休上班日应是周六或周日' });
    expect(addDay(cal, 'holidays', '2026-02-30', ADMIN_LIMITS.dayListMax)).toEqual({ error: '请选择一个有效的日期' });
    expect(removeDay(cal.holidays, '2026-02-16')).toEqual(['2026-01-01', '2027-01-01']);
  });

  test('the server keeps at most 400 days a list', () => {
    const many = Array.from({ length: 400 }, (_, i) => addDays('2030-01-01', i));
    expect(addDay({ holidays: many, workdays: [] }, 'holidays', '2026-05-01', ADMIN_LIMITS.dayListMax)).toEqual({ error: '节假日最多 400 天，请先删除早年的日期' });
  });

  test('a year without its Spring Festival, or without any holiday, is flagged as not entered yet', () => {
    expect(yearWarning(cal, 2026)).toBe('');
    expect(yearWarning(cal, 2027)).toContain('2027 年还没有录入春节假期（目前只有 1 天）');
    expect(yearWarning(cal, 2028)).toContain('2028 年还没有录入节假日');
    expect(yearOptions(cal, 2026)).toEqual([
      { year: 2026, label: '2026 年', incomplete: false },
      { year: 2027, label: '2027 年（待补充）', incomplete: true },
    ]);
    // Past years are not asked for; a year with days entered is listed.
    expect(yearOptions({ holidays: ['2025-10-01'], workdays: [] }, 2026).map((y) => y.label)).toEqual(['2025 年', '2026 年（待补充）', '2027 年（待补充）']);
  });

  test("a year's days with their weekdays", () => {
    expect(yearDays(cal, 2026)).toEqual({
      holidays: [
        { date: '2026-01-01', text: '1月1日 周四' },
        { date: '2026-02-16', text: '2月16日 周一' },
      ],
      workdays: [{ date: '2026-01-04', text: '1月4日 周日' }],
      warning: '',
    });
    expect(formatDayOfWeek('2026-10-10')).toBe('10月10日 周六');
  });

  test('a changed calendar is sent whole, in order', () => {
    const base = settings();
    const f = settingsForm(base);
    f.holidays = removeDay(f.holidays, '2026-10-02');
    expect(settingsPatch(base, f)).toEqual({ calendar: { holidays: ['2026-10-01', '2027-01-01'], workdays: ['2026-10-10'] } });
  });
});

describe('subscribe-message templates', () => {
  test('a template is its id and the keywords filled in; empty, it is not sent', () => {
    const t = templateForm(undefined);
    expect(templateOf('staffDue', t)).toBeNull();
    expect(checkTemplate('staffDue', t)).toEqual({});
    t.templateId = ' tpl-due ';
    t.fields.title = ' Thing1 ';
    t.fields.due = 'time2';
    t.longTerm = true;
    expect(templateOf('staffDue', t)).toEqual({ templateId: 'tpl-due', fields: { title: 'thing1', due: 'time2' }, page: 'staff/case/index', longTerm: true });
    expect(checkTemplate('staffDue', t)).toEqual({});
  });

  test('the server rules: an id from 公众平台, at least one keyword, keywords like thing1, each used once', () => {
    const t = templateForm(undefined);
    t.fields.title = 'thing1';
    expect(checkTemplate('caseStatus', t)).toEqual({ 'templates.caseStatus.templateId': '请填写模板 ID，或清空下面填写的关键词' });
    t.templateId = 'tpl 1';
    t.fields.status = 'headline2';
    t.fields.note = 'thing1';
    expect(checkTemplate('caseStatus', t)).toEqual({
      'templates.caseStatus.templateId': '模板 ID 只含字母、数字、下划线和短横线，请从公众平台复制',
      'templates.caseStatus.field_status': '模板关键词应如 thing1、phrase2、time3',
      'templates.caseStatus.field_note': 'thing1 已用于“标题”：同一个关键词只能对应一个字段',
    });
    const idOnly = templateForm({ templateId: 'tpl', fields: {} });
    expect(checkTemplate('caseStatus', idOnly)).toEqual({ 'templates.caseStatus.fields': '请至少为一个字段填写模板关键词' });
  });

  test("the editor lists the fields a kind's messages carry, and any other one already mapped", () => {
    expect(kindFields('draftReport', templateForm(undefined)).map((f) => f.key)).toEqual(['title', 'status', 'time', 'note']);
    expect(kindFields('staffDue', templateForm(undefined)).map((f) => f.key)).toEqual(['title', 'status', 'time', 'note', 'trackingNo', 'due']);
    expect(kindFields('caseStatus', templateForm({ templateId: 't', fields: { department: 'thing9' } })).map((f) => f.key)).toContain('department');
    expect(kindFields('caseStatus', templateForm(undefined))[0]).toEqual({ key: 'title', label: '标题', example: '如 thing1', errorKey: 'field_title' });
  });

  test('changing one template sends them all, as the server replaces the set; a stored page is kept', () => {
    const base = settings();
    const f = settingsForm(base);
    f.templates.staffReview.longTerm = true;
    expect(settingsPatch(base, f)).toEqual({
      subscribeTemplates: {
        caseStatus: { templateId: 'tpl-status', fields: FIELDS, page: 'pages/case/index' },
        staffReview: { templateId: 'tpl-review', fields: FIELDS, page: 'staff/case/index', longTerm: true },
      },
    });
  });
});

describe('messages', () => {
  test("the server's paths land next to the fields: caseTypes by the order sent, templates by kind and field", () => {
    const fields = errorsFromServer(
      {
        'caseTypes.2.answerDays': '答复时限（工作日）不能大于 60',
        acceptDays: '受理时限（工作日）不能小于 1',
        'calendar.holidays.0': '日期格式应为 YYYY-MM-DD，且须为有效日期',
        'subscribeTemplates.caseStatus.fields.title': '模板关键词应如 thing1、phrase2、time3',
        'subscribeTemplates.staffDue.fields': '同一个模板关键词只能对应一个字段',
        'subscribeTemplates.staffDue.templateId': '模板编号格式不正确',
        version: '版本号应为数字',
      },
      settings(),
    );
    expect(fields).toEqual({
      'numbers.answer_complaint': '答复时限（工作日）不能大于 60',
      'numbers.acceptDays': '受理时限（工作日）不能小于 1',
      calendar: '日期格式应为 YYYY-MM-DD，且须为有效日期',
      'templates.caseStatus.field_title': '模板关键词应如 thing1、phrase2、time3',
      'templates.staffDue.fields': '同一个模板关键词只能对应一个字段',
      'templates.staffDue.templateId': '模板编号格式不正确',
      _: '版本号应为数字',
    });
    const view = errorView(fields);
    expect(view.numbers).toEqual({ answer_complaint: '答复时限（工作日）不能大于 60', acceptDays: '受理时限（工作日）不能小于 1' });
    expect(view.templates.staffDue).toEqual({ fields: '同一个模板关键词只能对应一个字段', templateId: '模板编号格式不正确' });
    expect(view.templates.draftReport).toEqual({});
    expect(view.other).toBe('版本号应为数字');
    expect(['numbers.acceptDays', 'calendar', 'templates.staffDue.fields'].map(sectionOf)).toEqual(['deadlines', 'calendar', 'templates']);
  });
});

describe('after a CONFLICT', () => {
  test("the other admin's save is taken, this admin's changes are kept over it, and a setting both changed is theirs", () => {
    const base = settings();
    const mine = copy(settingsForm(base));
    mine.numbers.acceptDays = '2';
    mine.numbers.retentionDays = '400';
    mine.holidays = [...mine.holidays, '2027-02-06'].sort();
    mine.templates.draftReport = { ...templateForm(undefined), templateId: 'tpl-draft', fields: { ...templateForm(undefined).fields, title: 'thing1' } };

    const theirs = settings({
      version: 4,
      retentionDays: 500,
      submissionsPerDay: 8,
      calendar: { holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2027-01-01'], workdays: ['2026-10-10'] },
    });
    const { form, overridden } = rebase(base, mine, theirs);
    expect(form.numbers).toMatchObject({ acceptDays: '2', retentionDays: '500', submissionsPerDay: '8' });
    expect(overridden).toEqual(['个人信息保存期限']);
    expect(form.holidays).toEqual(['2026-10-01', '2026-10-02', '2026-10-03', '2027-01-01', '2027-02-06']);
    expect(form.templates.draftReport.templateId).toBe('tpl-draft');
    // What is left to save is this admin's own change over theirs.
    expect(settingsPatch(theirs, form)).toEqual({
      acceptDays: 2,
      calendar: { holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2027-01-01', '2027-02-06'], workdays: ['2026-10-10'] },
      subscribeTemplates: {
        caseStatus: { templateId: 'tpl-status', fields: FIELDS, page: 'pages/case/index' },
        staffReview: { templateId: 'tpl-review', fields: FIELDS, page: 'staff/case/index' },
        draftReport: { templateId: 'tpl-draft', fields: { title: 'thing1' }, page: 'pages/draft/index' },
      },
    });
  });

  test('a day removed here stays removed; the same change on both sides is no conflict', () => {
    const base = settings();
    const mine = copy(settingsForm(base));
    mine.holidays = removeDay(mine.holidays, '2026-10-02');
    mine.numbers.acceptDays = '3';
    const theirs = settings({ version: 4, acceptDays: 3 });
    const { form, overridden } = rebase(base, mine, theirs);
    expect(form.holidays).toEqual(['2026-10-01', '2027-01-01']);
    expect(overridden).toEqual([]);
    expect(isDirty(theirs, form)).toBe(true);
    expect(settingsPatch(theirs, form)).toEqual({ calendar: { holidays: ['2026-10-01', '2027-01-01'], workdays: ['2026-10-10'] } });
  });
});
