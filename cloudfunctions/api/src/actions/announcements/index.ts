// The announcement actions, by contract name: one file per action, named after it
// (docs/adr/0143-one-naming-scheme-for-actions.md).
import type { ActionTable } from '../../lib/action';
import { announcementFollow } from './follow';
import { announcementGet } from './get';
import { announcementList } from './list';
import { announcementPublish } from './publish';
import { announcementSave } from './save';
import { announcementWithdraw } from './withdraw';

export const ANNOUNCEMENT_ACTIONS: Pick<ActionTable, `announcement.${string}` & keyof ActionTable> = {
  'announcement.list': announcementList,
  'announcement.get': announcementGet,
  'announcement.save': announcementSave,
  'announcement.publish': announcementPublish,
  'announcement.withdraw': announcementWithdraw,
  'announcement.follow': announcementFollow,
};
