// The message centre's actions: a citizen reads their own messages only (the caller's OPENID is part of every query).
import * as z from 'zod';
import { toMessageItem } from '../../domain/messages';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { bool, empty, id, pageFields } from '../../lib/schema';
import { markRead, messagePage, ownMessages, unreadCount } from '../../repositories/messages';

const READ_MAX = 50;

const messageList = z.strictObject({ ...pageFields });
const messageRead = z
  .strictObject({
    ids: z.array(id('消息'), { error: '请选择消息' }).min(1, '请至少选择一条消息').max(READ_MAX, `一次最多标记 ${READ_MAX} 条消息`).optional(),
    all: bool('全部已读').optional(),
  })
  .refine((v) => (v.ids === undefined) !== (v.all !== true), { message: '请选择要标记的消息，或选择全部已读', path: ['ids'] });

export const listMessages = defineAction<'message.list'>({
  schema: messageList,
  async run(input, { caller }) {
    const openid = caller.openid!;
    const [page, unread] = await Promise.all([messagePage(openid, input.limit ?? 20, input.cursor), unreadCount(openid)]);
    return { items: page.docs.map(toMessageItem), nextCursor: page.nextCursor, unread };
  },
});

export const unreadMessages = defineAction<'message.unread'>({
  schema: empty(),
  async run(_input, { caller }) {
    return { unread: await unreadCount(caller.openid!) };
  },
});

/**
 * Reading is the citizen's own state, like a favourite: no audit event (docs/adr/0141-message-centre.md). Only unread
 * messages are updated, so marking again changes nothing; an id that is not the caller's is NOT_FOUND, and then
 * nothing is marked.
 */
export const readMessages = defineAction<'message.read'>({
  schema: messageRead,
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

export const MESSAGE_ACTIONS = {
  'message.list': listMessages,
  'message.unread': unreadMessages,
  'message.read': readMessages,
} as const;
