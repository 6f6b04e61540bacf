// message.read: the caller marks some, or all, of their own messages read.
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { markRead, ownMessages, unreadCount } from '../../repositories/messages';
import { messageReadSchema } from './schemas';

/**
 * Reading is the citizen's own state, like a favourite: no audit event (docs/adr/0141-message-centre.md). Only unread
 * messages are updated, so marking again changes nothing; an id that is not the caller's is NOT_FOUND, and then
 * nothing is marked.
 */
export const messageRead = defineAction<'message.read'>({
  schema: messageReadSchema,
  async run(input, { caller }) {
    const openid = caller.openid!;
    if (input.ids) {
      const unique = [...new Set(input.ids)];
      if ((await ownMessages(openid, unique)).length !== unique.length) throw errors.notFound('消息');
      await markRead(openid, unique);
    } else {
      await markRead(openid, 'all');
    }
    return { unread: await unreadCount(openid) };
  },
});
