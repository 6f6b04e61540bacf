// What the announcement and message pages show, from the contract's shapes. Free of `wx`: unit-tested in Node.
import type { Announcement, AnnouncementListItem, MessageItem, MessageSubject } from '../../typings/api';
import { fileSizeText, normalizeRuns, type Run } from './policy-view';
import { formatCalendarDate, formatDateTime, formatFullDate } from './time';

export interface AnnouncementCardView {
  id: string;
  titleParts: Run[];
  snippet: Run[];
  meta: string;
  /** Only for what is not simply current (editors' lists; 已过期 / 已撤回). */
  statusLabel: string;
}

export function announcementCardView(item: AnnouncementListItem, opts: { alwaysShowStatus?: boolean } = {}): AnnouncementCardView {
  return {
    id: item.id,
    titleParts: normalizeRuns(item.titleParts, item.title),
    snippet: item.snippet?.length ? normalizeRuns(item.snippet, '') : [],
    meta: `${item.departmentName} · ${formatCalendarDate(item.date)}`,
    statusLabel: opts.alwaysShowStatus || item.status !== 'published' ? item.statusLabel : '',
  };
}

/** A row of the home page's 通知公告: the title and who issued it when. */
export function announcementRowView(item: AnnouncementListItem): { id: string; title: string; meta: string } {
  return { id: item.id, title: item.title, meta: `${item.departmentName} · ${formatCalendarDate(item.date)}` };
}

export interface AnnouncementDetailView {
  title: string;
  departmentId: string;
  departmentName: string;
  dateText: string;
  /** "有效期至2026年12月31日", or empty. */
  validText: string;
  expired: boolean;
  statusLabel: string;
  updatedNote: string;
  paragraphs: string[];
  attachments: Array<{ fileID: string; name: string; url: string; sizeText: string }>;
  /** Readers: the earlier versions, when there are any. */
  versions: Array<{ version: number; text: string; note: string; reading: boolean }>;
  oldVersionNotice: string;
}

export function announcementDetailView(a: Announcement, readingVersion?: number): AnnouncementDetailView {
  const reading = readingVersion ?? a.publishedVersion;
  const latest = a.versions[0]?.version;
  return {
    title: a.title,
    departmentId: a.departmentId,
    departmentName: a.departmentName,
    dateText: formatCalendarDate(a.date),
    validText: a.expiresAt ? `有效期至${formatCalendarDate(a.expiresAt)}` : '',
    expired: a.status === 'expired',
    statusLabel: a.statusLabel,
    updatedNote: a.updatedNote ?? '',
    paragraphs: a.paragraphs,
    attachments: (a.attachments ?? []).map((f) => ({ fileID: f.fileID, name: f.name, url: f.url ?? '', sizeText: fileSizeText(f.size) })),
    versions: a.versions.map((v) => ({ version: v.version, text: `第 ${v.version} 版 · ${formatFullDate(v.publishedAt)}`, note: v.note ?? '', reading: v.version === reading })),
    oldVersionNotice: readingVersion !== undefined && readingVersion !== latest ? `您正在查看第 ${readingVersion} 版，不是最新内容。` : '',
  };
}

const SUBJECT_PAGES: Record<MessageSubject['kind'], string> = {
  case: '/pages/case/index',
  draft: '/pages/draft/index',
  letter: '/pages/letter/index',
  announcement: '/pages/announcement/index',
};

/** The page a message opens. */
export function subjectUrl(subject: MessageSubject): string {
  return `${SUBJECT_PAGES[subject.kind]}?id=${encodeURIComponent(subject.id)}`;
}

export interface MessageView {
  id: string;
  kindLabel: string;
  title: string;
  text: string;
  timeText: string;
  read: boolean;
  url: string;
}

export function messageView(m: MessageItem, now: number = Date.now()): MessageView {
  return { id: m.id, kindLabel: m.kindLabel, title: m.title, text: m.text, timeText: formatDateTime(m.at, now), read: m.read, url: subjectUrl(m.subject) };
}

/** A tab-bar badge's text: nothing at 0, "99+" past 99. */
export function badgeText(unread: number): string {
  return unread <= 0 ? '' : unread > 99 ? '99+' : String(unread);
}
