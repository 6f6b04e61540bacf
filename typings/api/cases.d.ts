// Consultations (cases, 工单): the citizen's side, the staff's side and public letters (who handles them is set up by
// the admin actions, api/admin.d.ts). Display-ready values that need server knowledge (labels, due text, masked contact,
// what the caller may do next) come from the server.
import type { Page, PageRequest } from '../api';
import type { CaseStatus, CaseType, Instant, Role } from '../domain';
import type { CaseCosign, CosignResponse, LetterCosign } from './cosign';

export type RejectReason = 'out_of_scope' | 'duplicate' | 'insufficient_info' | 'other_channel' | 'not_government' | 'other';

/** Who can read an event: everyone (public letter), the citizen and staff, or staff only. */
export type Visibility = 'public' | 'citizen' | 'internal';

export type ActorRole = 'citizen' | Role | 'system';

export type CaseEventKind =
  | 'submitted'
  | 'accepted'
  | 'rejected'
  | 'assigned'
  | 'reassigned'
  | 'info_requested'
  | 'supplemented'
  | 'reply_submitted'
  | 'reply_returned'
  | 'replied'
  | 'rated'
  | 'reopened'
  | 'closed'
  | 'withdrawn'
  | 'note'
  | 'extension_requested'
  | 'extension_approved'
  | 'extension_rejected'
  | 'escalated'
  | 'overdue'
  | 'publishable_set'
  | 'content_cleared'
  | 'reminded'
  /** Retention: contact details and images removed from a case closed longer than settings.retentionDays. */
  | 'purged'
  /** Co-signing (附议): the public letter reached the threshold; the agency owes a response. */
  | 'cosign_threshold'
  /** The agency's response to the co-signers, published on the letter. */
  | 'cosign_responded';

export interface TimelineEntry {
  id: string;
  at: Instant;
  kind: CaseEventKind;
  /** e.g. "已受理", "已答复". */
  kindLabel: string;
  from?: CaseStatus;
  to?: CaseStatus;
  /** A human-written note; for replies, the answer itself. */
  note?: string;
  /** Role and department only: a staff member's personal name is never shown to the citizen. */
  actor: { role: ActorRole; roleLabel: string; departmentId?: string; departmentName?: string };
  visibility: Visibility;
}

export interface CaseImage {
  fileID: string;
  /** A temporary URL to show it (getTempFileURL), when available. */
  url?: string;
}

export interface CaseReply {
  content: string;
  at: Instant;
  departmentName?: string;
  /**
   * True when the reply was based on a reply template (statistics count these). A template sent unchanged, or with
   * only a few words added, is refused ("请结合具体情况作答"): a template alone never answers a case.
   */
  fromTemplate: boolean;
}

export interface CaseRating {
  score: 1 | 2 | 3 | 4 | 5;
  /** "满意"; the server's word for the score. */
  scoreLabel: string;
  solved: boolean;
  comment?: string;
  at: Instant;
}

export interface CaseExtension {
  status: 'pending' | 'approved' | 'rejected';
  days: number;
  reason: string;
  requestedAt: Instant;
}

/** What the caller may do with this case now; the server decides (permissions.ts), the page only hides. */
export interface CaseAbilities {
  withdraw: boolean;
  supplement: boolean;
  rate: boolean;
  accept: boolean;
  reject: boolean;
  assign: boolean;
  askInfo: boolean;
  reply: boolean;
  approveReply: boolean;
  note: boolean;
  requestExtension: boolean;
  approveExtension: boolean;
  escalate: boolean;
  setPublishable: boolean;
  clearContent: boolean;
}

export interface CaseView {
  id: string;
  trackingNo: string;
  type: CaseType;
  typeLabel: string;
  categoryId: string;
  categoryName: string;
  departmentId?: string;
  departmentName?: string;
  /** Staff only, before assignment: the category's default department, to preselect in accept/assign. */
  suggestedDepartmentId?: string;
  title: string;
  content: string;
  images: CaseImage[];
  status: CaseStatus;
  statusLabel: string;
  version: number;
  submittedAt: Instant;
  acceptDueAt: Instant;
  answerDueAt?: Instant;
  /** Before acceptance (no answerDueAt yet): the latest the answer can come, counted from the last day to accept. */
  answerPromisedBy?: Instant;
  /** "承诺 11月30日 前答复" / "已超期 2 个工作日"; what the citizen reads under the status. */
  dueText: string;
  late: boolean;
  /** The open question when status is needs_info. */
  question?: string;
  extension?: CaseExtension;
  reply?: CaseReply;
  /** Staff only: a reply waiting for a supervisor's approval (review on). */
  pendingReply?: CaseReply;
  rating?: CaseRating;
  reopenCount: number;
  /** Masked (张*, 138****5678) except to the staff handling the case. */
  contactName?: string;
  contactPhone?: string;
  publishConsent: boolean;
  publishable?: boolean;
  policyId?: string;
  /** The service-guide item the case asks about, with its name when the case was submitted. */
  guideItem?: { id: string; name: string };
  /** Staff only: the content check asked for a human look (`review`); hidden from public views until cleared. */
  flagged?: boolean;
  escalated?: boolean;
  /** Staff only: co-signs of the case's public letter, once it has any. */
  cosign?: CaseCosign;
  timeline: TimelineEntry[];
  can: CaseAbilities;
}

export interface CaseListItem {
  id: string;
  trackingNo: string;
  type: CaseType;
  typeLabel: string;
  title: string;
  status: CaseStatus;
  statusLabel: string;
  submittedAt: Instant;
  dueText: string;
  late: boolean;
}

export interface QueueItem extends CaseListItem {
  categoryName: string;
  departmentId?: string;
  departmentName?: string;
  acceptDueAt: Instant;
  answerDueAt?: Instant;
  overdue: boolean;
  dueSoon: boolean;
  flagged: boolean;
  escalated: boolean;
  awaitingReview: boolean;
  extensionPending: boolean;
  /** Co-signs reached the threshold and the response is still owed; the count when it was reached. */
  cosignAwaiting?: { count: number };
}

/**
 * Counts for the caller's scope (a handler: their department; others: the agency, or `departmentId`). `all` is the
 * work in hand the default queue lists (submitted, accepted, processing, needs_info); `overdue` and `dueSoon` count
 * cases whose running deadline has passed / ends today.
 */
export type QueueFilterCounts = {
  all: number;
  submitted: number;
  accepted: number;
  processing: number;
  needs_info: number;
  replied: number;
  overdue: number;
  dueSoon: number;
  awaitingReview: number;
  flagged: number;
  /** Suggestions whose co-signs reached the threshold, response still owed. */
  cosignAwaiting: number;
};

export interface PublicLetter extends LetterCosign {
  id: string;
  title: string;
  categoryId: string;
  categoryName: string;
  typeLabel: string;
  submittedAt: Instant;
  repliedAt: Instant;
  /** Highlight runs of the title for the keyword, when searching. */
  titleParts?: Array<{ text: string; hit: boolean }>;
}

export interface PublicLetterDetail extends PublicLetter {
  content: string;
  reply: string;
  departmentName?: string;
  timeline: TimelineEntry[];
  /** The caller has co-signed it (false without a WeChat identity). */
  cosigned: boolean;
  /** Co-signs at which the agency owes a public response. */
  cosignThreshold: number;
  /** The agency's response to the co-signers, once published. */
  cosignResponse?: CosignResponse;
}

export type MineTab = 'all' | 'open' | 'replied' | 'done';

export interface SubmitRequest {
  type: CaseType;
  categoryId: string;
  title: string;
  content: string;
  /** fileIDs the citizen uploaded to cloud storage under cases/<their openid>/. */
  images?: string[];
  contactName?: string;
  contactPhone?: string;
  publishConsent: boolean;
  /** Generated once per submit screen; a retry with the same id answers the first case. */
  clientRequestId: string;
  /** Subscribe-message template ids the citizen accepted in wx.requestSubscribeMessage. */
  subscribed?: string[];
  policyId?: string;
  /** The service-guide item (办事指南) the inquiry is about (就此事项咨询); it must be published. */
  guideItemId?: string;
}

export interface SubmitResponse {
  id: string;
  trackingNo: string;
  status: CaseStatus;
  acceptDueAt: Instant;
  answerDueAt?: Instant;
  /** "我们将在 11月26日 前受理，受理后 3 个工作日内答复". */
  promiseText: string;
}

type Versioned = { id: string; version: number };

export interface CaseActions {
  'case.submit': { req: SubmitRequest; res: SubmitResponse };
  'case.listMine': { req: PageRequest & { tab?: MineTab; status?: CaseStatus }; res: Page<CaseListItem> };
  'case.get': { req: { id: string }; res: CaseView };
  /** Exact lookup by tracking number (typed loosely: case, spaces, "MS" optional); only cases the caller may see. */
  'case.findByTrackingNo': { req: { trackingNo: string }; res: { id: string; trackingNo: string } };
  'case.withdraw': { req: Versioned & { reason?: string }; res: CaseView };
  'case.supplement': { req: Versioned & { content: string; images?: string[] }; res: CaseView };
  'case.rate': { req: Versioned & { score: 1 | 2 | 3 | 4 | 5; solved: boolean; comment?: string }; res: CaseView };
  'case.listPublic': { req: PageRequest & { keyword?: string; categoryId?: string }; res: Page<PublicLetter> };
  'case.getPublic': { req: { id: string }; res: PublicLetterDetail };
  /**
   * Records subscribe-message grants (one message each) the citizen or staff member accepted outside submit. One
   * `clientRequestId` per acceptance: the same request again (a resend) answers the first result and grants nothing more.
   */
  'case.subscribe': { req: { templateIds: string[]; clientRequestId?: string }; res: { granted: Record<string, number> } };

  /**
   * Without filters: work in hand, soonest deadline first, then cases waiting for the citizen. `status` lists one
   * status (finished ones newest first); `overdue` / `dueWithinHours` / `flagged` / `awaitingReview` narrow it.
   */
  'case.queue': {
    req: PageRequest & {
      status?: CaseStatus;
      departmentId?: string;
      overdue?: boolean;
      dueWithinHours?: number;
      flagged?: boolean;
      awaitingReview?: boolean;
      /** Suggestions whose co-signs reached the threshold and still wait for the agency's response. */
      cosignAwaiting?: boolean;
    };
    res: Page<QueueItem> & { counts: QueueFilterCounts };
  };
  'case.accept': { req: Versioned & { departmentId?: string; note?: string }; res: CaseView };
  'case.reject': { req: Versioned & { reason: RejectReason; note?: string }; res: CaseView };
  'case.assign': { req: Versioned & { departmentId: string; note?: string }; res: CaseView };
  'case.askInfo': { req: Versioned & { question: string }; res: CaseView };
  'case.reply': { req: Versioned & { content: string; templateId?: string }; res: CaseView };
  'case.approveReply': { req: Versioned & { approve: boolean; note?: string }; res: CaseView };
  'case.note': { req: Versioned & { content: string }; res: CaseView };
  'case.requestExtension': { req: Versioned & { days: number; reason: string }; res: CaseView };
  'case.approveExtension': { req: Versioned & { approve: boolean; note?: string }; res: CaseView };
  'case.escalate': { req: Versioned & { note: string }; res: CaseView };
  'case.setPublishable': {
    req: Versioned & { publishable: boolean; redactions?: string[]; publicTitle?: string };
    res: CaseView;
  };
  /** A dispatcher clears content the check held for review, so it may appear in public views. */
  'case.clearContent': { req: Versioned & { note?: string }; res: CaseView };
}
