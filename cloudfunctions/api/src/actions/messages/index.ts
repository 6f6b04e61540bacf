// The message centre's actions, by contract name: one file per action, named after it
// (docs/adr/0143-one-naming-scheme-for-actions.md). A citizen reads their own messages only: the caller's OPENID is
// part of every query.
import type { ActionTable } from '../../lib/action';
import { messageList } from './list';
import { messageRead } from './read';
import { messageUnread } from './unread';

export const MESSAGE_ACTIONS: Pick<ActionTable, `message.${string}` & keyof ActionTable> = {
  'message.list': messageList,
  'message.unread': messageUnread,
  'message.read': messageRead,
};
