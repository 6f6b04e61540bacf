// case.supplement: the citizen's answer to a question from staff; the paused days move the deadline.
import type { CaseCore } from '../../domain/case-keys';
import { pauseDays, shiftDue } from '../../domain/deadlines';
import { dayLabel, shanghaiDay } from '../../domain/calendar';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { checkImages, checkText, worst } from '../../services/content-security';
import { actorOf, citizenNotice, event } from './env';
import { mutateCase } from './mutate';
import { supplementSchema } from './schemas';
import { openidOf } from './citizen-rules';

export const caseSupplement = defineAction<'case.supplement'>({
  schema: supplementSchema,
  run: (input, ctx) =>
    mutateCase(ctx, {
      id: input.id,
      version: input.version,
      command: 'supplement',
      prepare: async (doc) => {
        const images = input.images ?? [];
        if (doc.images.length + images.length > 12) throw errors.invalid('图片总数不能超过 12 张', { images: '图片总数不能超过 12 张' });
        const openid = openidOf(ctx.caller);
        return worst(await checkText(openid, input.content), await checkImages(openid, images));
      },
      build: (doc, { actor, to }, env, verdict) => {
        const shift = doc.pausedAt ? pauseDays(doc.pausedAt, env.now, env.cal) : 0;
        const next: CaseCore = { ...doc, status: to, images: [...doc.images, ...(input.images ?? [])], flagged: doc.flagged || verdict === 'review' };
        if (doc.answerDueAt) next.answerDueAt = shiftDue(doc.answerDueAt, shift, env.cal);
        delete next.pausedAt;
        delete next.question;
        const events = [event(env, 'supplemented', actorOf(actor, ctx.caller, doc), 'citizen', { from: doc.status, to, note: input.content, actorOpenid: ctx.caller.openid })];
        if (shift > 0 && next.answerDueAt) {
          events.push(
            event(env, 'note', { role: 'system' }, 'citizen', {
              note: `等待补充材料 ${shift} 个工作日不计入办理时限，答复期限顺延至 ${dayLabel(shanghaiDay(next.answerDueAt))}`,
            }),
          );
        }
        return { next, events, notifications: [citizenNotice(env, doc, 'processing', '已收到补充材料，继续办理')] };
      },
    }),
});
