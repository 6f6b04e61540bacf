import type { CalendarSettings, ReplyTemplate, SettingsView } from '../../../../typings/api';
import type { CaseTypeInfo, Limits } from '../../../../typings/domain';
import { makeCalendar, type WorkCalendar } from '../domain/calendar';
import { DEFAULT_COSIGN_THRESHOLD, DEFAULT_COSIGNS_PER_DAY } from '../domain/cosign';
import type { CaseRules } from '../domain/deadlines';
import { DEFAULT_CALENDAR, DEFAULT_CASE_RULES, DEFAULT_CASE_TYPES, DEFAULT_HOTLINE, DEFAULT_LIMITS, DEFAULT_RULES, DEFAULT_SUBSCRIBE_FIELD_LIMITS } from '../domain/defaults';
import { COLLECTIONS, findById, isNotFound } from '../lib/db';
import { sameContent } from '../lib/same-content';
import { runTransaction } from '../lib/transaction';
import { errors } from '../lib/errors';
import { cached, invalidate } from '../lib/warm-cache';
import { recordEvent, type NewAuditEvent } from './audit';

/** The agency's settings: one document, `_id: 'global'`. Missing keys fall back to the defaults. */
export interface Settings {
  caseTypes: CaseTypeInfo[];
  limits: Limits;
  /** Every admin write carries the version it read; a stale one gets CONFLICT. Absent in a fresh deployment: 0. */
  version: number;
  acceptDays: number;
  extensionMaxDays: number;
  ratingReminderDays: number;
  autoCloseDays: number;
  reviewReplies: boolean;
  retentionDays: number;
  calendar: CalendarSettings;
  replyTemplates: ReplyTemplate[];
  subscribeTemplates: SettingsView['subscribeTemplates'];
  /** WeChat's value limits per keyword type (thing ≤ 20 …), editable should WeChat change them. */
  subscribeFieldLimits: Record<string, number>;
  /** Co-signs 附议 at which a suggestion is flagged and owes a response; co-signs one citizen may make a day. */
  cosignThreshold: number;
  cosignsPerDay: number;
  /** The agency's hotline for citizens. */
  hotline: string;
}

const SETTINGS_ID = 'global';

/** The settings as stored now: for the admin, who edits them. */
export async function readSettings(): Promise<Settings> {
  const stored: Partial<Settings> = (await findById<Partial<Settings>>(COLLECTIONS.settings, SETTINGS_ID)) ?? {};
  return resolveSettings(stored);
}

/** The settings every request works with, kept by the warm instance for a few seconds (lib/warm-cache.ts). */
export function loadSettings(): Promise<Settings> {
  return cached(SETTINGS_CACHE_KEY, readSettings);
}

const SETTINGS_CACHE_KEY = 'settings';

export function resolveSettings(stored: Partial<Settings>): Settings {
  return {
    caseTypes: stored.caseTypes ?? DEFAULT_CASE_TYPES.map((t) => ({ ...t })),
    limits: { ...DEFAULT_LIMITS, ...(stored.limits ?? {}) },
    version: stored.version ?? 0,
    acceptDays: stored.acceptDays ?? DEFAULT_CASE_RULES.acceptDays,
    extensionMaxDays: stored.extensionMaxDays ?? DEFAULT_CASE_RULES.extensionMaxDays,
    ratingReminderDays: stored.ratingReminderDays ?? DEFAULT_CASE_RULES.ratingReminderDays,
    autoCloseDays: stored.autoCloseDays ?? DEFAULT_CASE_RULES.autoCloseDays,
    reviewReplies: stored.reviewReplies ?? DEFAULT_CASE_RULES.reviewReplies,
    retentionDays: stored.retentionDays ?? DEFAULT_CASE_RULES.retentionDays,
    calendar: stored.calendar ?? { holidays: [...DEFAULT_CALENDAR.holidays], workdays: [...DEFAULT_CALENDAR.workdays] },
    replyTemplates: stored.replyTemplates ?? [],
    subscribeTemplates: stored.subscribeTemplates ?? {},
    subscribeFieldLimits: { ...DEFAULT_SUBSCRIBE_FIELD_LIMITS, ...(stored.subscribeFieldLimits ?? {}) },
    cosignThreshold: stored.cosignThreshold ?? DEFAULT_COSIGN_THRESHOLD,
    cosignsPerDay: stored.cosignsPerDay ?? DEFAULT_COSIGNS_PER_DAY,
    hotline: stored.hotline ?? DEFAULT_HOTLINE,
  };
}

/** The deadline rules the case domain works with. */
export function caseRules(s: Settings): CaseRules {
  const answerDays = { ...DEFAULT_RULES.answerDays };
  for (const t of s.caseTypes) answerDays[t.key] = t.answerDays;
  return {
    acceptDays: s.acceptDays,
    extensionMaxDays: s.extensionMaxDays,
    ratingReminderDays: s.ratingReminderDays,
    autoCloseDays: s.autoCloseDays,
    retentionDays: s.retentionDays,
    reviewReplies: s.reviewReplies,
    answerDays,
  };
}

const calendars = new WeakMap<CalendarSettings, WorkCalendar>();

export function workCalendar(s: Settings): WorkCalendar {
  let cal = calendars.get(s.calendar);
  if (!cal) {
    cal = makeCalendar(s.calendar);
    calendars.set(s.calendar, cal);
  }
  return cal;
}

/** Writes the given keys if `version` is the stored one; answers the settings as now stored. */
/** Saves a settings patch over `version` and records `event` in the same transaction. */
export async function saveSettings(version: number, patch: Partial<Omit<Settings, 'version'>>, event: NewAuditEvent): Promise<Settings> {
  return runTransaction(async (tx) => {
    const ref = tx.collection(COLLECTIONS.settings).doc(SETTINGS_ID);
    const { data } = await ref.get().catch((error: unknown) => {
      if (isNotFound(error)) return { data: null };
      throw error;
    });
    const stored = (data ?? {}) as Partial<Settings> & { _id?: string };
    const { _id: _ignored, ...rest } = stored;
    if ((stored.version ?? 0) !== version) {
      // This very change, already applied (a retry after a lost answer): answered as it stands.
      if (stored.version === version + 1 && sameContent({ ...rest, ...patch }, rest)) return resolveSettings(rest);
      throw errors.conflict();
    }
    const next = { ...rest, ...patch, version: version + 1 };
    await ref.set({ data: next });
    await recordEvent(tx, event);
    invalidate(SETTINGS_CACHE_KEY);
    return resolveSettings(next);
  });
}
