// case.note: an internal note on a case.
import { defineAction } from '../../lib/action';
import { actorOf, event } from './env';
import { mutateCase } from './mutate';
import { noteSchema } from './schemas';

export const caseNote = defineAction<'case.note'>({
  schema: noteSchema,
  run: (input, ctx) =>
    mutateCase(ctx, {
      id: input.id,
      version: input.version,
      command: 'note',
      build: (doc, { actor }, env) => ({
        next: doc,
        events: [event(env, 'note', actorOf(actor, ctx.caller, doc), 'internal', { note: input.content, actorOpenid: ctx.caller.openid })],
      }),
    }),
});
