// The home page's one first-render call: everything it lists besides what meta.get already gave.
import type { AnnouncementListItem } from './announcements';
import type { HotQuestion } from './guide';
import type { DraftListItem } from './policies';
import type { SurveyListItem } from './surveys';

export interface HomeFeed {
  /** Open consultations (正在征求意见), at most three. */
  openDrafts: DraftListItem[];
  /** The latest three current announcements (通知公告). */
  announcements: AnnouncementListItem[];
  /** The answered public letters the editors pinned (常见问题), in their order. */
  hotQuestions: HotQuestion[];
  /** Open surveys (民意调查), closing soonest first, at most three. */
  openSurveys: SurveyListItem[];
  /** The caller's unread messages (a badge on 我的); absent without a WeChat identity. */
  unreadMessages?: number;
}

export interface HomeActions {
  'home.get': { req: Record<string, never>; res: HomeFeed };
}
