// The unread count of 消息 as a badge on the 我的 tab (index 2 of app.json's tabBar).
import { badgeText } from '../utils/announcement-view';

const MINE_TAB = 2;

export function showUnreadBadge(unread: number): void {
  const text = badgeText(unread);
  // Only a tab page may set the badge; elsewhere WeChat refuses, which changes nothing worth reporting.
  if (text) void wx.setTabBarBadge({ index: MINE_TAB, text }).catch(() => undefined);
  else void wx.removeTabBarBadge({ index: MINE_TAB }).catch(() => undefined);
}
