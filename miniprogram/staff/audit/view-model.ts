// The audit page's request and rows as plain data: the filters become admin.audit.list's payload, an entry becomes
// the row its card shows (every label is the server's). No wx here.
import type { AuditEntry, AuditSubject, LabelOption, RequestOf } from '../../../typings/api';
import { formatFullDateTime } from '../../utils/time';

/** How far back the trail reaches, in days; the middle one is where the page opens. */
export const PERIODS: ReadonlyArray<{ days: number; label: string }> = [
  { days: 7, label: '近 7 天' },
  { days: 30, label: '近 30 天' },
  { days: 90, label: '近 90 天' },
];
export const DEFAULT_PERIOD_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface AuditFilters {
  /** '' for every subject. */
  subject: AuditSubject | '';
  days: number;
  /** '' for every actor. */
  actorOpenid: string;
}

export function periodOf(value: unknown): number {
  return PERIODS.find((p) => String(p.days) === String(value))?.days ?? DEFAULT_PERIOD_DAYS;
}

/** The subject a chip stands for, or '' (全部) when it names none the server offers. */
export function subjectOf(value: unknown, subjects: ReadonlyArray<LabelOption<AuditSubject>>): AuditSubject | '' {
  return subjects.find((s) => s.key === value)?.key ?? '';
}

export function auditRequest(filters: AuditFilters, paging: { limit: number; cursor?: string }, now: number = Date.now()): RequestOf<'admin.audit.list'> {
  const req: RequestOf<'admin.audit.list'> = { ...paging, from: new Date(now - filters.days * DAY_MS).toISOString() };
  if (filters.subject) req.subject = filters.subject;
  const actor = filters.actorOpenid.trim();
  if (actor) req.actorOpenid = actor;
  return req;
}

export interface AuditRow {
  id: string;
  atText: string;
  subjectLabel: string;
  kindLabel: string;
  roleLabel: string;
  openid: string;
  note: string;
  ariaLabel: string;
}

export function auditRow(e: AuditEntry): AuditRow {
  const atText = formatFullDateTime(e.at);
  const openid = e.actor.openid ?? '';
  const note = e.note ?? '';
  return {
    id: e.id,
    atText,
    subjectLabel: e.subjectLabel,
    kindLabel: e.kindLabel,
    roleLabel: e.actor.roleLabel,
    openid,
    note,
    ariaLabel: [atText, `${e.subjectLabel}${e.kindLabel}`, e.actor.roleLabel, note].filter(Boolean).join('，'),
  };
}
