// 时限与通知设置 (staff/admin-settings) as plain data: the deadlines and limits, the holiday calendar and the
// subscribe-message templates the admin edits; checked with the limits the server serves (meta.get formLimits.settings
// and .admin; tests/cloud/cases/settings-page.test.ts runs the checks against the real function) so a mistake shows
// at once; turned into the smallest admin.settings.update patch; merged with another admin's save after a CONFLICT. No wx here: unit-tested.
import type { NumberRange, SettingRanges, SettingsView, SubscribeTemplate } from '../../../typings/api';
import type { CaseType } from '../../../typings/domain';
import { formatDayOfWeek, isCalendarDate, weekdayOf } from '../../utils/time';

export type Section = 'deadlines' | 'calendar' | 'templates';

export const SECTIONS: ReadonlyArray<{ key: Section; label: string }> = [
  { key: 'deadlines', label: '办理时限' },
  { key: 'calendar', label: '节假日' },
  { key: 'templates', label: '订阅消息' },
];

// ---- deadlines and limits ----

export type NumberKey =
  | `answer_${CaseType}`
  | 'acceptDays'
  | 'extensionMaxDays'
  | 'ratingReminderDays'
  | 'autoCloseDays'
  | 'submissionsPerDay'
  | 'cosignThreshold'
  | 'cosignsPerDay'
  | 'retentionDays';

/** A number of the settings as the page shows it; its range is the server's (meta.get formLimits.settings). */
export interface NumberField {
  key: NumberKey;
  label: string;
  unit: string;
  min: number;
  max: number;
  hint: string;
}

type FieldText = Omit<NumberField, 'min' | 'max'>;

const answerField = (t: { key: CaseType; label: string }): FieldText => ({
  key: `answer_${t.key}`,
  label: `${t.label}答复时限`,
  unit: '个工作日',
  hint: '从受理的次日起算',
});

/**
 * What the checks need from the server: the case types in its words (settings caseTypes), each number's range
 * (meta.get formLimits.settings), how many days a calendar list holds and how long the hotline may be
 * (formLimits.admin).
 */
export interface SettingsRules {
  types: ReadonlyArray<{ key: CaseType; label: string }>;
  ranges: SettingRanges;
  dayListMax: number;
  hotlineMax: number;
}

/** What the number fields need: their names and their ranges. */
export type NumberRules = Pick<SettingsRules, 'types' | 'ranges'>;

/** The fields in groups, as the page shows them, without their ranges. */
function fieldTexts(types: SettingsRules['types']): ReadonlyArray<{ title: string; fields: readonly FieldText[] }> {
  return [
    {
      title: '受理与答复（工作日）',
      fields: [
        { key: 'acceptDays', label: '受理时限', unit: '个工作日', hint: '从提交的次日起算' },
        ...types.map(answerField),
        { key: 'extensionMaxDays', label: '最长延期', unit: '个工作日', hint: '每件留言最多延期一次，须经督办批准' },
      ],
    },
    {
      title: '答复以后（自然日）',
      fields: [
        { key: 'ratingReminderDays', label: '评价提醒', unit: '天', hint: '答复后这么多天仍未评价，提醒市民一次' },
        { key: 'autoCloseDays', label: '自动办结', unit: '天', hint: '答复后这么多天仍未评价，自动办结；须多于评价提醒的天数' },
      ],
    },
    {
      title: '其他限制',
      fields: [
        { key: 'submissionsPerDay', label: '每人每日提交上限', unit: '件', hint: '同一位市民一天最多提交的留言数' },
        { key: 'retentionDays', label: '个人信息保存期限', unit: '天', hint: '留言结束后这么多天，删除联系人姓名、电话和图片' },
      ],
    },
    {
      title: '附议',
      fields: [
        { key: 'cosignThreshold', label: '附议回应人数', unit: '人', hint: '公开的建议附议达到这么多人，提醒督办，须公开回应' },
        { key: 'cosignsPerDay', label: '每人每日附议上限', unit: '次', hint: '同一位市民一天最多附议的建议数' },
      ],
    },
  ];
}

const fieldList = (types: SettingsRules['types']): FieldText[] => fieldTexts(types).flatMap((g) => g.fields);

/** The range of a field: every case type's answer days share one. */
const rangeOf = (key: NumberKey, ranges: SettingRanges): NumberRange => (key.startsWith('answer_') ? ranges.answerDays : ranges[key as Exclude<NumberKey, `answer_${CaseType}`>]);

/** The fields in groups, as the page shows them, each with the server's range. */
export function numberGroups(rules: NumberRules): ReadonlyArray<{ title: string; fields: readonly NumberField[] }> {
  return fieldTexts(rules.types).map((g) => ({ title: g.title, fields: g.fields.map((f) => ({ ...f, ...rangeOf(f.key, rules.ranges) })) }));
}

export function numberFields(rules: NumberRules): NumberField[] {
  return numberGroups(rules).flatMap((g) => g.fields);
}

const SCALARS = ['acceptDays', 'extensionMaxDays', 'ratingReminderDays', 'autoCloseDays', 'submissionsPerDay', 'retentionDays', 'cosignThreshold', 'cosignsPerDay'] as const;

export function checkNumber(raw: string, f: NumberField): string {
  const value = raw.trim();
  if (!value) return `请填写${f.label}`;
  if (!/^\d+$/.test(value)) return `${f.label}应为整数`;
  const n = Number(value);
  if (n < f.min || n > f.max) return `${f.label}应在 ${f.min} 到 ${f.max} ${f.unit}之间`;
  return '';
}

/** Every number's message, keyed `numbers.<key>`; the one rule between two fields is the server's too. */
export function checkNumbers(numbers: Record<NumberKey, string>, rules: NumberRules): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of numberFields(rules)) {
    const message = checkNumber(numbers[f.key] ?? '', f);
    if (message) errors[`numbers.${f.key}`] = message;
  }
  if (!errors['numbers.autoCloseDays'] && !errors['numbers.ratingReminderDays'] && Number(numbers.autoCloseDays) <= Number(numbers.ratingReminderDays)) {
    errors['numbers.autoCloseDays'] = '自动办结天数须大于评价提醒天数';
  }
  return errors;
}

// ---- the holiday calendar ----

export type DayList = 'holidays' | 'workdays';

export const DAY_LIST_LABELS: Record<DayList, string> = { holidays: '节假日', workdays: '调休上班日' };

export interface DayRow {
  date: string;
  text: string;
}

export interface YearOption {
  year: number;
  label: string;
  incomplete: boolean;
}

type Calendar = Pick<SettingsForm, 'holidays' | 'workdays'>;

const inYear = (days: readonly string[], year: number) => days.filter((d) => d.startsWith(`${year}-`));

/**
 * What is missing from a year's official schedule, in words; '' when it looks whole. Lunar holidays move every year
 * and 春节 always falls between late January and February, so a year without a holiday there is not entered yet.
 */
export function yearWarning(cal: Calendar, year: number): string {
  const days = inYear(cal.holidays, year);
  if (!days.length) {
    return `${year} 年还没有录入节假日：在录入之前，只有周末不计入办理时限。请按国务院办公厅公布的放假安排逐日录入节假日和调休上班日。`;
  }
  if (!days.some((d) => d >= `${year}-01-20` && d <= `${year}-02-28`)) {
    return `${year} 年还没有录入春节假期（目前只有 ${days.length} 天）。春节、清明、端午、中秋的日期每年不同，请按国务院办公厅的通知录入，否则这些日子会被当作工作日。`;
  }
  return '';
}

/** The years to choose from: those with days entered, this year and the next. */
export function yearOptions(cal: Calendar, thisYear: number): YearOption[] {
  const years = new Set([thisYear, thisYear + 1]);
  for (const d of [...cal.holidays, ...cal.workdays]) years.add(Number(d.slice(0, 4)));
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => {
      const incomplete = year >= thisYear && yearWarning(cal, year) !== '';
      return { year, label: `${year} 年${incomplete ? '（待补充）' : ''}`, incomplete };
    });
}

export function yearDays(cal: Calendar, year: number): { holidays: DayRow[]; workdays: DayRow[]; warning: string } {
  const rows = (days: readonly string[]) => inYear(days, year).map((date) => ({ date, text: formatDayOfWeek(date) }));
  return { holidays: rows(cal.holidays), workdays: rows(cal.workdays), warning: yearWarning(cal, year) };
}

/** The list with `date` added (kept in order), or why it cannot be. */
/** `max`: the server's limit of days in a list. */
export function addDay(cal: Calendar, list: DayList, date: string, max: number): { days: string[] } | { error: string } {
  const label = DAY_LIST_LABELS[list];
  const other: DayList = list === 'holidays' ? 'workdays' : 'holidays';
  if (!isCalendarDate(date)) return { error: '请选择一个有效的日期' };
  if (cal[list].includes(date)) return { error: `${formatDayOfWeek(date)} 已经是${label}` };
  if (cal[other].includes(date)) return { error: `${formatDayOfWeek(date)} 已是${DAY_LIST_LABELS[other]}：同一天不能既是节假日又是调休上班日` };
  // A weekday is a working day already: a swapped working day (调休) is a Saturday or a Sunday.
  const weekday = weekdayOf(date);
  if (list === 'workdays' && weekday !== 0 && weekday !== 6) return { error: `${formatDayOfWeek(date)} 本来就是工作日：调休上班日应是周六或周日` };
  if (cal[list].length >= max) return { error: `${label}最多 ${max} 天，请先删除早年的日期` };
  return { days: [...cal[list], date].sort() };
}

export function removeDay(days: readonly string[], date: string): string[] {
  return days.filter((d) => d !== date);
}

function checkCalendar(cal: Calendar, max: number): Record<string, string> {
  for (const list of ['holidays', 'workdays'] as const) {
    const days = cal[list];
    const label = DAY_LIST_LABELS[list];
    if (days.some((d) => !isCalendarDate(d))) return { calendar: `${label}中有无效的日期` };
    if (new Set(days).size !== days.length) return { calendar: `${label}中有重复的日期` };
    if (days.length > max) return { calendar: `${label}最多 ${max} 天` };
  }
  if (cal.holidays.some((d) => cal.workdays.includes(d))) return { calendar: '同一天不能既是节假日又是调休上班日' };
  return {};
}

// ---- subscribe-message templates ----

export type TemplateKind = keyof SettingsView['subscribeTemplates'];
export type MessageField = 'title' | 'status' | 'time' | 'note' | 'trackingNo' | 'department' | 'due';

/** Our message fields (cloudfunctions/api/src/domain/subscribe-message.ts), in the order the editor lists them. */
export const MESSAGE_FIELDS: readonly MessageField[] = ['title', 'status', 'time', 'note', 'trackingNo', 'department', 'due'];

export const FIELD_INFO: Record<MessageField, { label: string; example: string }> = {
  title: { label: '标题', example: '如 thing1' },
  status: { label: '办理状态', example: '如 phrase2' },
  time: { label: '时间', example: '如 time3' },
  note: { label: '说明', example: '如 thing4' },
  trackingNo: { label: '留言编号', example: '如 character_string5' },
  department: { label: '部门', example: '如 thing6' },
  due: { label: '答复期限', example: '如 time7 或 date7' },
};

export interface KindInfo {
  kind: TemplateKind;
  title: string;
  /** Who receives it and when. */
  when: string;
  /** The page a tap on the message opens (the notice adds ?id=). */
  page: string;
  pageLabel: string;
  /** The fields its messages carry. */
  fields: readonly MessageField[];
}

const CASE_FIELDS: readonly MessageField[] = ['title', 'status', 'time', 'note', 'trackingNo'];

export const TEMPLATE_KINDS: readonly KindInfo[] = [
  { kind: 'caseStatus', title: '办理进度通知', when: '发给市民：留言每次状态变化（受理、答复、办结等）和评价提醒', page: 'pages/case/index', pageLabel: '留言详情', fields: CASE_FIELDS },
  { kind: 'staffAssigned', title: '新分派通知', when: '发给承办人：留言分派或改派到本部门、答复被退回', page: 'staff/case/index', pageLabel: '办理页面', fields: [...CASE_FIELDS, 'due'] },
  { kind: 'staffReview', title: '待审核通知', when: '发给督办：答复或延期申请等待审核', page: 'staff/case/index', pageLabel: '办理页面', fields: CASE_FIELDS },
  { kind: 'staffDue', title: '即将到期提醒', when: '发给承办人：答复期限的前一个工作日', page: 'staff/case/index', pageLabel: '办理页面', fields: [...CASE_FIELDS, 'due'] },
  { kind: 'staffOverdue', title: '超期与督办通知', when: '发给督办和承办人：留言超期或被督办', page: 'staff/case/index', pageLabel: '办理页面', fields: [...CASE_FIELDS, 'due'] },
  { kind: 'draftReport', title: '意见采纳情况通知', when: '发给提过意见的市民：意见征集公布采纳情况时', page: 'pages/draft/index', pageLabel: '意见征集页面', fields: ['title', 'status', 'time', 'note'] },
  { kind: 'cosignResponse', title: '附议回应通知', when: '发给附议过的市民：建议附议达到人数后，公开回应发布时', page: 'pages/letter/index', pageLabel: '公开信件页面', fields: ['title', 'status', 'time', 'note'] },
];

const KIND_INFO = new Map(TEMPLATE_KINDS.map((k) => [k.kind, k]));

export function kindInfo(kind: string): KindInfo | undefined {
  return KIND_INFO.get(kind as TemplateKind);
}

/** The server's rules for a template id and a keyword (thing1, phrase2, time3 …). */
const TEMPLATE_ID_RE = /^[A-Za-z0-9_-]{1,128}$/;
const KEYWORD_RE = /^(thing|phrase|time|date|character_string|number|letter|symbol|name|amount|phone_number|car_number)\d{1,2}$/;

export interface TemplateForm {
  templateId: string;
  /** Our field -> the template's keyword, '' when the template does not show it. */
  fields: Record<MessageField, string>;
  longTerm: boolean;
  /** As stored; a template saved from this page opens its kind's page. */
  page: string;
}

export function templateForm(t: SubscribeTemplate | undefined): TemplateForm {
  const fields = {} as Record<MessageField, string>;
  for (const f of MESSAGE_FIELDS) fields[f] = t?.fields[f] ?? '';
  return { templateId: t?.templateId ?? '', fields, longTerm: t?.longTerm === true, page: t?.page ?? '' };
}

const keyword = (value: string): string => value.trim().toLowerCase();

function mapped(t: TemplateForm): Array<[MessageField, string]> {
  return MESSAGE_FIELDS.map((f): [MessageField, string] => [f, keyword(t.fields[f])]).filter(([, k]) => k !== '');
}

/** The template to send; null when the admin left it empty (that kind of message is then not sent). */
export function templateOf(kind: TemplateKind, t: TemplateForm): SubscribeTemplate | null {
  const templateId = t.templateId.trim();
  const fields = mapped(t);
  if (!templateId && !fields.length) return null;
  return {
    templateId,
    fields: Object.fromEntries(fields),
    page: t.page || (KIND_INFO.get(kind)?.page ?? ''),
    ...(t.longTerm ? { longTerm: true } : {}),
  };
}

/** A template's messages, keyed `templates.<kind>.templateId | fields | field_<field>`. */
export function checkTemplate(kind: TemplateKind, t: TemplateForm): Record<string, string> {
  const errors: Record<string, string> = {};
  const at = `templates.${kind}`;
  const templateId = t.templateId.trim();
  const fields = mapped(t);
  if (!templateId && !fields.length) return errors;
  if (!templateId) errors[`${at}.templateId`] = '请填写模板 ID，或清空下面填写的关键词';
  else if (!TEMPLATE_ID_RE.test(templateId)) errors[`${at}.templateId`] = '模板 ID 只含字母、数字、下划线和短横线，请从公众平台复制';
  if (!fields.length) errors[`${at}.fields`] = '请至少为一个字段填写模板关键词';
  const seen = new Map<string, MessageField>();
  for (const [f, k] of fields) {
    if (!KEYWORD_RE.test(k)) errors[`${at}.field_${f}`] = '模板关键词应如 thing1、phrase2、time3';
    else if (seen.has(k)) errors[`${at}.field_${f}`] = `${k} 已用于“${FIELD_INFO[seen.get(k)!].label}”：同一个关键词只能对应一个字段`;
    else seen.set(k, f);
  }
  return errors;
}

/** The fields the editor lists for a kind: those its messages carry, and any other the stored template maps. */
export function kindFields(kind: TemplateKind, t: TemplateForm): Array<{ key: MessageField; label: string; example: string; errorKey: string }> {
  const carried = KIND_INFO.get(kind)?.fields ?? MESSAGE_FIELDS;
  return MESSAGE_FIELDS.filter((f) => carried.includes(f) || keyword(t.fields[f]) !== '').map((key) => ({ key, ...FIELD_INFO[key], errorKey: `field_${key}` }));
}

// ---- the whole form ----

export interface SettingsForm {
  /** As typed (text fields), checked by checkNumbers. */
  numbers: Record<NumberKey, string>;
  /** The agency's hotline, as typed; checked by checkHotline. */
  hotline: string;
  /** In order. */
  holidays: string[];
  workdays: string[];
  templates: Record<TemplateKind, TemplateForm>;
}

function baseNumber(s: SettingsView, key: NumberKey): number | undefined {
  if (key.startsWith('answer_')) return s.caseTypes.find((t) => `answer_${t.key}` === key)?.answerDays;
  return s[key as (typeof SCALARS)[number]];
}

export function settingsForm(s: SettingsView): SettingsForm {
  const numbers = {} as Record<NumberKey, string>;
  for (const f of fieldList(s.caseTypes)) numbers[f.key] = String(baseNumber(s, f.key) ?? '');
  const templates = {} as Record<TemplateKind, TemplateForm>;
  for (const k of TEMPLATE_KINDS) templates[k.kind] = templateForm(s.subscribeTemplates[k.kind]);
  return { numbers, hotline: s.hotline, holidays: [...s.calendar.holidays].sort(), workdays: [...s.calendar.workdays].sort(), templates };
}

/** The server's rule (actions/admin/settings.ts): digits, with dashes between groups. */
const HOTLINE = /^\d{3,12}(-\d{1,8}){0,3}$/;

export function checkHotline(raw: string, max: number): string {
  const value = raw.trim();
  if (!value) return '请填写服务热线';
  if (value.length > max || !HOTLINE.test(value)) return '服务热线应为电话号码，只含数字和短横线，如 12345 或 010-12345678';
  return '';
}

export function checkForm(f: SettingsForm, rules: SettingsRules): Record<string, string> {
  const hotline = checkHotline(f.hotline, rules.hotlineMax);
  const errors = { ...checkNumbers(f.numbers, rules), ...(hotline ? { hotline } : {}), ...checkCalendar(f, rules.dayListMax) };
  for (const k of TEMPLATE_KINDS) Object.assign(errors, checkTemplate(k.kind, f.templates[k.kind]));
  return errors;
}

/** The tab a message belongs to. */
export function sectionOf(key: string): Section {
  if (key.startsWith('templates.')) return 'templates';
  if (key === 'calendar') return 'calendar';
  return 'deadlines';
}

/**
 * What the admin can change separately, each as a comparable text: a number, a list of days, one template. Saving
 * compares them with what was read; a CONFLICT merges them with the other admin's save.
 */
interface Unit {
  label: string;
  value(f: SettingsForm): string;
  take(into: SettingsForm, from: SettingsForm): void;
}

/** A number as typed, compared by its value ("07" is 7). */
function numberText(raw: string): string {
  const value = raw.trim();
  return /^\d+$/.test(value) ? String(Number(value)) : value;
}

/** The settings one by one, the case types named in the server's words. */
function unitsOf(types: SettingsRules['types']): Unit[] {
  return [
    {
      label: '服务热线',
      value: (f) => f.hotline.trim(),
      take: (into, from) => {
        into.hotline = from.hotline;
      },
    },
    ...fieldList(types).map(
      (n): Unit => ({
        label: n.label,
        value: (f) => numberText(f.numbers[n.key]),
        take: (into, from) => {
          into.numbers[n.key] = from.numbers[n.key];
        },
      }),
    ),
    ...TEMPLATE_KINDS.map(
      (k): Unit => ({
        label: k.title,
        value: (f) => JSON.stringify(templateOf(k.kind, f.templates[k.kind])),
        take: (into, from) => {
          into.templates[k.kind] = from.templates[k.kind];
        },
      }),
    ),
  ];
}

const sameDays = (a: readonly string[], b: readonly string[]) => a.join() === b.join();

export function isDirty(base: SettingsView, f: SettingsForm): boolean {
  const read = settingsForm(base);
  return !sameDays(read.holidays, f.holidays) || !sameDays(read.workdays, f.workdays) || unitsOf(base.caseTypes).some((u) => u.value(read) !== u.value(f));
}

/** The changed settings only (the form must pass checkForm first); {} when nothing changed. */
export function settingsPatch(base: SettingsView, f: SettingsForm): Partial<Omit<SettingsView, 'version'>> {
  const read = settingsForm(base);
  const patch: Partial<Omit<SettingsView, 'version'>> = {};
  const changed = (key: NumberKey) => read.numbers[key] !== numberText(f.numbers[key]);
  if (base.caseTypes.some((t) => changed(`answer_${t.key}`))) {
    patch.caseTypes = base.caseTypes.map((t) => ({ key: t.key, label: t.label, answerDays: Number(f.numbers[`answer_${t.key}`]) }));
  }
  for (const key of SCALARS) if (changed(key)) patch[key] = Number(f.numbers[key]);
  if (read.hotline.trim() !== f.hotline.trim()) patch.hotline = f.hotline.trim();
  if (!sameDays(read.holidays, f.holidays) || !sameDays(read.workdays, f.workdays)) patch.calendar = { holidays: [...f.holidays], workdays: [...f.workdays] };
  if (TEMPLATE_KINDS.some((k) => JSON.stringify(templateOf(k.kind, read.templates[k.kind])) !== JSON.stringify(templateOf(k.kind, f.templates[k.kind])))) {
    const templates: SettingsView['subscribeTemplates'] = {};
    for (const k of TEMPLATE_KINDS) {
      const t = templateOf(k.kind, f.templates[k.kind]);
      if (t) templates[k.kind] = t;
    }
    patch.subscribeTemplates = templates;
  }
  return patch;
}

/** Days a list gains and loses in `mine` over `base`, applied to `theirs`. */
function mergeDays(base: readonly string[], mine: readonly string[], theirs: readonly string[]): string[] {
  const added = mine.filter((d) => !base.includes(d));
  const removed = new Set(base.filter((d) => !mine.includes(d)));
  return [...new Set([...theirs, ...added])].filter((d) => !removed.has(d)).sort();
}

/**
 * After a CONFLICT: the settings as the other admin saved them (`theirs`), with this admin's unsaved changes over
 * `base` kept; where both changed the same setting, theirs stays and its name is listed.
 */
export function rebase(base: SettingsView, mine: SettingsForm, theirs: SettingsView): { form: SettingsForm; overridden: string[] } {
  const read = settingsForm(base);
  const form = settingsForm(theirs);
  const overridden: string[] = [];
  for (const u of unitsOf(base.caseTypes)) {
    if (u.value(mine) === u.value(read)) continue;
    if (u.value(form) === u.value(read)) u.take(form, mine);
    else if (u.value(form) !== u.value(mine)) overridden.push(u.label);
  }
  form.holidays = mergeDays(read.holidays, mine.holidays, form.holidays);
  form.workdays = mergeDays(read.workdays, mine.workdays, form.workdays);
  return { form, overridden };
}

// ---- messages on screen ----

export interface ErrorView {
  numbers: Record<string, string>;
  hotline: string;
  calendar: string;
  /** By kind: templateId, fields, field_<field>, page, longTerm. */
  templates: Record<string, Record<string, string>>;
  /** Messages that belong to no field on screen. */
  other: string;
}

export function noErrors(): ErrorView {
  return { numbers: {}, hotline: '', calendar: '', templates: Object.fromEntries(TEMPLATE_KINDS.map((k) => [k.kind, {}])), other: '' };
}

/** Spreads a map of our keys (checkForm's, errorsFromServer's) over the places the page shows them. */
export function errorView(errors: Record<string, string>): ErrorView {
  const view = noErrors();
  const other: string[] = [];
  for (const [key, message] of Object.entries(errors)) {
    const [head, kind, rest] = key.split('.');
    if (head === 'numbers' && kind) view.numbers[kind] = message;
    else if (head === 'calendar') view.calendar ||= message;
    else if (head === 'hotline') view.hotline = message;
    else if (head === 'templates' && kind && rest && view.templates[kind]) view.templates[kind][rest] = message;
    else other.push(message);
  }
  view.other = other.join('；');
  return view;
}

/** The server's `fields` (its request paths) as our keys; caseTypes are matched by the order the patch sent them in. */
export function errorsFromServer(fields: Record<string, string>, base: SettingsView): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const parts = path.split('.');
    let key = '_';
    if (parts[0] === 'caseTypes') {
      const type = base.caseTypes[Number(parts[1])]?.key;
      if (type) key = `numbers.answer_${type}`;
    } else if ((SCALARS as readonly string[]).includes(parts[0])) {
      key = `numbers.${parts[0]}`;
    } else if (parts[0] === 'calendar') {
      key = 'calendar';
    } else if (parts[0] === 'hotline') {
      key = 'hotline';
    } else if (parts[0] === 'subscribeTemplates' && parts[1] && KIND_INFO.has(parts[1] as TemplateKind)) {
      key = parts[2] === 'fields' && parts[3] ? `templates.${parts[1]}.field_${parts[3]}` : `templates.${parts[1]}.${parts[2] ?? 'fields'}`;
    }
    out[key] = out[key] ? out[key] : message;
  }
  return out;
}

export function firstKey(errors: Record<string, string>): string {
  return Object.keys(errors)[0] ?? '';
}
