// The policy record: what an editor writes, what a citizen reads, and the rules between them. Pure: no database,
// no clock (the instant is passed in). docs/adr/0030-policy-search-ranking.md and 0031-policy-versions.md say why
// the document looks as it does.
import type { Policy, PolicyExplanation, PolicyListItem, PolicyStatus } from '../../../../../typings/api';
import type { Instant } from '../../../../../typings/domain';
import { isValidDay, shanghaiDay, SHANGHAI_OFFSET_MS } from '../calendar';
import { indexTokens } from '../search-tokens';

/** What the database stores as status; 'expired' is never stored, it is read off the clock (see effectiveStatus). */
export type StoredPolicyStatus = 'draft' | 'published' | 'repealed';

export interface StoredAttachment {
  fileID: string;
  name: string;
  size?: number;
}

/** Everything an editor writes; a published version is a frozen copy of one of these. */
export interface PolicyContent {
  title: string;
  docNo?: string;
  issuer: string;
  categoryId: string;
  issuedAt?: string;
  effectiveFrom?: string;
  expiresAt?: string;
  paragraphs: string[];
  explanation?: PolicyExplanation;
  attachments?: StoredAttachment[];
  relatedIds?: string[];
}

export interface PolicyVersionEntry {
  version: number;
  publishedAt: Instant;
  note?: string;
}

/**
 * One document per policy in `policies`. The top-level content is the public face: the latest published version once
 * there is one (so list, search and a citizen's read never see unpublished words), the working copy before that.
 * Edits made while the public face is visible wait in `pending` until the next publish.
 */
export interface PolicyDoc extends PolicyContent {
  _id: string;
  /** Write counter for optimistic concurrency: every write bumps it, a write based on an older one gets CONFLICT. */
  version: number;
  status: StoredPolicyStatus;
  createdAt: Instant;
  updatedAt: Instant;
  /** Tokens of title and document number: a hit here ranks first. */
  titleTokens: string[];
  /** Tokens of title, document number and body. */
  searchTokens: string[];
  /** Newest-first sort key, unique: official date | publication instant | id. */
  listKey: string;
  /** The instant the policy lapses (00:00 Shanghai of expiresAt), or FOREVER; compared with now to show 'expired'. */
  expiresKey: string;
  /** Latest publication. */
  publishedAt?: Instant;
  firstPublishedAt?: Instant;
  /** Number of the latest published version; 0 before the first publish. */
  pubVersion: number;
  /** Published versions, oldest first. */
  versions: PolicyVersionEntry[];
  /** Unpublished edits made while the public face is visible. */
  pending?: PolicyContent | null;
  /** The editor's change note saved with the pending edits; it becomes the next version's note when published. */
  pendingNote?: string;
  unpublishReason?: string;
  unpublishedAt?: Instant;
}

/** A frozen published version in `policy_versions`; `_id` is versionDocId(policyId, version). */
export interface PolicyVersionDoc {
  _id: string;
  policyId: string;
  version: number;
  publishedAt: Instant;
  note?: string;
  content: PolicyContent;
}

export const versionDocId = (policyId: string, version: number): string => `${policyId}_v${version}`;

/** Sorts after every real instant: a policy without an expiry date never lapses. */
export const FOREVER = '9999-12-31T23:59:59.999Z';

/** 00:00 Asia/Shanghai of a calendar day, as an ISO instant. */
export function startOfDay(day: string): Instant {
  return new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS).toISOString();
}

/**
 * expiresAt is the 失效日期, the first day the policy is no longer in force (so it must be later than the day it takes
 * effect): from 00:00 that day, Shanghai time, a published policy reads as expired.
 */
export function expiresKeyOf(expiresAt: string | undefined): string {
  return expiresAt ? startOfDay(expiresAt) : FOREVER;
}

/** What a reader is told: stored status, with 'published' past its expiry answered as 'expired'. */
export function effectiveStatus(doc: Pick<PolicyDoc, 'status' | 'expiresKey'>, now: Date): PolicyStatus {
  if (doc.status === 'published' && doc.expiresKey <= now.toISOString()) return 'expired';
  return doc.status;
}

/** The stored statuses as the editors' list filters them (a reader is told more of a published one: statusLabel). */
export const POLICY_STATUS_LABELS: Record<PolicyStatus, string> = { draft: '未发布', published: '已发布', expired: '已失效', repealed: '已废止' };

export function statusLabel(status: PolicyStatus, content: Pick<PolicyContent, 'effectiveFrom'>, now: Date): string {
  if (status !== 'published') return POLICY_STATUS_LABELS[status];
  return content.effectiveFrom && startOfDay(content.effectiveFrom) > now.toISOString() ? '尚未施行' : '现行有效';
}

/**
 * Newest first by the official date (成文日期; the first publication's date when there is none), then by publication
 * instant, then id: unique, so a cursor on it never skips or repeats a policy. A re-publication keeps the policy where
 * it was: a corrected typo does not make an old policy "new".
 */
export function listKeyOf(doc: Pick<PolicyDoc, '_id' | 'issuedAt' | 'firstPublishedAt' | 'createdAt'>): string {
  const instant = doc.firstPublishedAt ?? doc.createdAt;
  return `${doc.issuedAt ?? shanghaiDay(instant)}|${instant}|${doc._id}`;
}

export function tokensOf(content: PolicyContent): { titleTokens: string[]; searchTokens: string[] } {
  return {
    titleTokens: indexTokens(content.title, content.docNo),
    searchTokens: indexTokens(content.title, content.docNo, ...content.paragraphs),
  };
}

/** The stored form of an editor's input: fixed key order, empty parts dropped, so two equal contents compare equal. */
export function contentOf(input: PolicyContent): PolicyContent {
  const out: PolicyContent = { title: input.title, issuer: input.issuer, categoryId: input.categoryId, paragraphs: [...input.paragraphs] };
  if (input.docNo) out.docNo = input.docNo;
  if (input.issuedAt) out.issuedAt = input.issuedAt;
  if (input.effectiveFrom) out.effectiveFrom = input.effectiveFrom;
  if (input.expiresAt) out.expiresAt = input.expiresAt;
  const explanation = explanationOf(input.explanation);
  if (explanation) out.explanation = explanation;
  if (input.attachments?.length) {
    out.attachments = input.attachments.map((a) => (a.size === undefined ? { fileID: a.fileID, name: a.name } : { fileID: a.fileID, name: a.name, size: a.size }));
  }
  if (input.relatedIds?.length) out.relatedIds = [...new Set(input.relatedIds)];
  return out;
}

export function explanationOf(e: PolicyExplanation | undefined): PolicyExplanation | undefined {
  if (!e) return undefined;
  const out: PolicyExplanation = {};
  if (e.background) out.background = e.background;
  if (e.keyPoints?.length) out.keyPoints = [...e.keyPoints];
  if (e.changes) out.changes = e.changes;
  if (e.faq?.length) out.faq = e.faq.map((f) => ({ q: f.q, a: f.a }));
  return Object.keys(out).length ? out : undefined;
}

/** Key-order independent deep equality for stored contents (which contentOf already ordered). */
export function sameContent(a: PolicyContent, b: PolicyContent): boolean {
  return JSON.stringify(contentOf(a)) === JSON.stringify(contentOf(b));
}

/** The working copy an editor edits: pending edits if any, else the top level. */
export function workingContent(doc: PolicyDoc): PolicyContent {
  return doc.pending ?? contentOf(doc);
}

/**
 * Date rules the schema cannot express alone: real calendar dates, effective no earlier than issued, expiry after the
 * start. Answers field path -> Chinese message; empty when the dates are consistent.
 */
export function checkPolicyDates(c: Pick<PolicyContent, 'issuedAt' | 'effectiveFrom' | 'expiresAt'>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const key of ['issuedAt', 'effectiveFrom', 'expiresAt'] as const) {
    const v = c[key];
    if (v !== undefined && !isValidDay(v)) fields[key] = '日期无效，格式应为 2026-01-31';
  }
  if (Object.keys(fields).length) return fields;
  if (c.issuedAt && c.effectiveFrom && c.effectiveFrom < c.issuedAt) fields.effectiveFrom = '施行日期不能早于成文日期';
  const start = c.effectiveFrom ?? c.issuedAt;
  if (c.expiresAt && start && c.expiresAt <= start) fields.expiresAt = c.effectiveFrom ? '失效日期应晚于施行日期' : '失效日期应晚于成文日期';
  return fields;
}

/** "于2026年11月25日修订": told to readers once the public text has changed, with the day of the last revision. */
export function updatedNote(doc: Pick<PolicyDoc, 'pubVersion' | 'publishedAt'>): string | undefined {
  if (doc.pubVersion < 2 || !doc.publishedAt) return undefined;
  const [y, m, d] = shanghaiDay(doc.publishedAt).split('-').map(Number);
  return `于${y}年${m}月${d}日修订`;
}

/** Whether a path of cloud storage is under policies/: `cloud://<env>.<bucket>/policies/...`. */
export function isPolicyFileID(fileID: string): boolean {
  const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileID);
  return !!m && m[1]!.startsWith('policies/') && !m[1]!.includes('..');
}

export interface PolicyViewExtras {
  categoryName?: string;
  favorited: boolean;
  related?: Array<{ id: string; title: string; docNo?: string }>;
  attachmentUrls?: Record<string, string>;
  /** Editors read the working copy and see whether it differs from the published one. */
  staff: boolean;
  /** A given earlier version, when one was asked for. */
  snapshot?: PolicyVersionDoc;
}

/** The text a reader is shown: a version asked for, else the working copy to editors and the public face to others. */
export function shownContent(doc: PolicyDoc, staff: boolean, snapshot?: PolicyVersionDoc): PolicyContent {
  return snapshot ? snapshot.content : staff ? workingContent(doc) : contentOf(doc);
}

/** `policy.get`'s answer. */
export function toPolicy(doc: PolicyDoc, now: Date, x: PolicyViewExtras): Policy {
  const content = shownContent(doc, x.staff, x.snapshot);
  const status = effectiveStatus(doc, now);
  const out: Policy = {
    id: doc._id,
    title: content.title,
    issuer: content.issuer,
    categoryId: content.categoryId,
    status,
    statusLabel: statusLabel(status, content, now),
    version: doc.version,
    paragraphs: content.paragraphs,
    // A citizen is not told when editors last touched unpublished edits: the public face changed when it was published.
    updatedAt: x.staff ? doc.updatedAt : (doc.unpublishedAt && doc.status === 'repealed' ? doc.unpublishedAt : doc.publishedAt ?? doc.updatedAt),
    versions: [...doc.versions].reverse().map((v) => (v.note ? { ...v } : { version: v.version, publishedAt: v.publishedAt })),
    favorited: x.favorited,
  };
  if (content.docNo) out.docNo = content.docNo;
  if (x.categoryName) out.categoryName = x.categoryName;
  if (content.issuedAt) out.issuedAt = content.issuedAt;
  if (content.effectiveFrom) out.effectiveFrom = content.effectiveFrom;
  if (content.expiresAt) out.expiresAt = content.expiresAt;
  if (content.explanation) out.explanation = content.explanation;
  if (content.attachments?.length) {
    out.attachments = content.attachments.map((a) => {
      const url = x.attachmentUrls?.[a.fileID];
      return url ? { ...a, url } : { ...a };
    });
  }
  if (x.related?.length) out.related = x.related;
  const publishedAt = x.snapshot?.publishedAt ?? doc.publishedAt;
  if (publishedAt) out.publishedAt = publishedAt;
  const shownVersion = x.snapshot?.version ?? doc.pubVersion;
  if (shownVersion > 0) out.publishedVersion = shownVersion;
  const note = updatedNote(doc);
  if (note) out.updatedNote = note;
  if (doc.unpublishReason && doc.status !== 'published') out.unpublishReason = doc.unpublishReason;
  if (x.staff) out.hasDraftChanges = !!doc.pending;
  if (x.staff && doc.pending && doc.pendingNote) out.pendingNote = doc.pendingNote;
  return out;
}

/** A row of `policy.list`, from the public face (title, dates) of the stored document. */
export function toListItem(doc: PolicyDoc, now: Date): PolicyListItem {
  const status = effectiveStatus(doc, now);
  const item: PolicyListItem = {
    id: doc._id,
    title: doc.title,
    issuer: doc.issuer,
    categoryId: doc.categoryId,
    status,
    statusLabel: statusLabel(status, doc, now),
  };
  if (doc.docNo) item.docNo = doc.docNo;
  if (doc.publishedAt) item.publishedAt = doc.publishedAt;
  return item;
}
