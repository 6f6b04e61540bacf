// The announcement record (通知公告): what an editor writes, what a reader is shown, and how it changes. Pure: no
// database, no clock. It follows the policy record's rules (a public face, edits waiting in `pending`, frozen
// published versions; docs/adr/0031-policy-versions.md); docs/adr/0140-announcements.md says where it differs.
import type { Announcement, AnnouncementListItem, AnnouncementStatus } from '../../../../../typings/api';
import type { Instant } from '../../../../../typings/domain';
import { addDays, isValidDay, shanghaiDay } from '../calendar';
import { FOREVER, startOfDay, type StoredAttachment } from '../policies/policy';
import { indexTokens } from '../search-tokens';

export type StoredAnnouncementStatus = 'draft' | 'published' | 'withdrawn';

export interface AnnouncementContent {
  title: string;
  departmentId: string;
  date: string;
  paragraphs: string[];
  attachments?: StoredAttachment[];
  expiresAt?: string;
}

export interface VersionEntry {
  version: number;
  publishedAt: Instant;
  note?: string;
}

export interface AnnouncementDoc extends AnnouncementContent {
  _id: string;
  /** Write counter: a write based on an older one gets CONFLICT. */
  version: number;
  status: StoredAnnouncementStatus;
  createdAt: Instant;
  updatedAt: Instant;
  titleTokens: string[];
  searchTokens: string[];
  /** Newest first, unique: date | first publication | id. */
  listKey: string;
  /** The instant it stops being current (00:00 Shanghai after 有效期至), or FOREVER. */
  expiresKey: string;
  /**
   * Set while published and not yet seen expired: citizens' lists range over (current, listKey), so expired ones are
   * never read. Removed on withdrawal and by the tick's expiry sweep (jobs/announcement-expiry.ts); the lists still
   * compare expiresKey with now for the minutes between an expiry and the next sweep.
   */
  current?: true;
  publishedAt?: Instant;
  firstPublishedAt?: Instant;
  pubVersion: number;
  versions: VersionEntry[];
  pending: AnnouncementContent | null;
  pendingNote?: string;
  withdrawReason?: string;
  /** `${firstPublishedAt}|${_id}` while followers' messages remain to be written (services/announcement-fanout.ts). */
  fanoutKey?: string;
  /** The last follower (openid) already given a message, while fanoutKey is set. */
  fanoutAfter?: string;
}

export interface AnnouncementVersionDoc {
  _id: string;
  announcementId: string;
  version: number;
  publishedAt: Instant;
  note?: string;
  content: AnnouncementContent;
}

export const announcementVersionId = (id: string, version: number): string => `${id}_v${version}`;

/** The stored form of an editor's input: fixed key order, empty parts dropped, so equal contents compare equal. */
export function announcementContent(input: AnnouncementContent): AnnouncementContent {
  const out: AnnouncementContent = { title: input.title, departmentId: input.departmentId, date: input.date, paragraphs: [...input.paragraphs] };
  if (input.attachments?.length) out.attachments = input.attachments.map((a) => ({ fileID: a.fileID, name: a.name, ...(a.size === undefined ? {} : { size: a.size }) }));
  if (input.expiresAt) out.expiresAt = input.expiresAt;
  return out;
}

const same = (a: AnnouncementContent, b: AnnouncementContent) => JSON.stringify(announcementContent(a)) === JSON.stringify(announcementContent(b));

/** Dates the schema cannot check alone: real days, and an expiry no earlier than the date it is issued. */
export function checkAnnouncementDates(c: Pick<AnnouncementContent, 'date' | 'expiresAt'>): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!isValidDay(c.date)) fields.date = '发布日期无效，格式应为 2026-01-31';
  if (c.expiresAt !== undefined && !isValidDay(c.expiresAt)) fields.expiresAt = '有效期日期无效，格式应为 2026-01-31';
  if (!Object.keys(fields).length && c.expiresAt !== undefined && c.expiresAt < c.date) fields.expiresAt = '有效期不能早于发布日期';
  return fields;
}

/** Whether a cloud-storage path is under announcements/: `cloud://<env>.<bucket>/announcements/...`. */
export function isAnnouncementFileID(fileID: string): boolean {
  const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileID);
  return !!m && m[1]!.startsWith('announcements/') && !m[1]!.includes('..');
}

/** Title and full-text tokens of the keyword search, as a policy's (domain/search-tokens.ts). */
export function announcementTokens(face: Pick<AnnouncementContent, 'title' | 'paragraphs'>): { titleTokens: string[]; searchTokens: string[] } {
  return { titleTokens: indexTokens(face.title), searchTokens: indexTokens(face.title, ...face.paragraphs) };
}

function withFace(doc: Omit<AnnouncementDoc, keyof AnnouncementContent> & Partial<AnnouncementContent>, content: AnnouncementContent): AnnouncementDoc {
  const { title: _t, departmentId: _d, date: _da, paragraphs: _p, attachments: _a, expiresAt: _e, ...rest } = doc;
  const face = announcementContent(content);
  const first = rest.firstPublishedAt ?? rest.createdAt;
  return {
    ...rest,
    ...face,
    ...announcementTokens(face),
    listKey: `${face.date}|${first}|${rest._id}`,
    expiresKey: face.expiresAt ? startOfDay(addDays(face.expiresAt, 1)) : FOREVER,
  };
}

export function newAnnouncement(id: string, content: AnnouncementContent, nowIso: string): AnnouncementDoc {
  const blank = { _id: id, version: 1, status: 'draft' as const, createdAt: nowIso, updatedAt: nowIso, pubVersion: 0, versions: [], pending: null, titleTokens: [], searchTokens: [], listKey: '', expiresKey: FOREVER };
  return withFace(blank, content);
}

/** The text editors work on: pending edits if any, else the face. */
export function workingCopy(doc: AnnouncementDoc): AnnouncementContent {
  return doc.pending ?? announcementContent(doc);
}

/** An edit: the document itself while unpublished; waiting in `pending` while citizens read the published text. */
export function editAnnouncement(doc: AnnouncementDoc, content: AnnouncementContent, nowIso: string, note?: string): AnnouncementDoc {
  const { pendingNote, ...rest } = doc;
  const bump = { version: doc.version + 1, updatedAt: nowIso };
  if (doc.status !== 'published') return { ...withFace(rest, content), ...bump, pending: null };
  if (same(content, doc)) return { ...rest, ...bump, pending: null };
  const kept = note ?? pendingNote;
  return { ...rest, ...bump, pending: announcementContent(content), ...(kept ? { pendingNote: kept } : {}) };
}

/** Publishes the working copy; a text unlike the last published one becomes the next frozen version. */
export function publishAnnouncement(
  doc: AnnouncementDoc,
  lastPublished: AnnouncementContent | null,
  nowIso: string,
  note: string | undefined,
): { doc: AnnouncementDoc; snapshot: AnnouncementVersionDoc | null } {
  const content = workingCopy(doc);
  const { pendingNote, withdrawReason: _w, ...rest } = doc;
  note = note ?? pendingNote;
  let next: AnnouncementDoc = { ...rest, status: 'published', current: true, pending: null, version: doc.version + 1, updatedAt: nowIso };
  let snapshot: AnnouncementVersionDoc | null = null;
  if (!lastPublished || !same(content, lastPublished)) {
    const n = doc.pubVersion + 1;
    const entry: VersionEntry = note ? { version: n, publishedAt: nowIso, note } : { version: n, publishedAt: nowIso };
    const firstPublishedAt = doc.firstPublishedAt ?? nowIso;
    next = { ...next, pubVersion: n, publishedAt: nowIso, firstPublishedAt, versions: [...doc.versions, entry] };
    snapshot = { _id: announcementVersionId(doc._id, n), announcementId: doc._id, version: n, publishedAt: nowIso, content: announcementContent(content), ...(note ? { note } : {}) };
    // The first publication is news to followers: their messages are written after the commit, resumably.
    if (!doc.firstPublishedAt) next = { ...next, fanoutKey: `${firstPublishedAt}|${doc._id}` };
  }
  return { doc: withFace(next, content), snapshot };
}

export function withdrawAnnouncement(doc: AnnouncementDoc, nowIso: string, reason: string): AnnouncementDoc {
  const { current: _c, ...rest } = doc;
  return { ...rest, status: 'withdrawn', withdrawReason: reason, version: doc.version + 1, updatedAt: nowIso };
}

export function effectiveAnnouncementStatus(doc: Pick<AnnouncementDoc, 'status' | 'expiresKey'>, now: Date): AnnouncementStatus {
  return doc.status === 'published' && doc.expiresKey <= now.toISOString() ? 'expired' : doc.status;
}

export const ANNOUNCEMENT_STATUS_LABELS: Record<AnnouncementStatus, string> = { draft: '未发布', published: '已发布', expired: '已过期', withdrawn: '已撤回' };

export function announcementStatusLabel(status: AnnouncementStatus): string {
  return ANNOUNCEMENT_STATUS_LABELS[status];
}

/** "于2026年11月25日更新": readers are told once the public text has changed since it first appeared. */
export function announcementUpdatedNote(doc: Pick<AnnouncementDoc, 'pubVersion' | 'publishedAt'>): string | undefined {
  if (doc.pubVersion < 2 || !doc.publishedAt) return undefined;
  const [y, m, d] = shanghaiDay(doc.publishedAt).split('-').map(Number);
  return `于${y}年${m}月${d}日更新`;
}

export interface AnnouncementViewExtras {
  staff: boolean;
  departmentName: string;
  following: boolean;
  attachmentUrls: Record<string, string>;
  snapshot?: AnnouncementVersionDoc;
}

export function toAnnouncement(doc: AnnouncementDoc, now: Date, x: AnnouncementViewExtras): Announcement {
  const content = x.snapshot ? x.snapshot.content : x.staff ? workingCopy(doc) : announcementContent(doc);
  const status = effectiveAnnouncementStatus(doc, now);
  const out: Announcement = {
    id: doc._id,
    title: content.title,
    departmentId: content.departmentId,
    departmentName: x.departmentName,
    date: content.date,
    paragraphs: content.paragraphs,
    status,
    statusLabel: announcementStatusLabel(status),
    version: doc.version,
    updatedAt: x.staff ? doc.updatedAt : doc.publishedAt ?? doc.updatedAt,
    versions: [...doc.versions].reverse().map((v) => ({ ...v })),
    following: x.following,
  };
  if (content.attachments?.length) out.attachments = content.attachments.map((a) => (x.attachmentUrls[a.fileID] ? { ...a, url: x.attachmentUrls[a.fileID]! } : { ...a }));
  if (content.expiresAt) out.expiresAt = content.expiresAt;
  const publishedAt = x.snapshot?.publishedAt ?? doc.publishedAt;
  if (publishedAt) out.publishedAt = publishedAt;
  const shown = x.snapshot?.version ?? doc.pubVersion;
  if (shown > 0) out.publishedVersion = shown;
  const note = announcementUpdatedNote(doc);
  if (note) out.updatedNote = note;
  if (x.staff && doc.withdrawReason && doc.status === 'withdrawn') out.withdrawReason = doc.withdrawReason;
  if (x.staff) out.hasDraftChanges = !!doc.pending;
  if (x.staff && doc.pending && doc.pendingNote) out.pendingNote = doc.pendingNote;
  return out;
}

export function toAnnouncementItem(doc: AnnouncementDoc, now: Date, departmentName: string): AnnouncementListItem {
  const status = effectiveAnnouncementStatus(doc, now);
  return { id: doc._id, title: doc.title, departmentId: doc.departmentId, departmentName, date: doc.date, status, statusLabel: announcementStatusLabel(status) };
}
