// case.rate: the citizen rates the reply; dissatisfied once reopens the case, twice closes it for supervisors.
import type { CaseDoc } from '../../domain/case-doc';
import type { CaseCore } from '../../domain/case-keys';
import { SCORE_LABELS } from '../../domain/case-labels';
import { ratingOutcome } from '../../domain/case-machine';
import { dueAfter } from '../../domain/deadlines';
import { defineAction } from '../../lib/action';
import { staffWithRole } from '../../repositories/users';
import { checkText } from '../../services/content-security';
import { actorOf, citizenNotice, event, staffNotices } from './env';
import { mutateCase } from './mutate';
import { rateSchema } from './schemas';
import { openidOf } from './citizen-rules';

export const caseRate = defineAction<'case.rate'>({
  schema: rateSchema,
  run: (input, ctx) => {
    const outcome = (doc: CaseDoc) => ratingOutcome(input.score, input.solved, doc.reopenCount);
    return mutateCase(ctx, {
      id: input.id,
      version: input.version,
      command: (doc) => outcome(doc).command,
      prepare: async (doc) => ({
        verdict: input.comment ? await checkText(openidOf(ctx.caller), input.comment) : ('pass' as const),
        supervisors: outcome(doc).escalate ? await staffWithRole('supervisor') : [],
      }),
      build: (doc, { actor, to }, env, { verdict, supervisors }) => {
        const o = outcome(doc);
        const rating = { score: input.score, solved: input.solved, at: env.now, ...(input.comment ? { comment: input.comment } : {}) };
        const who = actorOf(actor, ctx.caller, doc);
        const summary = `${SCORE_LABELS[input.score]}，问题${input.solved ? '已' : '未'}解决${input.comment ? `：${input.comment}` : ''}`;
        const flagged = doc.flagged || verdict === 'review';
        const rated = event(env, 'rated', who, 'citizen', { note: summary, actorOpenid: ctx.caller.openid });
        if (o.command === 'reopen') {
          const next: CaseCore = {
            ...doc,
            status: to,
            rating,
            flagged,
            reopenCount: doc.reopenCount + 1,
            answerDueAt: dueAfter(env.now, env.rules.answerDays[doc.type], env.cal),
          };
          delete next.reply;
          // The reply the citizen disliked stays in the timeline (the `replied` event); the case waits for a new one.
          return {
            next,
            events: [rated, event(env, 'reopened', who, 'citizen', { from: doc.status, to, note: '市民对答复不满意，重新办理' })],
            notifications: [citizenNotice(env, doc, to, '已重新办理，将尽快再次答复')],
          };
        }
        const next: CaseCore = { ...doc, status: to, rating, flagged, endedAt: env.now };
        const events = [rated, event(env, 'closed', who, 'public', { from: doc.status, to })];
        const notice = citizenNotice(env, doc, to, '感谢您的评价');
        if (!o.escalate) return { next, events, notifications: [notice] };
        // A second dissatisfaction does not loop the case again: it closes, and supervisors follow it up.
        next.escalated = true;
        const note = '市民再次表示不满意，转督办跟进';
        events.push(event(env, 'escalated', { role: 'system' }, 'internal', { note }));
        return { next, events, notifications: [notice, ...staffNotices(env, supervisors, 'staff_overdue', doc, '督办', note)] };
      },
    });
  },
});
