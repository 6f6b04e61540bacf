// case.accept: a case is accepted; with a department it is also routed, in the same write.
import { dayLabel, shanghaiDay } from '../../domain/calendar';
import { type CaseCore } from '../../domain/case-keys';
import { dueAfter } from '../../domain/deadlines';
import { defineAction } from '../../lib/action';
import { departmentHandlers } from '../../repositories/users';
import { actorOf, citizenNotice, event, staffNotices } from './env';
import { mutateCase } from './mutate';
import { acceptSchema } from './schemas';
import { requireDepartment } from './staff-rules';

export const caseAccept = defineAction<'case.accept'>({
  schema: acceptSchema,
  run: (input, ctx) =>
    mutateCase(ctx, {
      id: input.id,
      version: input.version,
      command: 'accept',
      prepare: async (_doc, env) => {
        if (!input.departmentId) return { handlers: [] as string[], name: '' };
        const name = requireDepartment(env, input.departmentId);
        return { handlers: await departmentHandlers(input.departmentId), name };
      },
      build: (doc, pass, env, { handlers, name }) => {
        const who = actorOf(pass.actor, ctx.caller, doc);
        const next: CaseCore = { ...doc, status: pass.to, acceptedAt: env.now, answerDueAt: dueAfter(env.now, env.rules.answerDays[doc.type], env.cal) };
        const events = [event(env, 'accepted', who, 'public', { from: doc.status, to: pass.to, note: input.note || undefined, actorOpenid: ctx.caller.openid })];
        if (!input.departmentId) {
          return { next, events, notifications: [citizenNotice(env, doc, pass.to, '已受理，正在确定承办单位')] };
        }
        // Accepting with a department routes it at once: the accept and the assignment are two steps of one write.
        next.status = pass.then('assign');
        next.departmentId = input.departmentId;
        events.push(event(env, 'assigned', who, 'public', { from: pass.to, to: next.status, note: `分派至${name}`, actorOpenid: ctx.caller.openid }));
        return {
          next,
          events,
          notifications: [
            citizenNotice(env, doc, next.status, `已受理，由${name}办理`),
            ...staffNotices(env, handlers, 'staff_assigned', doc, '新分派', `新诉求待办理，${dayLabel(shanghaiDay(next.answerDueAt!))}前答复`, next.answerDueAt),
          ],
        };
      },
    }),
});
