// The server owns the vocabulary and the limits (meta.get serves them): no display label or limit may be defined again
// in the mini program. A file of miniprogram/ holding more than half of one of the server's label sets holds a copy of
// that vocabulary; a constant named like one of the served limits with the same value is a copy of that limit.
import fs from 'fs';
import path from 'path';
import {
  QUEUE_FILTER_LABELS,
  REJECT_REASON_LABELS,
  ROLE_LABELS,
  SCORE_LABELS,
  STATUS_LABELS,
} from '../../../cloudfunctions/api/src/domain/case-labels';
import { AUDIT_SUBJECT_LABELS } from '../../../cloudfunctions/api/src/domain/audit-labels';
import { GUIDE_CATEGORY_LABELS } from '../../../cloudfunctions/api/src/domain/guide/item';
import { CASE_TEXT_LIMITS, DEFAULT_CASE_RULES, DEFAULT_LIMITS } from '../../../cloudfunctions/api/src/domain/defaults';

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
  statuses: STATUS_LABELS,
  rejectReasons: REJECT_REASON_LABELS,
  ratings: SCORE_LABELS,
  roles: ROLE_LABELS,
  queueFilters: QUEUE_FILTER_LABELS,
  auditSubjects: AUDIT_SUBJECT_LABELS,
  guideCategories: GUIDE_CATEGORY_LABELS,
};

const SERVED_LIMITS: Record<string, number> = { ...CASE_TEXT_LIMITS, extensionMaxDays: DEFAULT_CASE_RULES.extensionMaxDays, ...DEFAULT_LIMITS };

const normal = (name: string) => name.replace(/_/g, '').toLowerCase();

/**
 * The policy editor's limits (policies/schemas.ts LIMITS) are not served yet; its `reasonMax` is the policy one, not
 * the case command's of the same name and value.
 */
const NOT_SERVED_YET = new Set([path.join('staff', 'policy-edit', 'form.ts')]);

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
  const served = new Map(Object.entries(SERVED_LIMITS).map(([k, v]) => [normal(k), v]));
  for (const { file, code } of files.filter((f) => !NOT_SERVED_YET.has(f.file))) {
    for (const m of code.matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)\s*[:=]\s*(\d+)\b/g)) {
      const value = served.get(normal(m[1]!));
      if (value !== undefined && value === Number(m[2])) copies.push(`${file}: ${m[0]}`);
    }
  }
  expect(copies).toEqual([]);
});

test('the checks catch a copy', () => {
  const copy = `const REASONS = [${Object.values(REJECT_REASON_LABELS).map((l) => `'${l}'`).join(', ')}];`;
  expect(Object.values(REJECT_REASON_LABELS).every((w) => literals(copy).has(w))).toBe(true);
  expect(literals("// '待受理'\nconst x = 1;").has('待受理')).toBe(false);
  expect(normal('EXTENSION_MAX_DAYS')).toBe(normal('extensionMaxDays'));
});
