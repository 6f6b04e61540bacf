// Policies (政策) with their official explanations (政策解读), and draft consultations (意见征集) with their
// adoption reports (采纳情况). Citizens see published policies, open or closed drafts, approved comments and their own
// comments in any state; editors and admins write.
import type { Page, PageRequest } from '../api';
import type { Instant } from '../domain';
import type { SurveyLink, SurveyListItem } from './surveys';

export type PolicyStatus = 'draft' | 'published' | 'expired' | 'repealed';

export interface PolicyExplanation {
  background?: string;
  keyPoints?: string[];
  /** What changed from the previous version. */
  changes?: string;
  faq?: Array<{ q: string; a: string }>;
}

export interface PolicyAttachment {
  fileID: string;
  name: string;
  size?: number;
  /** A temporary URL to download it, when available. */
  url?: string;
}

export interface PolicyInput {
  title: string;
  docNo?: string;
  issuer: string;
  categoryId: string;
  /** Calendar dates YYYY-MM-DD (Asia/Shanghai). */
  issuedAt?: string;
  effectiveFrom?: string;
  expiresAt?: string;
  paragraphs: string[];
  explanation?: PolicyExplanation;
  attachments?: Array<{ fileID: string; name: string; size?: number }>;
  relatedIds?: string[];
}

export interface Policy {
  id: string;
  title: string;
  docNo?: string;
  issuer: string;
  categoryId: string;
  categoryName?: string;
  /** Shown as is: 'published' past expiresAt answers 'expired' without anyone editing it. */
  status: PolicyStatus;
  statusLabel: string;
  /** The record's write version: send it back with policy.save / publish / unpublish (a stale one gets CONFLICT). */
  version: number;
  issuedAt?: string;
  effectiveFrom?: string;
  expiresAt?: string;
  paragraphs: string[];
  explanation?: PolicyExplanation;
  attachments?: PolicyAttachment[];
  related?: Array<{ id: string; title: string; docNo?: string }>;
  /** Published service-guide items (办事指南) that name this policy among their related policies. */
  relatedGuideItems?: Array<{ id: string; name: string }>;
  publishedAt?: Instant;
  updatedAt: Instant;
  /** "于2026年11月25日修订" (the day of the last revision) when a published policy has later versions. */
  updatedNote?: string;
  /** Published versions, newest first; `policy.get { id, version }` reads an earlier one. */
  versions: Array<{ version: number; publishedAt: Instant; note?: string }>;
  /** The number (in `versions`) of the published version shown; absent before the first publish. */
  publishedVersion?: number;
  unpublishReason?: string;
  favorited: boolean;
  /** Editors: whether there are unpublished edits after the published version. */
  hasDraftChanges?: boolean;
  /** Editors: the change note saved with the unpublished edits (policy.save `note`); the next version's note. */
  pendingNote?: string;
  /** An open survey linked to this policy. */
  survey?: SurveyLink;
}

export interface PolicyListItem {
  id: string;
  title: string;
  /** Title runs with the keyword marked, when searching. */
  titleParts?: Array<{ text: string; hit: boolean }>;
  docNo?: string;
  issuer: string;
  categoryId: string;
  publishedAt?: Instant;
  status: PolicyStatus;
  statusLabel: string;
  /** A body excerpt around the first hit, marked, when searching. */
  snippet?: Array<{ text: string; hit: boolean }>;
}

export type DraftStatus = 'scheduled' | 'open' | 'closed' | 'reported';
export type CommentStatus = 'pending' | 'approved' | 'hidden';
export type Decision = 'adopted' | 'partly' | 'not_adopted';

export interface DraftComment {
  id: string;
  paragraphIndex?: number;
  content: string;
  status: CommentStatus;
  statusLabel: string;
  mine: boolean;
  at: Instant;
  decision?: Decision;
  decisionLabel?: string;
  decisionReason?: string;
  /** Editors only: why it was hidden. */
  hiddenReason?: string;
  /** Editors only: the content check asked for a human look. */
  flagged?: boolean;
}

export interface DraftReport {
  summary: string;
  publishedAt: Instant;
  counts: { total: number; adopted: number; partly: number; notAdopted: number };
  /** Each decision group with its reason and the approved comments it covers. */
  decisions: Array<{ decision: Decision; decisionLabel: string; reason: string; commentIds: string[] }>;
}

export interface DraftInput {
  title: string;
  paragraphs: string[];
  explanation?: PolicyExplanation;
  opensAt: Instant;
  closesAt: Instant;
  /** A normative document (规范性文件) may have a 7-working-day window; others need at least 30 days. */
  normative?: boolean;
  policyId?: string;
}

export interface Draft {
  id: string;
  title: string;
  paragraphs: string[];
  explanation?: PolicyExplanation;
  status: DraftStatus;
  statusLabel: string;
  opensAt: Instant;
  closesAt: Instant;
  normative: boolean;
  version: number;
  /** "还剩 12 天" / "已截止". */
  windowText: string;
  comments: DraftComment[];
  /** Approved comments per paragraph index (and -1 for the whole draft), for badges. */
  commentCounts: Record<string, number>;
  report?: DraftReport;
  policyId?: string;
  /** `comments` holds the caller's own comments and the first page of the rest; `draft.comments` pages on from here. */
  commentsNextCursor?: string | null;
  /** An open survey linked to this draft. */
  survey?: SurveyLink;
}

export interface DraftListItem {
  id: string;
  title: string;
  status: DraftStatus;
  statusLabel: string;
  opensAt: Instant;
  closesAt: Instant;
  windowText: string;
  commentCount: number;
}

export interface ModerationItem {
  commentId: string;
  draftId: string;
  draftTitle: string;
  paragraphIndex?: number;
  content: string;
  at: Instant;
  flagged: boolean;
}

export interface PolicyActions {
  'policy.list': {
    req: PageRequest & { keyword?: string; categoryId?: string; status?: PolicyStatus | 'all'; favorites?: boolean };
    res: Page<PolicyListItem>;
  };
  'policy.get': { req: { id: string; version?: number }; res: Policy };
  /** `clientRequestId` (creation only): a retried create answers the policy the first attempt made. */
  /** `note` (修订说明): only for an edit of a published or repealed policy; the next published version carries it. */
  'policy.save': { req: PolicyInput & { id?: string; version?: number; clientRequestId?: string; note?: string }; res: Policy };
  'policy.publish': { req: { id: string; version: number; note?: string }; res: Policy };
  'policy.unpublish': { req: { id: string; version: number; reason: string; repeal?: boolean }; res: Policy };
  /** Toggles; with `favorited` sets that state instead, which is what a retry or a double tap should send. */
  'policy.favorite': { req: { id: string; favorited?: boolean }; res: { favorited: boolean } };

  /** `withSurveys`: the home page's one call also carries the open surveys (at most 3). */
  'draft.list': { req: PageRequest & { status?: DraftStatus | 'all'; withSurveys?: boolean }; res: Page<DraftListItem> & { openSurveys?: SurveyListItem[] } };
  'draft.get': { req: { id: string }; res: Draft };
  'draft.save': { req: DraftInput & { id?: string; version?: number; clientRequestId?: string }; res: Draft };
  /** paragraphIndex: absent or -1 for the whole draft. A retry with the same `clientRequestId` answers the first comment. */
  'draft.comment': {
    req: { id: string; paragraphIndex?: number; content: string; clientRequestId?: string };
    res: { commentId: string; status: 'pending' };
  };
  /** Comments after the first page `draft.get` gave: approved ones of others (editors: every comment), oldest first. */
  'draft.comments': { req: PageRequest & { id: string }; res: Page<DraftComment> };
  'draft.moderationQueue': { req: PageRequest & { draftId?: string }; res: Page<ModerationItem> };
  'draft.moderate': { req: { commentId: string; decision: 'approve' | 'hide'; reason?: string }; res: DraftComment };
  'draft.decide': { req: { commentIds: string[]; decision: Decision; reason: string }; res: { decided: number } };
  'draft.publishReport': { req: { id: string; version: number; summary: string }; res: Draft };
}
