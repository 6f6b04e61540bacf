// The API contract: every action of the cloud function `api`, its request and its answer.
// The mini program's `call()` and the function's router are both typed against `ApiActions`, so a renamed field
// fails `tsc` on both ends. Extend it as actions are added; keep names as in PRODUCT.md.

import type { CaseStatus, CaseTypeInfo, Category, Department, Limits, Role } from './domain';
import type { CaseActions, QueueFilterCounts, RejectReason } from './api/cases';
import type { Decision, DraftStatus, PolicyActions, PolicyStatus } from './api/policies';
import type { AdminActions, AuditSubject, ReplyTemplate } from './api/admin';
import type { StatsActions } from './api/stats';
import type { CosignActions } from './api/cosign';
import type { LookupActions } from './api/lookup';
import type { GuideActions, GuideCategory, GuideStatus } from './api/guide';
import type { SurveyActions, SurveyQuestionKind } from './api/surveys';
import type { ExportActions, ExportFormat, ExportKind, ExportPeriod } from './api/exports';
import type { SearchActions } from './api/search';
import type { AnnouncementActions, AnnouncementStatus } from './api/announcements';
import type { MessageActions } from './api/messages';
import type { HomeActions } from './api/home';

export type * from './api/cases';
export type * from './api/policies';
export type * from './api/stats';
export type * from './api/cosign';
export type * from './api/lookup';
export type * from './api/search';
export type * from './api/admin';
export type * from './api/guide';
export type * from './api/surveys';
export type * from './api/exports';
export type * from './api/announcements';
export type * from './api/messages';
export type * from './api/home';

export type ErrorCode =
  | 'INVALID_ARGUMENT'
  | 'UNAUTHENTICATED'
  | 'PERMISSION_DENIED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'CONTENT_REJECTED'
  | 'FAILED_PRECONDITION'
  | 'INTERNAL';

export interface ApiError {
  code: ErrorCode;
  /** Chinese, written for the citizen or civil servant who will read it. */
  message: string;
  /** Field path (dot-joined) -> Chinese message, for forms. */
  fields?: Record<string, string>;
}

export type ApiResponse<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** What `wx.cloud.callFunction({ name: 'api', data })` carries. */
export interface ApiRequest<N extends ActionName = ActionName> {
  action: N;
  payload: ApiActions[N]['req'];
}

/** Lists page by an opaque cursor on an indexed sort key, never by a growing skip. */
export interface PageRequest {
  limit?: number;
  cursor?: string;
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type Empty = Record<string, never>;

/** One word of the server's vocabulary: its key and the label every page shows for it. */
export interface LabelOption<K> {
  key: K;
  label: string;
}

/** The labels the pages show for the server's vocabulary, in display order (domain/case-labels.ts). */
export interface Vocabulary {
  statuses: Array<LabelOption<CaseStatus>>;
  rejectReasons: Array<LabelOption<RejectReason>>;
  /** The citizen's rating of an answer, best first. */
  ratings: Array<LabelOption<1 | 2 | 3 | 4 | 5>>;
  /** Staff roles, as a person holding them is called. */
  roles: Array<LabelOption<Role>>;
  queueFilters: Array<LabelOption<keyof QueueFilterCounts>>;
  /** The audit trail's subjects (admin.audit.list's filter), in the order the audit page offers them. */
  auditSubjects: Array<LabelOption<AuditSubject>>;
  /** The service guide's topics, in the order the guide list offers them. */
  guideCategories: Array<LabelOption<GuideCategory>>;
  /** The survey question kinds, in the order the survey editor offers them. */
  surveyKinds: Array<LabelOption<SurveyQuestionKind>>;
  /** The export page's choices, in the order it offers them (XLSX first: the phone opens it). */
  exportKinds: Array<LabelOption<ExportKind>>;
  exportPeriods: Array<LabelOption<ExportPeriod>>;
  exportFormats: Array<LabelOption<ExportFormat>>;
  /** The stored statuses of the editors' lists, as their filters name them. */
  announcementStatuses: Array<LabelOption<AnnouncementStatus>>;
  guideStatuses: Array<LabelOption<GuideStatus>>;
  policyStatuses: Array<LabelOption<PolicyStatus>>;
  draftStatuses: Array<LabelOption<DraftStatus>>;
  /** An editor's decision on a public comment of a draft (采纳情况), in the order the report offers them. */
  decisions: Array<LabelOption<Decision>>;
}

/** What the staff case forms check before sending, as the server enforces it (extensionMaxDays: the admin's setting). */
export interface CaseLimits {
  noteMax: number;
  reasonMax: number;
  replyMax: number;
  publicTitleMax: number;
  extensionMaxDays: number;
}

/** The citizen's case forms and the co-sign response. */
export interface CaseFormLimits {
  /** The submit form's content, at least (the server refuses less). */
  contentMin: number;
  rateCommentMax: number;
  withdrawReasonMax: number;
  supplementMax: number;
  contactNameMax: number;
  cosignResponseMax: number;
}

/** The policy and draft editors, the moderation and report forms, and a citizen's comment on a draft. */
export interface PolicyFormLimits {
  titleMax: number;
  docNoMax: number;
  issuerMax: number;
  paragraphsMax: number;
  paragraphMax: number;
  explanationMax: number;
  keyPointsMax: number;
  keyPointMax: number;
  faqMax: number;
  questionMax: number;
  answerMax: number;
  attachmentsMax: number;
  relatedMax: number;
  /** A revision note, an unpublish reason, the reason a comment is not shown. */
  reasonMax: number;
  keywordMax: number;
  summaryMax: number;
  decideMax: number;
  commentMin: number;
  commentMax: number;
  decideReasonMax: number;
  /** A draft's comment window, the opening day not counted: days at least, or working days for a normative document. */
  windowMinDays: number;
  windowMinWorkingDays: number;
}

/** The admin's forms (management, settings) and the binding form. */
export interface AdminFormLimits {
  nameMax: number;
  inviteDaysMax: number;
  keywordMax: number;
  keywordsMax: number;
  templateTitleMax: number;
  templateTextMax: number;
  templatesMax: number;
  dayListMax: number;
  displayNameMax: number;
  inviteCodeMax: number;
  hotlineMax: number;
}

export interface NumberRange {
  min: number;
  max: number;
}

/** The numbers of the settings form (admin.settings.update), each with its range; answerDays for every case type. */
export interface SettingRanges {
  answerDays: NumberRange;
  acceptDays: NumberRange;
  extensionMaxDays: NumberRange;
  ratingReminderDays: NumberRange;
  autoCloseDays: NumberRange;
  submissionsPerDay: NumberRange;
  cosignThreshold: NumberRange;
  cosignsPerDay: NumberRange;
  retentionDays: NumberRange;
}

/** What each form checks before sending, as the server's schemas enforce it (a form names none of its own). */
export interface FormLimits {
  case: CaseFormLimits;
  policy: PolicyFormLimits;
  admin: AdminFormLimits;
  settings: SettingRanges;
}

export interface MetaGetResponse {
  types: CaseTypeInfo[];
  categories: Category[];
  departments: Department[];
  limits: Limits;
  caseLimits: CaseLimits;
  formLimits: FormLimits;
  vocabulary: Vocabulary;
  roles: Role[];
  /** The agency's hotline (admin setting), offered on the home page and where a search finds nothing. */
  hotline: string;
  /** Staff only (absent for citizens): the reply templates from settings, offered when answering a case. */
  replyTemplates?: ReplyTemplate[];
  /**
   * Subscribe-message template ids to ask for with wx.requestSubscribeMessage: `caseStatus` for citizens (at submit,
   * and on a case page); `staff` (new assignment, review, deadline, overdue) only for staff callers.
   */
  subscribe?: {
    caseStatus?: string;
    staff?: string[];
    /** asked for when a citizen comments on a draft */
    draftReport?: string;
    /** asked for when a citizen co-signs a suggestion (the agency's response) */
    cosignResponse?: string;
  };
}

export interface MeGetResponse {
  /** The caller's own OPENID: for its cloud-storage upload paths (cases/<openid>/...), and shown on 我的 (ADMIN_OPENIDS). */
  openid: string;
  roles: Role[];
  departmentId?: string;
  isStaff: boolean;
}

export interface CoreActions {
  'meta.get': { req: Empty; res: MetaGetResponse };
  'me.get': { req: Empty; res: MeGetResponse };
}

/** Every action, composed from the modules' contracts (typings/api/*.d.ts). */
export interface ApiActions extends CoreActions, CaseActions, PolicyActions, AdminActions, StatsActions, CosignActions, LookupActions, GuideActions, SurveyActions, ExportActions, SearchActions, AnnouncementActions, MessageActions, HomeActions {}

export type ActionName = keyof ApiActions;
export type RequestOf<N extends ActionName> = ApiActions[N]['req'];
export type ResponseOf<N extends ActionName> = ApiActions[N]['res'];
