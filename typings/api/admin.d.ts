// Administration: binding staff by invite, the staff list, settings, departments and categories, and the audit trail
// of every change that is not a case's own timeline (policies, drafts, comments, staff, invites, settings, the
// catalog). Who (role and OPENID: admins audit people), when, what.
import type { Empty, Page, PageRequest } from '../api';
import type { CaseType, Category, Department, Instant, Role } from '../domain';
import type { ActorRole } from './cases';

export interface StaffMember {
  openid: string;
  displayName?: string;
  roles: Role[];
  departmentId?: string;
  departmentName?: string;
  disabled: boolean;
  boundAt?: Instant;
  version: number;
}

export interface ReplyTemplate {
  id: string;
  title: string;
  text: string;
}

export interface SubscribeTemplate {
  /** The template id from the WeChat admin console (公众平台 订阅消息). */
  templateId: string;
  /** Our message field -> the template's keyword, e.g. { title: 'thing1', status: 'phrase2', time: 'time3', note: 'thing4' }. */
  fields: Record<string, string>;
  page?: string;
  /** A long-term template (长期订阅, open to government services): one acceptance allows every later message. */
  longTerm?: boolean;
}

export interface CalendarSettings {
  /** Official holidays, YYYY-MM-DD (Asia/Shanghai), as the State Council lists them (weekend days listed change nothing). */
  holidays: string[];
  /** Weekend days that are working days (调休), YYYY-MM-DD. */
  workdays: string[];
}

export interface SettingsView {
  version: number;
  caseTypes: Array<{ key: CaseType; label: string; answerDays: number }>;
  acceptDays: number;
  extensionMaxDays: number;
  ratingReminderDays: number;
  autoCloseDays: number;
  submissionsPerDay: number;
  /** Co-signs (附议) at which a suggestion is flagged and the agency owes a public response. */
  cosignThreshold: number;
  /** Co-signs one citizen may make in a day. */
  cosignsPerDay: number;
  /** The agency's hotline for citizens (12345, 010-12345678): the home page and search offer to call it. */
  hotline: string;
  reviewReplies: boolean;
  retentionDays: number;
  calendar: CalendarSettings;
  replyTemplates: ReplyTemplate[];
  /** citizen: status changes; staff: new assignment, reply awaiting review, deadline tomorrow, overdue. */
  subscribeTemplates: {
    caseStatus?: SubscribeTemplate;
    staffAssigned?: SubscribeTemplate;
    staffReview?: SubscribeTemplate;
    staffDue?: SubscribeTemplate;
    staffOverdue?: SubscribeTemplate;
    /** citizen: the adoption report of a draft consultation they commented on is published. */
    draftReport?: SubscribeTemplate;
    /** citizen: the agency published its response to a suggestion they co-signed. */
    cosignResponse?: SubscribeTemplate;
  };
}

export type AuditSubject = 'policy' | 'draft' | 'comment' | 'staff' | 'invite' | 'settings' | 'department' | 'category' | 'guide' | 'hot_question' | 'survey' | 'export' | 'announcement';

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
  'staff.bind': { req: { code: string; displayName?: string }; res: { roles: Role[]; departmentId?: string } };
  'admin.invite': { req: { roles: Role[]; departmentId?: string; expiresInDays?: number }; res: { code: string; expiresAt: Instant } };
  'admin.staff.list': { req: PageRequest; res: Page<StaffMember> };
  'admin.staff.update': {
    req: { openid: string; version: number; roles?: Role[]; departmentId?: string | null; disabled?: boolean; displayName?: string };
    res: StaffMember;
  };
  'admin.settings.get': { req: Empty; res: SettingsView };
  'admin.settings.update': { req: Partial<Omit<SettingsView, 'version'>> & { version: number }; res: SettingsView };
  /** Contact fields: omitted keeps what is stored, '' (or location null) clears. */
  'admin.departments.save': {
    req: { id?: string; name: string; phone?: string; address?: string; hours?: string; location?: { latitude: number; longitude: number } | null; order?: number; disabled?: boolean };
    res: Department;
  };
  'admin.categories.save': {
    /** departmentId null: no default department, the dispatcher routes (其他/不确定). keywords omitted: kept as stored. */
    req: { id?: string; name: string; departmentId: string | null; types: CaseType[]; keywords?: string[]; order?: number; disabled?: boolean };
    res: Category;
  };
  /** Newest first; `from`/`to` bound the period (instants, `to` exclusive). */
  'admin.audit.list': {
    req: PageRequest & { subject?: AuditSubject; actorOpenid?: string; from?: Instant; to?: Instant };
    res: Page<AuditEntry>;
  };
}
