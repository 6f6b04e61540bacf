// The server owns the vocabulary and the limits (meta.get serves them): no display label or limit may be defined again
// in the mini program. A file of miniprogram/ holding more than half of one of the server's label sets, three labels at
// least, holds a copy of that vocabulary (one or two of its words are a sentence's or a toast's: 已发布 after 发布); a constant named like one of the served limits (or after it: WINDOW_MIN_WORKING_DAYS_NORMATIVE) with
// the same value is a copy of that limit; a settings field carrying its served range is a copy of the range. The last
// tests run the forms with other served values: a form holding its own copy would not follow them.
import fs from 'fs';
import path from 'path';
import {
  QUEUE_FILTER_LABELS,
  TYPE_LABELS,
  REJECT_REASON_LABELS,
  ROLE_LABELS,
  SCORE_LABELS,
  STATUS_LABELS,
} from '../../../cloudfunctions/api/src/domain/case-labels';
import { AUDIT_SUBJECT_LABELS } from '../../../cloudfunctions/api/src/domain/audit-labels';
import { GUIDE_CATEGORY_LABELS, GUIDE_STATUS_LABELS } from '../../../cloudfunctions/api/src/domain/guide/item';
import { ANNOUNCEMENT_STATUS_LABELS } from '../../../cloudfunctions/api/src/domain/announcements/announcement';
import { POLICY_STATUS_LABELS } from '../../../cloudfunctions/api/src/domain/policies/policy';
import { SURVEY_KIND_LABELS } from '../../../cloudfunctions/api/src/domain/surveys';
import { EXPORT_FORMAT_LABELS, EXPORT_KIND_LABELS, EXPORT_PERIOD_LABELS } from '../../../cloudfunctions/api/src/domain/exports';
import { ADMIN_LIMITS, SETTING_RANGES } from '../../../cloudfunctions/api/src/actions/admin/schemas';
import { LIMITS as POLICY_LIMITS } from '../../../cloudfunctions/api/src/actions/policies/schemas';
import { CASE_FORM_LIMITS, CASE_TEXT_LIMITS, DEFAULT_CASE_RULES, DEFAULT_CASE_TYPES, DEFAULT_LIMITS } from '../../../cloudfunctions/api/src/domain/defaults';
import { COMMENT_STATUS_LABEL, DECISION_LABEL, DRAFT_STATUS_LABEL, DRAFT_WINDOW_LIMITS, windowRuleText } from '../../../cloudfunctions/api/src/domain/policies/drafts';
import { checkWindow, earliestCloseOn } from '../../../miniprogram/staff/draft-edit/form';
import { validateSubmit } from '../../../miniprogram/pages/submit/form';
import { checkNumbers, numberFields, type NumberKey } from '../../../miniprogram/staff/admin-settings/form';
import { ownMiniprogramFiles } from '../../helpers/miniprogram-files';

const ROOT = path.join(__dirname, '../../../miniprogram');

/** The string literals of a source, comments left out. */
function literals(code: string): Set<string> {
  const bare = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  return new Set([...bare.matchAll(/'([^'\n]*)'|"([^"\n]*)"|`([^`$\n]*)`/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? ''));
}

const LABEL_SETS: Record<string, Record<string, string>> = {
  caseTypes: TYPE_LABELS,
  statuses: STATUS_LABELS,
  rejectReasons: REJECT_REASON_LABELS,
  ratings: SCORE_LABELS,
  roles: ROLE_LABELS,
  queueFilters: QUEUE_FILTER_LABELS,
  auditSubjects: AUDIT_SUBJECT_LABELS,
  guideCategories: GUIDE_CATEGORY_LABELS,
  exportKinds: EXPORT_KIND_LABELS,
  exportPeriods: EXPORT_PERIOD_LABELS,
  exportFormats: EXPORT_FORMAT_LABELS,
  surveyKinds: SURVEY_KIND_LABELS,
  announcementStatuses: ANNOUNCEMENT_STATUS_LABELS,
  guideStatuses: GUIDE_STATUS_LABELS,
  policyStatuses: POLICY_STATUS_LABELS,
  draftStatuses: DRAFT_STATUS_LABEL,
  decisions: DECISION_LABEL,
  // Not in meta.get: every comment the server answers carries its statusLabel.
  commentStatuses: COMMENT_STATUS_LABEL,
};

/** Every limit meta.get serves (limits, caseLimits, formLimits), by name; one name may carry a value per form. */
const SERVED_LIMITS: Array<Record<string, number>> = [
  Object.fromEntries(Object.entries(DEFAULT_LIMITS)),
  { ...CASE_TEXT_LIMITS, extensionMaxDays: DEFAULT_CASE_RULES.extensionMaxDays },
  CASE_FORM_LIMITS,
  { ...POLICY_LIMITS, ...DRAFT_WINDOW_LIMITS },
  ADMIN_LIMITS,
  // formLimits.settings as names: acceptDaysMin, acceptDaysMax, ...
  Object.fromEntries(Object.entries(SETTING_RANGES).flatMap(([key, r]) => [[`${key}Min`, r.min], [`${key}Max`, r.max]])),
];

const normal = (name: string) => name.replace(/_/g, '').toLowerCase();

const served = new Map<string, Set<number>>();
for (const group of SERVED_LIMITS) {
  for (const [name, value] of Object.entries(group)) {
    const key = normal(name);
    served.set(key, (served.get(key) ?? new Set()).add(value));
  }
}

const files = ownMiniprogramFiles('.ts').map((file) => ({ file: path.relative(ROOT, file), code: fs.readFileSync(file, 'utf8') }));

test('the scan reads the mini program', () => {
  expect(files.length).toBeGreaterThan(50);
  expect(files.some((f) => f.file === path.join('staff', 'case', 'index.ts'))).toBe(true);
});

test.each(Object.entries(LABEL_SETS))('no page defines the server’s %s labels', (_name, labels) => {
  const words = Object.values(labels);
  const copies = files
    .map(({ file, code }) => {
      const found = literals(code);
      return { file, held: words.filter((w) => found.has(w)) };
    })
    .filter((f) => f.held.length > words.length / 2 && f.held.length >= 3);
  expect(copies).toEqual([]);
});

/** The served values of a name, or of the served name it starts with (a copy may add a word: ..._NORMATIVE). */
function servedValues(name: string): number[] {
  const key = normal(name);
  return [...served].filter(([n]) => key === n || (n.length >= 10 && key.startsWith(n))).flatMap(([, values]) => [...values]);
}

function limitCopies(code: string): string[] {
  return [...code.matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)\s*[:=]\s*(\d+)\b/g)].filter((m) => servedValues(m[1]!).includes(Number(m[2]))).map((m) => m[0]);
}

/** A line naming a settings number (`'acceptDays'`, `acceptDays:`) with its served range as `min: N` and `max: M`. */
function rangeCopies(code: string): string[] {
  return code.split('\n').filter((line) =>
    Object.entries(SETTING_RANGES).some(
      ([key, r]) => new RegExp(`\\b${key}\\b`).test(line) && new RegExp(`\\bmin:\\s*${r.min}\\b`).test(line) && new RegExp(`\\bmax:\\s*${r.max}\\b`).test(line),
    ),
  );
}

/** The server's own words for the draft window rule, numbers included. */
const RULE_TEXTS = [windowRuleText(false), windowRuleText(true)];

test('no page defines a limit the server serves', () => {
  const copies = files.flatMap(({ file, code }) => [...limitCopies(code), ...rangeCopies(code)].map((c) => `${file}: ${c}`));
  expect(copies).toEqual([]);
});

test('no page states the draft window rule with its numbers', () => {
  const copies = files.flatMap(({ file, code }) => [...literals(code)].filter((l) => RULE_TEXTS.some((t) => l.includes(t))).map((l) => `${file}: ${l}`));
  expect(copies).toEqual([]);
});

test('the checks catch a copy', () => {
  const copy = `const REASONS = [${Object.values(REJECT_REASON_LABELS).map((l) => `'${l}'`).join(', ')}];`;
  expect(Object.values(REJECT_REASON_LABELS).every((w) => literals(copy).has(w))).toBe(true);
  expect(literals("// '待受理'\nconst x = 1;").has('待受理')).toBe(false);
  // The smallest sets are caught whole: the decisions as the report once counted them.
  const counts = "[{ label: '采纳' }, { label: '部分采纳' }, { label: '不予采纳' }]";
  expect(Object.values(DECISION_LABEL).filter((w) => literals(counts).has(w))).toHaveLength(3);
  expect(normal('EXTENSION_MAX_DAYS')).toBe(normal('extensionMaxDays'));
  // A name served by several forms with other values is a copy of each of them.
  expect(served.get(normal('REASON_MAX'))).toEqual(new Set([CASE_TEXT_LIMITS.reasonMax, POLICY_LIMITS.reasonMax]));
  expect(served.get(normal('KEYWORD_MAX'))).toEqual(new Set([POLICY_LIMITS.keywordMax, ADMIN_LIMITS.keywordMax]));
  // The three limits ADR 0058 left on both ends, as they stood on the phone.
  expect(limitCopies(`export const WINDOW_MIN_DAYS = ${DRAFT_WINDOW_LIMITS.windowMinDays};`)).toHaveLength(1);
  expect(limitCopies(`export const WINDOW_MIN_WORKING_DAYS_NORMATIVE = ${DRAFT_WINDOW_LIMITS.windowMinWorkingDays};`)).toHaveLength(1);
  expect(limitCopies(`export const CONTENT_MIN = ${CASE_FORM_LIMITS.contentMin};`)).toHaveLength(1);
  const { min, max } = SETTING_RANGES.acceptDays;
  expect(rangeCopies(`{ key: 'acceptDays', label: '受理时限', unit: '个工作日', min: ${min}, max: ${max}, hint: '' },`)).toHaveLength(1);
  expect(rangeCopies(`{ key: 'acceptDays', label: '受理时限', unit: '个工作日', hint: '' },`)).toEqual([]);
  expect(literals(`const m = '${windowRuleText(false)}（开始当日不计入）';`).has(`${windowRuleText(false)}（开始当日不计入）`)).toBe(true);
});

describe('the forms follow what the server serves', () => {
  test('the draft window: its minimum days and working days', () => {
    const served = { windowMinDays: 12, windowMinWorkingDays: 3 };
    expect(checkWindow('2026-12-01', '2026-12-13', false, served)).toBe('');
    expect(checkWindow('2026-12-01', '2026-12-12', false, served)).toContain('不得少于 12 日');
    expect(earliestCloseOn('2026-12-01', served)).toBe('2026-12-13');
    // Friday 27 Nov 2026: Mon 30 Nov, Tue 1 and Wed 2 Dec are the three working days after it.
    expect(checkWindow('2026-11-27', '2026-12-02', true, served)).toBe('');
    expect(checkWindow('2026-11-27', '2026-12-01', true, served)).toContain('不得少于 3 个工作日');
  });

  test('the submit form: the content’s minimum length', () => {
    const meta = {
      types: [{ key: 'inquiry' as const, label: '咨询', answerDays: 3 }],
      categories: [{ id: 'c1', name: '公交', departmentId: 'd1', types: ['inquiry' as const] }],
      limits: DEFAULT_LIMITS,
      formLimits: { case: { ...CASE_FORM_LIMITS, contentMin: 4 } },
    };
    const form = { type: 'inquiry' as const, categoryId: 'c1', title: '公交', content: '末班车', images: [], contactName: '', contactPhone: '', publishConsent: false };
    expect(validateSubmit(form, meta).content).toMatch(/至少 4 个字/);
    expect(validateSubmit({ ...form, content: '末班车早' }, meta).content).toBeUndefined();
  });

  test('the settings form: each number’s range', () => {
    const ranges = { ...SETTING_RANGES, acceptDays: { min: 2, max: 4 } };
    const rules = { types: DEFAULT_CASE_TYPES, ranges };
    expect(numberFields(rules).find((f) => f.key === 'acceptDays')).toMatchObject({ min: 2, max: 4 });
    // Every number at its least, auto-close one day after the reminder (the one rule between two fields).
    const numbers = { ...Object.fromEntries(numberFields(rules).map((f) => [f.key, String(f.min)])), autoCloseDays: '2', acceptDays: '3' } as Record<NumberKey, string>;
    expect(checkNumbers(numbers, rules)).toEqual({});
    expect(checkNumbers({ ...numbers, acceptDays: '5' }, rules)).toEqual({ 'numbers.acceptDays': expect.stringContaining('应在 2 到 4') });
  });
});
