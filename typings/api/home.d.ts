// The home page's one first-render call: everything it lists besides what meta.get already gave.
import type { AnnouncementListItem } from './announcements';
import type { DraftListItem } from './policies';

export interface HomeFeed {
  /** Open consultations (正在征求意见), at most three. */
  openDrafts: DraftListItem[];
  /** The latest three current announcements (通知公告). */
  announcements: AnnouncementListItem[];
  /** The caller's unread messages (a badge on 我的); absent without a WeChat identity. */
  unreadMessages?: number;
}

export interface HomeActions {
  'home.get': { req: Record<string, never>; res: HomeFeed };
}
