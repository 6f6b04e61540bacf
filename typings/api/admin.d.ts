// Administration: the audit trail of every change that is not a case's own timeline (policies, drafts, comments,
// staff, invites, settings, departments, categories). Who (role and OPENID: admins audit people), when, what.
import type { Page, PageRequest } from '../api';
import type { Instant } from '../domain';
import type { ActorRole } from './cases';

export type AuditSubject = 'policy' | 'draft' | 'comment' | 'staff' | 'invite' | 'settings' | 'department' | 'category';

export interface AuditEntry {
  id: string;
  subject: AuditSubject;
  /** "政策", "工作人员", ... */
  subjectLabel: string;
  subjectId: string;
  kind: string;
  /** "发布", "修改角色", ... */
  kindLabel: string;
  at: Instant;
  actor: { role: ActorRole; roleLabel: string; openid: string | null };
  note?: string;
}

export interface AdminActions {
  /** Newest first; `from`/`to` bound the period (instants, `to` exclusive). */
  'admin.audit.list': {
    req: PageRequest & { subject?: AuditSubject; actorOpenid?: string; from?: Instant; to?: Instant };
    res: Page<AuditEntry>;
  };
}
