// case.approveExtension: a supervisor grants or refuses the extension asked for.
import { dayLabel, shanghaiDay } from '../../domain/calendar';
import { STATUS_LABELS } from '../../domain/case-labels';
import { dueAfter, shiftDue } from '../../domain/deadlines';
import { defineAction } from '../../lib/action';
import { actorOf, citizenNotice, event } from './env';
import { mutateCase } from './mutate';
import { approveExtensionSchema } from './schemas';

export const caseApproveExtension = defineAction<'case.approveExtension'>({
  schema: approveExtensionSchema,
  run: (input, ctx) =>
    mutateCase(ctx, {
      id: input.id,
      version: input.version,
      command: input.approve ? 'approveExtension' : 'rejectExtension',
      build: (doc, { actor }, env) => {
        const ext = doc.extension!;
        const who = actorOf(actor, ctx.caller, doc);
        if (!input.approve) {
          return {
            next: { ...doc, extension: { ...ext, status: 'rejected', decidedAt: env.now } },
            events: [event(env, 'extension_rejected', who, 'internal', { note: input.note, actorOpenid: ctx.caller.openid })],
          };
        }
        const answerDueAt = shiftDue(doc.answerDueAt ?? dueAfter(env.now, 0, env.cal), ext.days, env.cal);
        const note = `答复期限延长 ${ext.days} 个工作日，至 ${dayLabel(shanghaiDay(answerDueAt))}。延期理由：${ext.reason}`;
        return {
          next: { ...doc, answerDueAt, extension: { ...ext, status: 'approved', decidedAt: env.now } },
          // The reason is the citizen's to read: the promise changed, they are told why.
          events: [event(env, 'extension_approved', who, 'citizen', { note, actorOpenid: ctx.caller.openid })],
          notifications: [citizenNotice(env, doc, STATUS_LABELS[doc.status], `答复期限延至${dayLabel(shanghaiDay(answerDueAt))}`)],
        };
      },
    }),
});
