// message.list: the caller's own messages, newest first, with the unread count.
import { toMessageItem } from '../../domain/messages';
import { defineAction } from '../../lib/action';
import { messagePage, unreadCount } from '../../repositories/messages';
import { messageListSchema } from './schemas';

export const messageList = defineAction<'message.list'>({
  schema: messageListSchema,
  async run(input, { caller }) {
    const openid = caller.openid!;
    const [page, unread] = await Promise.all([messagePage(openid, input.limit ?? 20, input.cursor), unreadCount(openid)]);
    return { items: page.docs.map(toMessageItem), nextCursor: page.nextCursor, unread };
  },
});
