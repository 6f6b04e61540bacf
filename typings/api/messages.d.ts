// The message centre (消息): everything the agency sent a citizen (status changes and replies of their cases, rating
// reminders, adoption reports of drafts they commented on, responses to suggestions they co-signed) and the new
// announcements of departments they follow, whether or not they accepted subscribe messages.
import type { Page, PageRequest } from '../api';
import type { Instant } from '../domain';

export type MessageKind = 'case_status' | 'rating_reminder' | 'draft_report' | 'cosign_response' | 'announcement';

/** What a message opens: a case (pages/case), a draft (pages/draft), a public letter (pages/letter), an announcement. */
export interface MessageSubject {
  kind: 'case' | 'draft' | 'letter' | 'announcement';
  id: string;
}

export interface MessageItem {
  id: string;
  kind: MessageKind;
  /** "办理进度", "意见采纳", "通知公告" ... */
  kindLabel: string;
  title: string;
  text: string;
  at: Instant;
  read: boolean;
  subject: MessageSubject;
}

export interface MessageActions {
  /** The caller's messages, newest first, with how many are unread. */
  'message.list': { req: PageRequest; res: Page<MessageItem> & { unread: number } };
  /** How many of the caller's messages are unread (the badge on 我的). */
  'message.unread': { req: Record<string, never>; res: { unread: number } };
  /** Marks the given messages (or all) read; marking a read message again changes nothing. */
  'message.read': { req: { ids?: string[]; all?: boolean }; res: { unread: number } };
}
