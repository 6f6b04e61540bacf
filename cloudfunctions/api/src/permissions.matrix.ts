// The authorization matrix: for every action of the contract and every kind of caller, the outcome the function must
// give when that caller runs the action on a fitting record (a case of the owner assigned to the handler's department,
// a published policy, an open draft, ...). tests/cloud/security/authorization-matrix.test.ts runs every cell through
// the real function. The type makes an action missing here a compile error; a new action needs its row.
// Who the identities are, and why a revoked or disabled staff member is a citizen: docs/adr/0052-authorization-matrix.md.
import type { ActionName, ErrorCode } from '../../../typings/api';

export const IDENTITIES = [
  'anonymous', // no WeChat identity
  'owner', // the citizen who submitted the case / wrote the comment
  'otherCitizen',
  'dispatcher',
  'handler', // handler of the case's department
  'otherHandler', // handler of another department
  'supervisor',
  'editor',
  'admin',
  'disabledStaff', // held every role, disabled by an admin
  'revokedStaff', // held every role, bound by an invite the admin revoked
] as const;

export type Identity = (typeof IDENTITIES)[number];
export type Outcome = 'ok' | ErrorCode;
export type MatrixRow = Readonly<Record<Identity, Outcome>>;

function row(otherwise: Outcome, cells: Partial<Record<Identity, Outcome>> = {}): MatrixRow {
  return Object.fromEntries(IDENTITIES.map((i) => [i, cells[i] ?? otherwise])) as Record<Identity, Outcome>;
}

/** Public reads: anyone, even without identity. */
const everyone = row('ok');
/** Any WeChat user (staff are users too; disabled and revoked staff are citizens). */
const users = row('ok', { anonymous: 'UNAUTHENTICATED' });
/** Staff actions: the listed identities succeed, everyone else is refused for who they are. */
const staff = (cells: Partial<Record<Identity, Outcome>>) => row('PERMISSION_DENIED', { anonymous: 'UNAUTHENTICATED', ...cells });
/**
 * A citizen's command on their own case: staff who see the case may not act for the citizen (PERMISSION_DENIED);
 * anyone else does not learn that the case exists (NOT_FOUND).
 */
const ownersCase = row('NOT_FOUND', {
  anonymous: 'UNAUTHENTICATED',
  owner: 'ok',
  dispatcher: 'PERMISSION_DENIED',
  handler: 'PERMISSION_DENIED',
  supervisor: 'PERMISSION_DENIED',
});
/** A command of the assigned department's handler; a handler of another department does not see the case. */
const handlerOfCase = staff({ handler: 'ok', otherHandler: 'NOT_FOUND' });
const editors = staff({ editor: 'ok', admin: 'ok' });
const admins = staff({ admin: 'ok' });

export const AUTHORIZATION_MATRIX: { readonly [N in ActionName]: MatrixRow } = {
  'meta.get': everyone,
  'me.get': users,
  'policy.list': everyone,
  'policy.get': everyone,
  'policy.save': editors,
  'policy.publish': editors,
  'policy.unpublish': editors,
  'policy.favorite': users,
  'draft.list': everyone,
  'search.query': everyone,
  'draft.get': everyone,
  'draft.comments': everyone,
  'draft.save': editors,
  'draft.comment': users,
  'draft.moderationQueue': editors,
  'draft.moderate': editors,
  'draft.decide': editors,
  'draft.publishReport': editors,
  'guide.list': everyone,
  'guide.get': everyone,
  'guide.save': editors,
  'guide.publish': editors,
  'guide.withdraw': editors,
  'guide.pinQuestion': editors,
  'guide.unpinQuestion': editors,
  'home.get': everyone,
  'survey.list': everyone,
  'survey.get': everyone,
  'survey.save': editors,
  'survey.publish': editors,
  'survey.answer': users,
  'survey.results': everyone,
  'survey.textQueue': editors,
  'survey.moderateText': editors,
  'survey.publishResults': editors,
  'survey.exportCsv': editors,
  'case.submit': users,
  'case.listMine': users,
  'case.get': row('NOT_FOUND', { anonymous: 'UNAUTHENTICATED', owner: 'ok', dispatcher: 'ok', handler: 'ok', supervisor: 'ok' }),
  // Whoever may see the case finds it by its number; to anyone else the number does not exist.
  'case.findByTrackingNo': row('NOT_FOUND', { anonymous: 'UNAUTHENTICATED', owner: 'ok', dispatcher: 'ok', handler: 'ok', supervisor: 'ok' }),
  'case.withdraw': ownersCase,
  'case.supplement': ownersCase,
  'case.rate': ownersCase,
  'case.subscribe': users,
  'case.listPublic': everyone,
  'case.getPublic': everyone,
  'case.queue': staff({ dispatcher: 'ok', handler: 'ok', otherHandler: 'ok', supervisor: 'ok' }),
  'case.accept': staff({ dispatcher: 'ok' }),
  'case.reject': staff({ dispatcher: 'ok' }),
  'case.assign': staff({ dispatcher: 'ok', supervisor: 'ok' }),
  'case.clearContent': staff({ dispatcher: 'ok' }),
  'case.askInfo': handlerOfCase,
  'case.reply': handlerOfCase,
  'case.requestExtension': handlerOfCase,
  'case.note': staff({ dispatcher: 'ok', handler: 'ok', otherHandler: 'NOT_FOUND', supervisor: 'ok' }),
  'case.approveReply': staff({ supervisor: 'ok' }),
  'case.approveExtension': staff({ supervisor: 'ok' }),
  'case.escalate': staff({ supervisor: 'ok' }),
  'case.setPublishable': staff({ dispatcher: 'ok', supervisor: 'ok' }),
  // The author of a suggestion does not co-sign it.
  'case.cosign': row('ok', { anonymous: 'UNAUTHENTICATED', owner: 'FAILED_PRECONDITION' }),
  'case.respondCosign': staff({ handler: 'ok', otherHandler: 'NOT_FOUND', supervisor: 'ok' }),
  'case.lookup': users,
  'stats.dashboard': staff({ dispatcher: 'ok', handler: 'ok', otherHandler: 'ok', supervisor: 'ok', admin: 'ok' }),
  'stats.public': everyone,
  'staff.bind': users,
  'admin.invite': admins,
  'admin.staff.list': admins,
  'admin.staff.update': admins,
  'admin.settings.get': admins,
  'admin.settings.update': admins,
  'admin.departments.save': admins,
  'admin.categories.save': admins,
  'admin.audit.list': admins,
  // Exports: supervisors and admins; each reads only the jobs they made (another's job is not there for them).
  'export.create': staff({ supervisor: 'ok', admin: 'ok' }),
  'export.list': staff({ supervisor: 'ok', admin: 'ok' }),
  'export.get': staff({ admin: 'ok', supervisor: 'NOT_FOUND' }),
  'export.download': staff({ admin: 'ok', supervisor: 'NOT_FOUND' }),
  'announcement.list': everyone,
  'announcement.get': everyone,
  'announcement.save': editors,
  'announcement.publish': editors,
  'announcement.withdraw': editors,
  'announcement.follow': users,
  'message.list': users,
  'message.unread': users,
  // The fixture marks one of the owner's messages: to anyone else it does not exist.
  'message.read': row('NOT_FOUND', { anonymous: 'UNAUTHENTICATED', owner: 'ok' }),
};
