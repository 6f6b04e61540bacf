// The settings page (miniprogram/staff/admin-settings) checks on the phone what admin.settings.update checks, with the
// limits meta.get serves, and sends what it builds: here the page's own form module meets the real function, so a
// limit the page does not take from the server fails a test instead of confusing an administrator.
import {
  checkForm,
  checkNumbers,
  errorsFromServer,
  isDirty,
  numberFields,
  settingsForm,
  settingsPatch,
  templateForm,
  type SettingsForm,
  type SettingsRules,
} from '../../../miniprogram/staff/admin-settings/form';
import { callAs, ok } from '../../helpers/cloud';
import { ADMIN, setUpAgency } from './helpers';

beforeEach(() => setUpAgency());

/** What the page checks with: the settings' case types and the limits meta.get serves, read as the page reads them. */
async function rules(): Promise<SettingsRules> {
  const [settings, meta] = await Promise.all([ok(ADMIN, 'admin.settings.get', {}), ok(ADMIN, 'meta.get', {})]);
  const { dayListMax, hotlineMax } = meta.formLimits.admin;
  return { types: settings.caseTypes, ranges: meta.formLimits.settings, dayListMax, hotlineMax };
}

async function save(edit: (f: SettingsForm) => void) {
  const base = await ok(ADMIN, 'admin.settings.get', {});
  const form = settingsForm(base);
  edit(form);
  const res = await callAs(ADMIN, 'admin.settings.update', { version: base.version, ...settingsPatch(base, form) });
  return { form, res, fields: res.ok ? {} : errorsFromServer(res.error.fields ?? {}, base) };
}

test('every deadline and limit: the page refuses exactly what the server refuses, on the same field', async () => {
  const RULES = await rules();
  for (const f of numberFields(RULES)) {
    for (const value of [f.min - 1, f.min, f.max, f.max + 1]) {
      const { form, res, fields } = await save((form) => {
        form.numbers[f.key] = String(value);
        // Auto-close must stay after the reminder; move the other one out of the way where needed.
        if (f.key === 'ratingReminderDays') form.numbers.autoCloseDays = '60';
      });
      expect([f.key, value, Object.keys(fields)]).toEqual([f.key, value, Object.keys(checkNumbers(form.numbers, RULES))]);
      if (!res.ok) expect([f.key, value, res.error.code]).toEqual([f.key, value, 'INVALID_ARGUMENT']);
    }
  }
  // What was accepted is what the page shows when it reads the settings again.
  const after = await ok(ADMIN, 'admin.settings.get', {});
  expect(settingsForm(after).numbers.retentionDays).toBe('3650');
});

test('a calendar and templates edited on the page are stored as they were sent', async () => {
  const { form, res } = await save((form) => {
    form.holidays = [...form.holidays, '2027-02-05', '2027-02-08'].sort();
    form.workdays = [...form.workdays, '2027-02-06'].sort();
    form.templates.draftReport = { ...templateForm(undefined), templateId: 'tpl-draft-report', longTerm: true };
    form.templates.draftReport.fields.title = 'thing1';
    form.templates.draftReport.fields.time = 'date2';
  });
  expect(checkForm(form, await rules())).toEqual({});
  expect(res.ok).toBe(true);
  const stored = await ok(ADMIN, 'admin.settings.get', {});
  expect(isDirty(stored, form)).toBe(false);
  expect(settingsForm(stored).holidays).toEqual(form.holidays);
  expect(stored.subscribeTemplates.draftReport).toEqual({ templateId: 'tpl-draft-report', fields: { title: 'thing1', time: 'date2' }, page: 'pages/draft/index', longTerm: true });
  // A template saved without a page (as the older seed did) now opens its case.
  expect(stored.subscribeTemplates.staffReview?.page).toBe('staff/case/index');
});

test('one keyword for two fields is refused by the server too, which would otherwise send only one of them', async () => {
  const { form, res, fields } = await save((form) => {
    form.templates.caseStatus.fields.note = 'thing1';
  });
  expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { 'subscribeTemplates.caseStatus.fields': '同一个模板关键词只能对应一个字段' } } });
  expect(fields).toEqual({ 'templates.caseStatus.fields': '同一个模板关键词只能对应一个字段' });
  // The page says it before sending, next to the second field.
  expect(checkForm(form, await rules())).toEqual({ 'templates.caseStatus.field_note': 'thing1 已用于“标题”：同一个关键词只能对应一个字段' });
});

test('the hotline: the page and the server agree on what a phone number is; a saved one is audited and reaches every citizen', async () => {
  for (const value of ['12345', '010-12345678', '400-123-4567', '12', '热线', '010 1234', '12345-', '1'.repeat(31)]) {
    const { form, res, fields } = await save((form) => {
      form.hotline = value;
    });
    const page = checkForm(form, await rules());
    expect([value, Object.keys(fields)]).toEqual([value, Object.keys(page)]);
    if (!res.ok) expect([value, res.error.code, res.error.message]).toEqual([value, 'INVALID_ARGUMENT', expect.stringMatching(/服务热线/)]);
  }
  const stored = await ok(ADMIN, 'admin.settings.get', {});
  expect(stored.hotline).toBe('400-123-4567');
  expect((await ok('o_any_citizen', 'meta.get', {})).hotline).toBe('400-123-4567');
  expect((await ok(null, 'meta.get', {})).hotline).toBe('400-123-4567');
  const audit = await ok(ADMIN, 'admin.audit.list', { subject: 'settings' });
  // 12345 is the default, so the page sent nothing for it: two changes, two events.
  expect(audit.items.filter((e) => e.note?.includes('hotline'))).toHaveLength(2);
});
