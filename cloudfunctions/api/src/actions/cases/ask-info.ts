// case.askInfo: the handler asks the citizen for more; the deadline pauses.
import { defineAction } from '../../lib/action';
import { actorOf, citizenNotice, event } from './env';
import { mutateCase } from './mutate';
import { askInfoSchema } from './schemas';
import { excerpt } from './staff-rules';

export const caseAskInfo = defineAction<'case.askInfo'>({
  schema: askInfoSchema,
  run: (input, ctx) =>
    mutateCase(ctx, {
      id: input.id,
      version: input.version,
      command: 'askInfo',
      build: (doc, { actor, to }, env) => ({
        next: { ...doc, status: to, pausedAt: env.now, question: input.question },
        events: [event(env, 'info_requested', actorOf(actor, ctx.caller, doc), 'citizen', { from: doc.status, to, note: input.question, actorOpenid: ctx.caller.openid })],
        notifications: [citizenNotice(env, doc, 'needs_info', `请补充：${excerpt(input.question)}`)],
      }),
    }),
});
