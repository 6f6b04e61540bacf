// case.subscribe: the citizen grants subscribe messages for templates the agency configured.
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { addGrants } from '../../repositories/notifications';
import { caseEnv } from './env';
import { subscribeSchema } from './schemas';
import { configuredTemplates, openidOf } from './citizen-rules';

export const caseSubscribe = defineAction<'case.subscribe'>({
  schema: subscribeSchema,
  async run(input, { caller, now }) {
    const env = await caseEnv(now);
    const known = configuredTemplates(env, input.templateIds);
    if (known.length === 0) throw errors.invalid('订阅的消息模板不存在', { templateIds: '订阅的消息模板不存在' });
    return { granted: await addGrants(openidOf(caller), known, env.now, input.clientRequestId) };
  },
});
