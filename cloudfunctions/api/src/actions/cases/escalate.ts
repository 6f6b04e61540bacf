// case.escalate: 督办, a case is flagged for follow-up and its handlers are told.
import { defineAction } from '../../lib/action';
import { departmentHandlers } from '../../repositories/users';
import { actorOf, event, staffNotices } from './env';
import { mutateCase } from './mutate';
import { escalateSchema } from './schemas';
import { excerpt } from './staff-rules';

export const caseEscalate = defineAction<'case.escalate'>({
  schema: escalateSchema,
  run: (input, ctx) =>
    mutateCase(ctx, {
      id: input.id,
      version: input.version,
      command: 'escalate',
      prepare: async (doc) => ({ handlers: doc.departmentId ? await departmentHandlers(doc.departmentId) : [] }),
      build: (doc, { actor }, env, { handlers }) => ({
        next: { ...doc, escalated: true },
        events: [event(env, 'escalated', actorOf(actor, ctx.caller, doc), 'internal', { note: input.note, actorOpenid: ctx.caller.openid })],
        notifications: staffNotices(env, handlers, 'staff_overdue', doc, '督办', `督办：${excerpt(input.note)}`, doc.answerDueAt),
      }),
    }),
});
