// case.clearContent: flagged content, checked by a person, loses its flag.
import { defineAction } from '../../lib/action';
import { actorOf, event } from './env';
import { mutateCase } from './mutate';
import { clearContentSchema } from './schemas';

export const caseClearContent = defineAction<'case.clearContent'>({
  schema: clearContentSchema,
  run: (input, ctx) =>
    mutateCase(ctx, {
      id: input.id,
      version: input.version,
      command: 'clearContent',
      build: (doc, { actor }, env) => ({
        next: { ...doc, flagged: false },
        events: [event(env, 'content_cleared', actorOf(actor, ctx.caller, doc), 'internal', { note: input.note || '内容经人工确认无误', actorOpenid: ctx.caller.openid })],
      }),
    }),
});
