// case.reply: the handler answers, or drafts an answer for review.
import { type CaseCore } from '../../domain/case-keys';
import { templateUse } from '../../domain/reply-template';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { staffWithRole } from '../../repositories/users';
import { actorOf, citizenNotice, event, staffNotices } from './env';
import { mutateCase } from './mutate';
import { replySchema } from './schemas';
import { excerpt } from './staff-rules';

export const caseReply = defineAction<'case.reply'>({
  schema: replySchema,
  run: (input, ctx) =>
    mutateCase(ctx, {
      id: input.id,
      version: input.version,
      command: (_doc, env) => (env.rules.reviewReplies ? 'submitReply' : 'reply'),
      prepare: async (_doc, env) => {
        const templates = env.settings.replyTemplates;
        const chosen = input.templateId ? templates.find((t) => t.id === input.templateId) : undefined;
        if (input.templateId && !chosen) throw errors.invalid('答复模板不存在', { templateId: '答复模板不存在' });
        const use = templateUse(input.content, templates, chosen);
        if (use.templateOnly) throw errors.precondition('请结合具体情况作答：答复不能只套用模板，请写明针对此件诉求的办理情况。');
        return { fromTemplate: use.fromTemplate, supervisors: env.rules.reviewReplies ? await staffWithRole('supervisor') : [] };
      },
      build: (doc, { actor, to }, env, { fromTemplate, supervisors }) => {
        const who = actorOf(actor, ctx.caller, doc);
        const reply = { content: input.content, at: env.now, fromTemplate, ...(doc.departmentId ? { departmentId: doc.departmentId } : {}), ...(input.templateId ? { templateId: input.templateId } : {}) };
        if (env.rules.reviewReplies) {
          return {
            next: { ...doc, pendingReply: reply, awaitingReview: true },
            events: [event(env, 'reply_submitted', who, 'internal', { note: input.content, actorOpenid: ctx.caller.openid })],
            notifications: staffNotices(env, supervisors, 'staff_review', doc, '待审核', '答复待审核'),
          };
        }
        const next: CaseCore = { ...doc, status: to, reply };
        delete next.question;
        return {
          next,
          events: [event(env, 'replied', who, 'public', { from: doc.status, to, note: input.content, actorOpenid: ctx.caller.openid })],
          notifications: [citizenNotice(env, doc, 'replied', `答复：${excerpt(input.content)}`)],
        };
      },
    }),
});
