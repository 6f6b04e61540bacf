// case.approveReply: a reply awaiting review goes to the citizen, or back to the handler.
import { type CaseCore } from '../../domain/case-keys';
import { defineAction } from '../../lib/action';
import { departmentHandlers } from '../../repositories/users';
import { actorOf, citizenNotice, event, staffNotices } from './env';
import { mutateCase } from './mutate';
import { approveReplySchema } from './schemas';
import { excerpt } from './staff-rules';

export const caseApproveReply = defineAction<'case.approveReply'>({
  schema: approveReplySchema,
  run: (input, ctx) =>
    mutateCase(ctx, {
      id: input.id,
      version: input.version,
      command: input.approve ? 'approveReply' : 'returnReply',
      prepare: async (doc) => ({ handlers: !input.approve && doc.departmentId ? await departmentHandlers(doc.departmentId) : [] }),
      build: (doc, { actor, to }, env, { handlers }) => {
        const pending = doc.pendingReply!;
        const who = actorOf(actor, ctx.caller, doc);
        const next: CaseCore = { ...doc, awaitingReview: false };
        delete next.pendingReply;
        if (!input.approve) {
          return {
            next,
            events: [event(env, 'reply_returned', who, 'internal', { note: input.note, actorOpenid: ctx.caller.openid })],
            notifications: staffNotices(env, handlers, 'staff_assigned', doc, '退回修改', `答复被退回：${excerpt(input.note ?? '')}`, doc.answerDueAt),
          };
        }
        // The citizen receives the answer when it is approved; that is when it was given.
        next.status = to;
        next.reply = { ...pending, at: env.now };
        delete next.question;
        const author = pending.departmentId ? { role: 'handler' as const, departmentId: pending.departmentId } : { role: 'handler' as const };
        const events = [event(env, 'replied', author, 'public', { from: doc.status, to, note: pending.content })];
        events.unshift(event(env, 'note', who, 'internal', { note: `答复审核通过${input.note ? `：${input.note}` : ''}`, actorOpenid: ctx.caller.openid }));
        return { next, events, notifications: [citizenNotice(env, doc, 'replied', `答复：${excerpt(pending.content)}`)] };
      },
    }),
});
