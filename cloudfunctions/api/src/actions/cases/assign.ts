// case.assign: a case goes to a department, or moves to another one.
import { type CaseCore } from '../../domain/case-keys';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { departmentHandlers } from '../../repositories/users';
import { actorOf, citizenNotice, event, staffNotices } from './env';
import { mutateCase } from './mutate';
import { assignSchema } from './schemas';
import { requireDepartment } from './staff-rules';

export const caseAssign = defineAction<'case.assign'>({
  schema: assignSchema,
  run: (input, ctx) =>
    mutateCase(ctx, {
      id: input.id,
      version: input.version,
      command: 'assign',
      prepare: async (doc, env) => {
        const name = requireDepartment(env, input.departmentId);
        if (doc.departmentId === input.departmentId) throw errors.precondition(`此件诉求已由${name}承办。`);
        return { handlers: await departmentHandlers(input.departmentId), name };
      },
      build: (doc, { actor, to }, env, { handlers, name }) => {
        if (doc.departmentId === input.departmentId) throw errors.precondition(`此件诉求已由${name}承办。`);
        const who = actorOf(actor, ctx.caller, doc);
        const next: CaseCore = { ...doc, status: to, departmentId: input.departmentId };
        const first = doc.status === 'accepted';
        // A reply written by the previous department is not the new department's answer.
        delete next.pendingReply;
        next.awaitingReview = false;
        const note = `${first ? '分派至' : '改派至'}${name}${input.note ? `：${input.note}` : ''}`;
        const events = [event(env, first ? 'assigned' : 'reassigned', who, first ? 'public' : 'citizen', { from: doc.status, to: next.status, note, actorOpenid: ctx.caller.openid })];
        const notifications = staffNotices(env, handlers, 'staff_assigned', doc, first ? '新分派' : '改派', note, next.answerDueAt);
        if (first) notifications.unshift(citizenNotice(env, doc, next.status, `由${name}办理`));
        return { next, events, notifications };
      },
    }),
});
