// case.setPublishable: a case becomes (with its redactions), or stops being, a public letter.
import type { CaseDoc } from '../../domain/case-doc';
import { type CaseCore } from '../../domain/case-keys';
import { buildLetter } from '../../domain/public-letter';
import { defineAction } from '../../lib/action';
import { actorOf, event } from './env';
import { mutateCase } from './mutate';
import { setPublishableSchema } from './schemas';

export const caseSetPublishable = defineAction<'case.setPublishable'>({
  schema: setPublishableSchema,
  run: (input, ctx) =>
    mutateCase(ctx, {
      id: input.id,
      version: input.version,
      command: input.publishable ? 'setPublishable' : 'unpublish',
      build: (doc, { actor }, env) => {
        const who = actorOf(actor, ctx.caller, doc);
        if (!input.publishable) {
          const next: CaseCore = { ...doc, publishable: false };
          delete next.redactions;
          delete next.publicTitle;
          return { next, events: [event(env, 'publishable_set', who, 'internal', { note: '取消公开', actorOpenid: ctx.caller.openid })], letter: { remove: true } };
        }
        const redactions = input.redactions ?? [];
        const next: CaseCore = { ...doc, publishable: true, redactions };
        if (input.publicTitle) next.publicTitle = input.publicTitle;
        const letter = buildLetter({ ...doc, ...next } as CaseDoc, { redactions, publicTitle: input.publicTitle, now: env.now });
        const note = redactions.length > 0 ? `设为公开信件，隐去 ${redactions.length} 处内容` : '设为公开信件';
        return { next, events: [event(env, 'publishable_set', who, 'internal', { note, actorOpenid: ctx.caller.openid })], letter: { upsert: letter } };
      },
    }),
});
