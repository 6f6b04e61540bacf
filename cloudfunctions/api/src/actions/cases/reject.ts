// case.reject: a case is turned away with a reason from the list, and ends.
import { type CaseCore } from '../../domain/case-keys';
import { REJECT_REASON_LABELS } from '../../domain/case-labels';
import { defineAction } from '../../lib/action';
import { actorOf, citizenNotice, event } from './env';
import { mutateCase } from './mutate';
import { rejectSchema } from './schemas';

export const caseReject = defineAction<'case.reject'>({
  schema: rejectSchema,
  run: (input, ctx) =>
    mutateCase(ctx, {
      id: input.id,
      version: input.version,
      command: 'reject',
      build: (doc, { actor, to }, env) => {
        const note = input.note ? `${REJECT_REASON_LABELS[input.reason]}：${input.note}` : REJECT_REASON_LABELS[input.reason];
        const next: CaseCore = { ...doc, status: to, rejectReason: input.reason, endedAt: env.now };
        return {
          next,
          events: [event(env, 'rejected', actorOf(actor, ctx.caller, doc), 'citizen', { from: doc.status, to, note, actorOpenid: ctx.caller.openid })],
          notifications: [citizenNotice(env, doc, to, note)],
        };
      },
    }),
});
