// What every case action reads before it decides: settings (rules, calendar, templates), the catalog for names, and
// the request's instant. Loaded once per request.
import type { ActorRole } from '../../../../../typings/api';
import type { CaseStatus } from '../../../../../typings/domain';
import type { WorkCalendar } from '../../domain/calendar';
import type { CaseDoc, NewEvent } from '../../domain/case-doc';
import { STATUS_LABELS, TYPE_LABELS } from '../../domain/case-labels';
import type { CaseActor } from '../../domain/case-machine';
import type { CaseRules } from '../../domain/deadlines';
import type { Caller } from '../../lib/caller';
import { loadCatalogMaps, type CatalogMaps } from '../../repositories/catalog';
import type { CaseContext } from '../../repositories/cases';
import type { NotificationDraft } from '../../repositories/notifications';
import { caseRules, loadSettings, workCalendar, type Settings } from '../../repositories/settings';

export interface CaseEnv extends CaseContext {
  settings: Settings;
  rules: CaseRules;
  cal: WorkCalendar;
  catalog: CatalogMaps;
  now: string;
}

export async function caseEnv(now: Date): Promise<CaseEnv> {
  const [settings, catalog] = await Promise.all([loadSettings(), loadCatalogMaps()]);
  return { settings, rules: caseRules(settings), cal: workCalendar(settings), catalog, now: now.toISOString(), replyTemplates: settings.replyTemplates };
}

export function typeLabel(env: CaseEnv, type: CaseDoc['type']): string {
  return env.settings.caseTypes.find((t) => t.key === type)?.label ?? TYPE_LABELS[type];
}

export function departmentName(env: CaseEnv, id: string | undefined): string | undefined {
  return id ? env.catalog.departments.get(id)?.name : undefined;
}

/** The actor an event records: a role and, for a handler, the department; never a person. */
export function actorOf(actor: CaseActor, caller: Caller | null, doc: Pick<CaseDoc, 'departmentId'>): NewEvent['actor'] {
  const role: ActorRole = actor;
  if (actor === 'handler') {
    const departmentId = doc.departmentId ?? caller?.departmentId;
    return departmentId ? { role, departmentId } : { role };
  }
  return { role };
}

export function event(
  env: Pick<CaseEnv, 'now'>,
  kind: NewEvent['kind'],
  actor: NewEvent['actor'],
  visibility: NewEvent['visibility'],
  extra: { from?: CaseStatus; to?: CaseStatus; note?: string; actorOpenid?: string | null } = {},
): NewEvent {
  const e: NewEvent = { at: env.now, kind, actor, visibility };
  if (extra.from) e.from = extra.from;
  if (extra.to) e.to = extra.to;
  if (extra.note) e.note = extra.note;
  if (extra.actorOpenid) e.actorOpenid = extra.actorOpenid;
  return e;
}

/** A status message to the citizen who owns the case. */
export function citizenNotice(env: Pick<CaseEnv, 'now'>, doc: Pick<CaseDoc, '_id' | 'openid' | 'title' | 'trackingNo'>, status: CaseStatus | string, note: string): NotificationDraft {
  return {
    kind: 'case_status',
    touser: doc.openid,
    template: 'caseStatus',
    caseId: doc._id,
    fields: {
      title: doc.title,
      status: status in STATUS_LABELS ? STATUS_LABELS[status as CaseStatus] : status,
      time: env.now,
      note,
      trackingNo: doc.trackingNo,
    },
    query: `id=${doc._id}`,
  };
}

/** Messages to staff (new assignment, reply or extension awaiting review, deadline tomorrow, overdue). */
export function staffNotices(
  env: Pick<CaseEnv, 'now'>,
  recipients: readonly string[],
  kind: Exclude<NotificationDraft['kind'], 'case_status' | 'rating_reminder' | 'draft_report' | 'cosign_response'>,
  doc: Pick<CaseDoc, '_id' | 'title' | 'trackingNo'>,
  status: string,
  note: string,
  due?: string,
): NotificationDraft[] {
  const template = ({ staff_assigned: 'staffAssigned', staff_review: 'staffReview', staff_due: 'staffDue', staff_overdue: 'staffOverdue' } as const)[kind];
  return [...new Set(recipients)].map((touser) => ({
    kind,
    touser,
    template,
    caseId: doc._id,
    fields: { title: doc.title, status, time: env.now, note, trackingNo: doc.trackingNo, ...(due ? { due } : {}) },
    query: `id=${doc._id}`,
  }));
}
