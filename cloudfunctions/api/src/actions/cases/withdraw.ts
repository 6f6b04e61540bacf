// case.withdraw: the citizen takes back a case that is not answered yet.
import type { CaseCore } from '../../domain/case-keys';
import { defineAction } from '../../lib/action';
import { actorOf, citizenNotice, event } from './env';
import { mutateCase } from './mutate';
import { withdrawSchema } from './schemas';

export const caseWithdraw = defineAction<'case.withdraw'>({
  schema: withdrawSchema,
  run: (input, ctx) =>
    mutateCase(ctx, {
      id: input.id,
      version: input.version,
      command: 'withdraw',
      build: (doc, { actor, to }, env) => {
        const next: CaseCore = { ...doc, status: to, endedAt: env.now };
        delete next.pendingReply;
        next.awaitingReview = false;
        return {
          next,
          events: [event(env, 'withdrawn', actorOf(actor, ctx.caller, doc), 'citizen', { from: doc.status, to, note: input.reason || undefined, actorOpenid: ctx.caller.openid })],
          notifications: [citizenNotice(env, doc, to, '您已撤回此件诉求')],
        };
      },
    }),
});
