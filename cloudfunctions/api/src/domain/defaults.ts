// What a new deployment starts with; the admin edits all of it in settings. Deadlines follow typical 12345 rules.
import type { CaseType, CaseTypeInfo, Limits } from '../../../../typings/domain';
import type { CaseRules } from './deadlines';

export const CASE_TYPES: readonly CaseType[] = ['inquiry', 'help', 'complaint', 'suggestion'];

export const DEFAULT_CASE_TYPES: readonly CaseTypeInfo[] = [
  { key: 'inquiry', label: '咨询', answerDays: 3 },
  { key: 'help', label: '求助', answerDays: 5 },
  { key: 'complaint', label: '投诉', answerDays: 13 },
  { key: 'suggestion', label: '建议', answerDays: 13 },
];

/** The government service hotline, until the admin sets the agency's own. */
export const DEFAULT_HOTLINE = '12345';

/** A hotline as it is dialled: digits, with dashes between groups (12345, 010-12345678, 400-123-4567). */
export const HOTLINE_RE = /^\d{3,12}(-\d{1,8}){0,3}$/;

export const DEFAULT_LIMITS: Limits = {
  titleMax: 50,
  contentMax: 2000,
  imagesMax: 6,
  submissionsPerDay: 5,
  listPageMax: 50,
};

/** Text limits of the staff case commands (the schemas enforce them; meta.get serves them to the forms). */
export const CASE_TEXT_LIMITS = {
  noteMax: 500,
  reasonMax: 200,
  replyMax: 5000,
  publicTitleMax: DEFAULT_LIMITS.titleMax,
} as const;

/** Text limits of the citizen's case forms and the co-sign response (the schemas enforce them; meta.get serves them). */
export const CASE_FORM_LIMITS = {
  /** A case's content says what happened and where: fewer words than this cannot be acted on. */
  contentMin: 10,
  rateCommentMax: 500,
  withdrawReasonMax: 200,
  supplementMax: DEFAULT_LIMITS.contentMax,
  contactNameMax: 20,
  cosignResponseMax: DEFAULT_LIMITS.contentMax,
} as const;

/**
 * The official calendar: holidays (every day off, weekends included, as the State Council notice lists them) and the
 * swapped working days (调休). 2026 follows the State Council's notice on the 2026 holidays. 2027 has only the
 * fixed-date holidays: the lunar holidays and their swaps are announced each autumn, and the admin enters them in
 * settings (docs/adr/0011-working-day-calendar.md).
 */
export const DEFAULT_CALENDAR: { holidays: string[]; workdays: string[] } = {
  holidays: [
    // 2026 元旦
    '2026-01-01', '2026-01-02', '2026-01-03',
    // 2026 春节
    '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23',
    // 2026 清明节
    '2026-04-04', '2026-04-05', '2026-04-06',
    // 2026 劳动节
    '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05',
    // 2026 端午节
    '2026-06-19', '2026-06-20', '2026-06-21',
    // 2026 中秋节
    '2026-09-25', '2026-09-26', '2026-09-27',
    // 2026 国庆节
    '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07',
    // 2027: fixed-date holidays only (元旦, 劳动节, 国庆节)
    '2027-01-01', '2027-05-01', '2027-05-02', '2027-10-01', '2027-10-02', '2027-10-03',
  ],
  workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};

/** Case handling rules a new deployment starts with (typical 12345 rules; PRODUCT.md). */
export const DEFAULT_CASE_RULES = {
  acceptDays: 1,
  extensionMaxDays: 10,
  ratingReminderDays: 3,
  autoCloseDays: 7,
  reviewReplies: false,
  retentionDays: 365,
} as const;

/** The rules of a deployment nobody has configured yet: the defaults above with each type's answer days. */
export const DEFAULT_RULES: CaseRules = {
  ...DEFAULT_CASE_RULES,
  answerDays: Object.fromEntries(DEFAULT_CASE_TYPES.map((t) => [t.key, t.answerDays])) as Record<CaseType, number>,
};

/** WeChat subscribe-message value limits per keyword type (characters). */
export const DEFAULT_SUBSCRIBE_FIELD_LIMITS: Record<string, number> = {
  thing: 20,
  phrase: 5,
  name: 10,
  character_string: 32,
  number: 32,
  letter: 32,
  symbol: 5,
  phone_number: 17,
  car_number: 8,
  amount: 32,
};
