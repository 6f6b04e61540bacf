// The server owns the vocabulary and the limits (meta.get serves them): no display label or limit may be defined again
// in the mini program. A file of miniprogram/ holding more than half of one of the server's label sets holds a copy of
// that vocabulary; a constant named like one of the served limits with the same value is a copy of that limit.
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
import { GUIDE_CATEGORY_LABELS } from '../../../cloudfunctions/api/src/domain/guide/item';
import { EXPORT_FORMAT_LABELS, EXPORT_KIND_LABELS, EXPORT_PERIOD_LABELS } from '../../../cloudfunctions/api/src/domain/exports';
import { ADMIN_LIMITS } from '../../../cloudfunctions/api/src/actions/admin/schemas';
import { LIMITS as POLICY_LIMITS } from '../../../cloudfunctions/api/src/actions/policies/schemas';
import { CASE_FORM_LIMITS, CASE_TEXT_LIMITS, DEFAULT_CASE_RULES, DEFAULT_LIMITS } from '../../../cloudfunctions/api/src/domain/defaults';

const ROOT = path.join(__dirname, '../../../miniprogram');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'miniprogram_npm' ? [] : sources(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

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
};

/** Every limit meta.get serves (limits, caseLimits, formLimits), by name; one name may carry a value per form. */
const SERVED_LIMITS: Array<Record<string, number>> = [
  Object.fromEntries(Object.entries(DEFAULT_LIMITS)),
  { ...CASE_TEXT_LIMITS, extensionMaxDays: DEFAULT_CASE_RULES.extensionMaxDays },
  CASE_FORM_LIMITS,
  POLICY_LIMITS,
  ADMIN_LIMITS,
];

const normal = (name: string) => name.replace(/_/g, '').toLowerCase();

const served = new Map<string, Set<number>>();
for (const group of SERVED_LIMITS) {
  for (const [name, value] of Object.entries(group)) {
    const key = normal(name);
    served.set(key, (served.get(key) ?? new Set()).add(value));
  }
}

const files = sources(ROOT).map((file) => ({ file: path.relative(ROOT, file), code: fs.readFileSync(file, 'utf8') }));

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
    .filter((f) => f.held.length > words.length / 2);
  expect(copies).toEqual([]);
});

test('no page defines a limit the server serves', () => {
  const copies: string[] = [];
  for (const { file, code } of files) {
    for (const m of code.matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)\s*[:=]\s*(\d+)\b/g)) {
      if (served.get(normal(m[1]!))?.has(Number(m[2]))) copies.push(`${file}: ${m[0]}`);
    }
  }
  expect(copies).toEqual([]);
});

test('the checks catch a copy', () => {
  const copy = `const REASONS = [${Object.values(REJECT_REASON_LABELS).map((l) => `'${l}'`).join(', ')}];`;
  expect(Object.values(REJECT_REASON_LABELS).every((w) => literals(copy).has(w))).toBe(true);
  expect(literals("// '待受理'\nconst x = 1;").has('待受理')).toBe(false);
  expect(normal('EXTENSION_MAX_DAYS')).toBe(normal('extensionMaxDays'));
  // A name served by several forms with other values is a copy of each of them.
  expect(served.get(normal('REASON_MAX'))).toEqual(new Set([CASE_TEXT_LIMITS.reasonMax, POLICY_LIMITS.reasonMax]));
  expect(served.get(normal('KEYWORD_MAX'))).toEqual(new Set([POLICY_LIMITS.keywordMax, ADMIN_LIMITS.keywordMax]));
});
