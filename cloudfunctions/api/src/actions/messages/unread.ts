// message.unread: how many of the caller's messages are unread.
import { defineAction } from '../../lib/action';
import { empty } from '../../lib/schema';
import { unreadCount } from '../../repositories/messages';

export const messageUnread = defineAction<'message.unread'>({
  schema: empty(),
  async run(_input, { caller }) {
    return { unread: await unreadCount(caller.openid!) };
  },
});
