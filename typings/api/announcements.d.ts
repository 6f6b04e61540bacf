// Announcements (通知公告 / 政务动态): short news an editor publishes in a department's name, with versions like
// policies; citizens read the current ones, follow a department, and then find its new announcements in 消息.
import type { Page, PageRequest } from '../api';
import type { Instant } from '../domain';
import type { PolicyAttachment } from './policies';

/** 'expired' is never stored: a published announcement past its 有效期 reads so (hidden from the list, not from a link). */
export type AnnouncementStatus = 'draft' | 'published' | 'expired' | 'withdrawn';

export interface AnnouncementInput {
  title: string;
  /** The issuing department (发布单位), one of meta.get's departments. */
  departmentId: string;
  /** The date it is issued (发布日期), YYYY-MM-DD, Asia/Shanghai. */
  date: string;
  paragraphs: string[];
  /** Files uploaded to cloud storage under announcements/. */
  attachments?: Array<{ fileID: string; name: string; size?: number }>;
  /** 有效期至: the last day it is current, YYYY-MM-DD; from the next day it reads 已过期. */
  expiresAt?: string;
}

export interface Announcement {
  id: string;
  title: string;
  departmentId: string;
  departmentName: string;
  date: string;
  paragraphs: string[];
  attachments?: PolicyAttachment[];
  expiresAt?: string;
  status: AnnouncementStatus;
  statusLabel: string;
  /** The write version: send it back with save / publish / withdraw (a stale one gets CONFLICT). */
  version: number;
  publishedAt?: Instant;
  updatedAt: Instant;
  /** "于2026年11月25日更新" once a published announcement has a later version. */
  updatedNote?: string;
  /** Published versions, newest first; `announcement.get { id, version }` reads an earlier one. */
  versions: Array<{ version: number; publishedAt: Instant; note?: string }>;
  publishedVersion?: number;
  withdrawReason?: string;
  /** Whether the caller follows the issuing department (their 消息 then lists its new announcements). */
  following: boolean;
  /** Editors: unpublished edits wait after the published version. */
  hasDraftChanges?: boolean;
  /** Editors: the change note saved with the unpublished edits. */
  pendingNote?: string;
}

export interface AnnouncementListItem {
  id: string;
  title: string;
  /** Title runs with the keyword marked, when searching. */
  titleParts?: Array<{ text: string; hit: boolean }>;
  departmentId: string;
  departmentName: string;
  date: string;
  status: AnnouncementStatus;
  statusLabel: string;
  /** A body excerpt around the first hit, marked, when searching. */
  snippet?: Array<{ text: string; hit: boolean }>;
}

export interface AnnouncementActions {
  /** Citizens: current announcements, newest first (expired ones left out); editors may ask for any status. */
  'announcement.list': {
    req: PageRequest & { keyword?: string; departmentId?: string; status?: 'draft' | 'published' | 'withdrawn' | 'all' };
    res: Page<AnnouncementListItem>;
  };
  'announcement.get': { req: { id: string; version?: number }; res: Announcement };
  /** Creates (a draft) or edits; `note` (更新说明) only for an edit of a published announcement. */
  'announcement.save': { req: AnnouncementInput & { id?: string; version?: number; clientRequestId?: string; note?: string }; res: Announcement };
  'announcement.publish': { req: { id: string; version: number; note?: string }; res: Announcement };
  /** Takes it down (back to an unpublished draft), with the reason kept for editors. */
  'announcement.withdraw': { req: { id: string; version: number; reason: string }; res: Announcement };
  /** Sets whether the caller follows a department; sending the same state again changes nothing. */
  'announcement.follow': { req: { departmentId: string; following: boolean }; res: { departmentId: string; following: boolean } };
}
