// case.listMine: the citizen's own cases, newest first, by tab and status.
import type { CaseDoc } from '../../domain/case-doc';
import { defineAction } from '../../lib/action';
import { COLLECTIONS } from '../../lib/db';
import { phasedPage } from '../../repositories/phased-page';
import { caseEnv } from './env';
import { listMineSchema } from './schemas';
import { listItem } from './view';
import { openidOf } from './citizen-rules';

const TAB_LANES = { open: 'open', replied: 'replied', done: 'done' } as const;

export const caseListMine = defineAction<'case.listMine'>({
  schema: listMineSchema,
  async run(input, { caller, now }) {
    const openid = openidOf(caller);
    const where: Record<string, unknown> = { openid };
    if (input.tab && input.tab !== 'all') where.lane = TAB_LANES[input.tab];
    if (input.status) where.status = input.status;
    const [env, page] = await Promise.all([
      caseEnv(now),
      phasedPage<CaseDoc & Record<string, unknown>>({
        collection: COLLECTIONS.cases,
        phases: [{ where, key: 'mineKey', dir: -1 }],
        limit: input.limit ?? 20,
        ...(input.cursor ? { cursor: input.cursor } : {}),
      }),
    ]);
    return { items: page.docs.map((d) => listItem(d, env)), nextCursor: page.nextCursor };
  },
});
