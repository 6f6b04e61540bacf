// case.requestExtension: the handler asks for more days, within the admin's limit.
import { isLate } from '../../domain/deadlines';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { staffWithRole } from '../../repositories/users';
import { actorOf, event, staffNotices } from './env';
import { mutateCase } from './mutate';
import { requestExtensionSchema } from './schemas';

export const caseRequestExtension = defineAction<'case.requestExtension'>({
  schema: requestExtensionSchema,
  run: (input, ctx) =>
    mutateCase(ctx, {
      id: input.id,
      version: input.version,
      command: 'requestExtension',
      prepare: async (doc, env) => {
        if (input.days > env.rules.extensionMaxDays) {
          throw errors.invalid(`延期不能超过 ${env.rules.extensionMaxDays} 个工作日`, { days: `延期不能超过 ${env.rules.extensionMaxDays} 个工作日` });
        }
        if (isLate(doc, env.now)) throw errors.precondition('已超过答复期限，不能再申请延期，请尽快答复。');
        return { supervisors: await staffWithRole('supervisor') };
      },
      build: (doc, { actor }, env, { supervisors }) => {
        if (isLate(doc, env.now)) throw errors.precondition('已超过答复期限，不能再申请延期，请尽快答复。');
        return {
          next: { ...doc, extension: { status: 'pending', days: input.days, reason: input.reason, requestedAt: env.now } },
          events: [event(env, 'extension_requested', actorOf(actor, ctx.caller, doc), 'internal', { note: `申请延期 ${input.days} 个工作日：${input.reason}`, actorOpenid: ctx.caller.openid })],
          notifications: staffNotices(env, supervisors, 'staff_review', doc, '待审批', `延期申请待审批：${input.days} 个工作日`),
        };
      },
    }),
});
