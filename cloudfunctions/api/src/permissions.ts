// The one place that decides who may do what. Action-level access is checked by the router before a handler
// runs; record-level rules (whose case, which department) live here too, as functions handlers call.
// The mini program only hides what a caller cannot do; this module is what enforces it.
import type { ActionName, CaseAbilities } from '../../../typings/api';
import type { Role } from '../../../typings/domain';
import type { CaseDoc } from './domain/case-doc';
import type { CaseStatus } from '../../../typings/domain';
import { check, type CaseActor, type CaseCommand, type CaseFacts } from './domain/case-machine';
import { isLate } from './domain/deadlines';
import type { Caller } from './lib/caller';
import { AppError, errors } from './lib/errors';

export type Access =
  /** Anyone, even without a WeChat identity (read-only public data). */
  | { kind: 'anyone' }
  /** Any WeChat user: citizens and staff. */
  | { kind: 'user' }
  /** Staff holding at least one of these roles. */
  | { kind: 'roles'; roles: readonly Role[] };

const anyone: Access = { kind: 'anyone' };
const user: Access = { kind: 'user' };
export const staffOnly = (...r: Role[]): Access => ({ kind: 'roles', roles: r });

export const ACCESS: { readonly [N in ActionName]: Access } = {
  'meta.get': anyone,
  'me.get': user,
  // Policies and drafts: public reads (what a reader sees is decided per record below), writes by editors and admins.
  'policy.list': anyone,
  'policy.get': anyone,
  'policy.save': staffOnly('editor', 'admin'),
  'policy.publish': staffOnly('editor', 'admin'),
  'policy.unpublish': staffOnly('editor', 'admin'),
  'policy.favorite': user,
  'draft.list': anyone,
  // The citizens' one search: public content only (published policies, opened drafts, visible letters).
  'search.query': anyone,
  'draft.get': anyone,
  'draft.comments': anyone,
  'draft.save': staffOnly('editor', 'admin'),
  'draft.comment': user,
  'draft.moderationQueue': staffOnly('editor', 'admin'),
  'draft.moderate': staffOnly('editor', 'admin'),
  'draft.decide': staffOnly('editor', 'admin'),
  'draft.publishReport': staffOnly('editor', 'admin'),
  // The service guide: public reads of published items, writes and the home page's hot questions by editors and admins.
  'guide.list': anyone,
  'guide.get': anyone,
  'guide.save': staffOnly('editor', 'admin'),
  'guide.publish': staffOnly('editor', 'admin'),
  'guide.withdraw': staffOnly('editor', 'admin'),
  'guide.pinQuestion': staffOnly('editor', 'admin'),
  'guide.unpinQuestion': staffOnly('editor', 'admin'),
  'home.get': anyone,
  // Cases: what a caller may do with one case is decided per record below (caseActors, requireCase).
  'case.submit': user,
  'case.listMine': user,
  'case.get': user,
  'case.findByTrackingNo': user,
  'case.withdraw': user,
  'case.supplement': user,
  'case.rate': user,
  'case.subscribe': user,
  'case.listPublic': anyone,
  'case.getPublic': anyone,
  'case.queue': staffOnly('dispatcher', 'handler', 'supervisor'),
  'case.accept': staffOnly('dispatcher'),
  'case.reject': staffOnly('dispatcher'),
  'case.assign': staffOnly('dispatcher', 'supervisor'),
  'case.clearContent': staffOnly('dispatcher'),
  'case.askInfo': staffOnly('handler'),
  'case.reply': staffOnly('handler'),
  'case.requestExtension': staffOnly('handler'),
  'case.note': staffOnly('dispatcher', 'handler', 'supervisor'),
  'case.approveReply': staffOnly('supervisor'),
  'case.approveExtension': staffOnly('supervisor'),
  'case.escalate': staffOnly('supervisor'),
  'case.setPublishable': staffOnly('dispatcher', 'supervisor'),
  // Statistics: the dashboard for staff who follow performance (a handler sees their department only, below).
  'stats.dashboard': staffOnly('dispatcher', 'handler', 'supervisor', 'admin'),
  'stats.public': anyone,
  // Co-signing: any WeChat user backs a published suggestion; the response is the supervisor's or the case's handler's.
  'case.cosign': user,
  'case.respondCosign': staffOnly('handler', 'supervisor'),
  // Progress lookup: a WeChat identity is required, so failures can be counted per caller (docs/adr/0086).
  'case.lookup': user,
  // Surveys: public reads (a survey being built is the editors' alone, below in the handlers), answers by any WeChat
  // user in the audience, everything else by editors and admins.
  'survey.list': anyone,
  'survey.get': anyone,
  'survey.save': staffOnly('editor', 'admin'),
  'survey.publish': staffOnly('editor', 'admin'),
  'survey.answer': user,
  'survey.results': anyone,
  'survey.textQueue': staffOnly('editor', 'admin'),
  'survey.moderateText': staffOnly('editor', 'admin'),
  'survey.publishResults': staffOnly('editor', 'admin'),
  'survey.exportCsv': staffOnly('editor', 'admin'),
  // Staff binding and administration.
  'staff.bind': user,
  'admin.invite': staffOnly('admin'),
  'admin.staff.list': staffOnly('admin'),
  'admin.staff.update': staffOnly('admin'),
  'admin.settings.get': staffOnly('admin'),
  'admin.settings.update': staffOnly('admin'),
  'admin.departments.save': staffOnly('admin'),
  'admin.categories.save': staffOnly('admin'),
  'admin.audit.list': staffOnly('admin'),
  // Open data and export: supervisors follow performance agency-wide; personal data only for admins, with a reason
  // (checked in export.create; docs/adr/0121-personal-data-in-exports.md).
  'export.create': staffOnly('supervisor', 'admin'),
  'export.list': staffOnly('supervisor', 'admin'),
  'export.get': staffOnly('supervisor', 'admin'),
  'export.download': staffOnly('supervisor', 'admin'),
  // Announcements: public reads (a citizen sees published ones), writes by editors and admins; following is a user's.
  'announcement.list': anyone,
  'announcement.get': anyone,
  'announcement.save': staffOnly('editor', 'admin'),
  'announcement.publish': staffOnly('editor', 'admin'),
  'announcement.withdraw': staffOnly('editor', 'admin'),
  'announcement.follow': user,
  // The message centre: each user reads and marks their own messages only (the queries carry the caller's OPENID).
  'message.list': user,
  'message.unread': user,
  'message.read': user,
};

export function authorize(action: ActionName, caller: Caller): void {
  const access = ACCESS[action];
  switch (access.kind) {
    case 'anyone':
      return;
    case 'user':
      if (!caller.openid) throw errors.unauthenticated();
      return;
    case 'roles':
      if (!caller.openid) throw errors.unauthenticated();
      if (!access.roles.some((r) => caller.roles.includes(r))) throw errors.denied();
      return;
  }
}

export function hasRole(caller: Caller, ...wanted: Role[]): boolean {
  return wanted.some((r) => caller.roles.includes(r));
}

// ---- policies and draft consultations -----------------------------------------------------------------------

/** Editors and admins see policies and drafts in every state; everyone else only what has been made public. */
export function seesUnpublished(caller: Caller): boolean {
  return hasRole(caller, 'editor', 'admin');
}

/** A citizen sees published (also when expired) and repealed policies; a draft is, to them, not there at all. */
export function assertPolicyVisible(caller: Caller, stored: 'draft' | 'published' | 'repealed'): void {
  if (stored === 'draft' && !seesUnpublished(caller)) throw errors.notFound('政策');
}

/** Filtering the list by 'draft' is an editor's view. */
export function assertMayListPolicyStatus(caller: Caller, status: string | undefined): void {
  if (status === 'draft' && !seesUnpublished(caller)) throw errors.denied('未发布的政策仅政策编辑可以查看。');
}

/** A scheduled draft consultation is not public until its window opens. */
export function assertDraftVisible(caller: Caller, status: 'scheduled' | 'open' | 'closed' | 'reported'): void {
  if (status === 'scheduled' && !seesUnpublished(caller)) throw errors.notFound('意见征集');
}

export function assertMayListDraftStatus(caller: Caller, status: string | undefined): void {
  if (status === 'scheduled' && !seesUnpublished(caller)) throw errors.denied('未开始的意见征集仅政策编辑可以查看。');
}

/** Approved comments are public; a pending or hidden one is seen by its author and by editors only. */
export function commentVisible(caller: Caller, comment: { status: string; openid: string }): boolean {
  return comment.status === 'approved' || (caller.openid !== null && comment.openid === caller.openid) || seesUnpublished(caller);
}

/** A draft or withdrawn guide item is, to a citizen, not there at all. */
export function assertGuideVisible(caller: Caller, status: 'draft' | 'published' | 'withdrawn'): void {
  if (status !== 'published' && !seesUnpublished(caller)) throw errors.notFound('事项');
}

/** Filtering the guide by draft or withdrawn items is an editor's view. */
export function assertMayListGuideStatus(caller: Caller, status: string | undefined): void {
  if ((status === 'draft' || status === 'withdrawn') && !seesUnpublished(caller)) throw errors.denied('未发布或已撤回的事项仅编辑可以查看。');
}

// ---- cases, record by record --------------------------------------------------------------------------------

type CaseAccessFacts = Pick<CaseDoc, 'openid' | 'departmentId'>;

/**
 * The roles the caller holds on this case, most specific first: the handler of the assigned department, a
 * dispatcher, a supervisor, the citizen who submitted it. Empty: the case does not exist for the caller.
 */
export function caseActors(caller: Caller, doc: CaseAccessFacts): CaseActor[] {
  const actors: CaseActor[] = [];
  if (hasRole(caller, 'handler') && doc.departmentId && caller.departmentId === doc.departmentId) actors.push('handler');
  if (hasRole(caller, 'dispatcher')) actors.push('dispatcher');
  if (hasRole(caller, 'supervisor')) actors.push('supervisor');
  if (caller.openid && caller.openid === doc.openid) actors.push('citizen');
  return actors;
}

/** Staff working on this case see internal events, pending replies and flags. */
export function seesInternal(caller: Caller, doc: CaseAccessFacts): boolean {
  return caseActors(caller, doc).some((a) => a !== 'citizen');
}

/** Unmasked contact details: the dispatcher before assignment, the assigned department's handlers, supervisors. */
export function seesContact(caller: Caller, doc: CaseAccessFacts): boolean {
  const actors = caseActors(caller, doc);
  return actors.includes('handler') || actors.includes('supervisor') || (actors.includes('dispatcher') && !doc.departmentId);
}

export function caseFacts(doc: CaseDoc, now: string): CaseFacts & { late: boolean } {
  return {
    status: doc.status,
    pendingReply: Boolean(doc.pendingReply),
    extension: doc.extension?.status ?? 'none',
    flagged: doc.flagged,
    escalated: doc.escalated,
    publishConsent: doc.publishConsent,
    purged: Boolean(doc.purgedAt),
    late: isLate(doc, now),
  };
}

/** The caller's roles on a case they may see; NOT_FOUND for a case they may not, exactly as for a missing one. */
export function requireVisible(caller: Caller, doc: CaseAccessFacts | null): CaseActor[] {
  const actors = doc ? caseActors(caller, doc) : [];
  if (actors.length === 0) throw errors.notFound('诉求');
  return actors;
}

/** What the state machine granted: the role the caller acts in (for the event) and the status the case moves to. */
export interface CaseGrant {
  actor: CaseActor;
  to: CaseStatus;
}

/**
 * The gate of every case command: NOT_FOUND when the caller cannot see the case (another citizen learns nothing of
 * its existence), PERMISSION_DENIED when they can but their role may not, FAILED_PRECONDITION when the case's state
 * does not allow it. Answers the machine's decision: who acts, and the status the write must leave.
 */
export function requireCase(caller: Caller, doc: CaseDoc | null, command: CaseCommand, now: string): CaseGrant {
  const actors = requireVisible(caller, doc);
  const d = check(caseFacts(doc!, now), command, actors);
  if (!d.ok) throw new AppError(d.code, d.message);
  return { actor: d.actor, to: d.to };
}

/** What the page may offer; the same rules as requireCase, so a button shown is a command allowed. */
export function caseAbilities(caller: Caller, doc: CaseDoc, now: string, reviewReplies: boolean): CaseAbilities {
  const actors = caseActors(caller, doc);
  const facts = caseFacts(doc, now);
  const can = (command: CaseCommand): boolean => actors.length > 0 && check(facts, command, actors).ok;
  return {
    withdraw: can('withdraw'),
    supplement: can('supplement'),
    rate: can('rate'),
    accept: can('accept'),
    reject: can('reject'),
    assign: can('assign'),
    askInfo: can('askInfo'),
    reply: can(reviewReplies ? 'submitReply' : 'reply'),
    approveReply: can('approveReply'),
    note: can('note'),
    requestExtension: can('requestExtension') && !facts.late,
    approveExtension: can('approveExtension'),
    escalate: can('escalate'),
    setPublishable: can('setPublishable') || (doc.publishable && can('unpublish')),
    clearContent: can('clearContent'),
  };
}

/** The department a queue shows: handlers see only their own; dispatchers and supervisors any, or all. */
/** Supervisors, admins and dispatchers follow every department on the dashboard; a handler only their own. */
export function mayChooseStatsDepartment(caller: Caller): boolean {
  return hasRole(caller, 'dispatcher', 'supervisor', 'admin');
}

/** The department a dashboard shows: the one asked for (any, for those who may choose), else the handler's own. */
export function statsDepartment(caller: Caller, requested: string | undefined): string | undefined {
  if (mayChooseStatsDepartment(caller)) return requested;
  if (!caller.departmentId) throw errors.precondition('您的账号尚未绑定承办单位，请联系管理员。');
  if (requested && requested !== caller.departmentId) throw errors.denied('只能查看本单位的统计。');
  return caller.departmentId;
}

export function queueDepartment(caller: Caller, requested: string | undefined): string | undefined {
  if (hasRole(caller, 'dispatcher', 'supervisor')) return requested;
  if (!caller.departmentId) throw errors.precondition('您的账号尚未绑定承办单位，请联系管理员。');
  if (requested && requested !== caller.departmentId) throw errors.denied('只能查看本单位承办的诉求。');
  return caller.departmentId;
}
