// The announcement actions, spread into actions/index.ts.
import { followDepartment } from './follow';
import { getAnnouncement, listAnnouncements } from './read';
import { publishAnnouncementAction, saveAnnouncement, withdrawAnnouncementAction } from './write';

export const ANNOUNCEMENT_ACTIONS = {
  'announcement.list': listAnnouncements,
  'announcement.get': getAnnouncement,
  'announcement.save': saveAnnouncement,
  'announcement.publish': publishAnnouncementAction,
  'announcement.withdraw': withdrawAnnouncementAction,
  'announcement.follow': followDepartment,
} as const;
