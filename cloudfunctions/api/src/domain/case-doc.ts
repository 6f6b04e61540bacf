// The shapes the cases repositories store. Instants are ISO 8601 strings in UTC (fixed width, so they sort as text
// and compose into the string sort keys of domain/case-keys.ts).
import type { ActorRole, RejectReason, Visibility, CaseEventKind } from '../../../../typings/api';
import type { CaseStatus, CaseType } from '../../../../typings/domain';
import type { CaseCosignDoc, CosignResponseDoc } from './cosign';

export interface ReplyDoc {
  content: string;
  at: string;
  departmentId?: string;
  fromTemplate: boolean;
  templateId?: string;
}

export interface ExtensionDoc {
  status: 'pending' | 'approved' | 'rejected';
  days: number;
  reason: string;
  requestedAt: string;
  decidedAt?: string;
}

export interface RatingDoc {
  score: 1 | 2 | 3 | 4 | 5;
  solved: boolean;
  comment?: string;
  at: string;
}

export type Lane = 'open' | 'replied' | 'done';

export interface CaseDoc {
  _id: string;
  openid: string;
  trackingNo: string;
  type: CaseType;
  categoryId: string;
  /** The category's default department, proposed to the dispatcher until the case is assigned. */
  routeDepartmentId?: string;
  /** The department the case is assigned to; its handlers see and answer it. */
  departmentId?: string;
  title: string;
  content: string;
  images: string[];
  contactName?: string;
  contactPhone?: string;
  /** Keyed hash of the phone's last 4 digits, for progress lookup (domain/phone-tail.ts); removed with the phone. */
  phoneTailHash?: string;
  publishConsent: boolean;
  policyId?: string;
  /** The service-guide item the inquiry is about, with its name at submission (就此事项咨询). */
  guideItem?: { id: string; name: string };
  status: CaseStatus;
  version: number;
  submittedAt: string;
  acceptedAt?: string;
  acceptDueAt: string;
  answerDueAt?: string;
  /** When the case entered needs_info: the answer clock stands still from here until the citizen supplements. */
  pausedAt?: string;
  question?: string;
  extension?: ExtensionDoc;
  pendingReply?: ReplyDoc;
  reply?: ReplyDoc;
  rating?: RatingDoc;
  reopenCount: number;
  rejectReason?: RejectReason;
  /** The content check asked for a human look: held from every public view until a dispatcher clears it. */
  flagged: boolean;
  escalated: boolean;
  awaitingReview: boolean;
  publishable: boolean;
  redactions?: string[];
  publicTitle?: string;
  /** When the case reached closed, rejected or withdrawn. */
  endedAt?: string;
  /** Timer markers: the deadline a reminder / overdue flag was issued for, the reply a rating reminder was sent for. */
  remindedFor?: string;
  overdueFor?: string;
  ratingRemindedFor?: string;
  purgedAt?: string;
  /** Co-signing of its public letter: set when the threshold is reached (domain/cosign.ts). */
  cosign?: CaseCosignDoc;
  /** Threshold reached, response owed: the queue's 附议 filter (removed once answered). */
  cosignAwaiting?: boolean;
  updatedAt: string;
  // Derived keys (domain/case-keys.ts), recomputed on every write; each serves one index.
  lane: Lane;
  queueKey: string;
  mineKey: string;
  timerKey?: string;
}

export interface CaseEventDoc {
  _id: string;
  caseId: string;
  /** Order within the case: the case version the event was written with, times 100, plus its position. */
  seq: number;
  at: string;
  kind: CaseEventKind;
  from?: CaseStatus;
  to?: CaseStatus;
  note?: string;
  actor: { role: ActorRole; departmentId?: string };
  /** For the audit log only; never part of any answer. */
  actorOpenid?: string;
  /** On a command's first event: the request that wrote it (lib/action.ts), so its retry knows it was applied. */
  request?: string;
  visibility: Visibility;
  /** What the event counts for in the figures (domain/case-figures.ts); set by the repository when it is written. */
  facts?: EventFacts;
}

/** The facts a counted event was judged on when written, so the daily figures can be rebuilt from events alone. */
export interface EventFacts {
  /** The department the figure belongs to (the case's, or the one proposed by its category before assignment). */
  departmentId?: string;
  /** Acceptance or answer by its deadline (extensions approved before it count). */
  onTime?: boolean;
  /** Answer: working days from the day of submission to the day of the answer. */
  workDays?: number;
  fromTemplate?: boolean;
  /** Answer: a reply template with fewer than MIN_OWN_CHARS characters of its own (domain/reply-template.ts). */
  templateOnly?: boolean;
  score?: 1 | 2 | 3 | 4 | 5;
  solved?: boolean;
}

/** An event before the repository numbers it. */
export type NewEvent = Omit<CaseEventDoc, '_id' | 'caseId' | 'seq'>;

/** A public letter 公开信件: the scrubbed copy of a published case (repositories/letters.ts). */
export interface LetterDoc {
  _id: string;
  title: string;
  content: string;
  reply: string;
  type: CaseType;
  categoryId: string;
  departmentId?: string;
  submittedAt: string;
  repliedAt: string;
  /** Published and not held for a content review. */
  visible: boolean;
  listKey: string;
  searchTokens: string[];
  publishedAt: string;
  /** Co-signs 附议 so far (suggestions only), moved in each co-sign's transaction. */
  cosignCount?: number;
  /** The agency's response to the co-signers. */
  cosignResponse?: CosignResponseDoc;
}
