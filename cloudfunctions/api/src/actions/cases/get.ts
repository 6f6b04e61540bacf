// case.get: one case as the caller may see it.
import { defineAction } from '../../lib/action';
import { requireVisible } from '../../permissions';
import { findCase } from '../../repositories/cases';
import { caseEnv } from './env';
import { getSchema } from './schemas';
import { caseView } from './view';

export const caseGet = defineAction<'case.get'>({
  schema: getSchema,
  async run(input, { caller, now }) {
    const [doc, env] = await Promise.all([findCase(input.id), caseEnv(now)]);
    requireVisible(caller, doc);
    return caseView(doc!, caller, env);
  },
});
