// case.queue: the staff's work queue, by filter, with the counts of every filter.
import type { CaseDoc } from '../../domain/case-doc';
import { QUEUE_REPLIED, QUEUE_RUNNING } from '../../domain/case-keys';
import { DONE_STATUSES } from '../../domain/case-machine';
import { defineAction } from '../../lib/action';
import { COLLECTIONS } from '../../lib/db';
import { queueDepartment } from '../../permissions';
import { loadStats } from '../../repositories/cases';
import { phasedPage, type Phase } from '../../repositories/phased-page';
import { caseEnv } from './env';
import { queueSchema } from './schemas';
import { queueCounts, queueItem } from './view';

const HOUR_MS = 3_600_000;

export const caseQueue = defineAction<'case.queue'>({
  schema: queueSchema,
  async run(input, { caller, now }) {
    const dept = queueDepartment(caller, input.departmentId);
    const nowIso = now.toISOString();
    const where: Record<string, unknown> = dept ? { departmentId: dept } : {};
    const bounds: NonNullable<Phase['bounds']> = [];
    if (input.status) where.status = input.status;
    if (input.flagged) where.flagged = true;
    if (input.awaitingReview) where.awaitingReview = true;
    if (input.cosignAwaiting) where.cosignAwaiting = true;
    if (input.overdue) {
      bounds.push(['gte', `${QUEUE_RUNNING}|`], ['lt', `${QUEUE_RUNNING}|${nowIso}`]);
    } else if (input.dueWithinHours) {
      bounds.push(['gte', `${QUEUE_RUNNING}|${nowIso}`], ['lte', `${QUEUE_RUNNING}|${new Date(now.getTime() + input.dueWithinHours * HOUR_MS).toISOString()}|\uffff`]);
    } else if (!input.status && !input.flagged && !input.awaitingReview && !input.cosignAwaiting) {
      // The default queue: work in hand (clock running, then waiting for the citizen), by deadline.
      bounds.push(['lt', QUEUE_REPLIED]);
    }
    const [env, stats, page] = await Promise.all([
      caseEnv(now),
      loadStats(dept ? `dept:${dept}` : 'all'),
      phasedPage<CaseDoc & Record<string, unknown>>({
        collection: COLLECTIONS.cases,
        // Finished cases read newest first; work in hand by deadline, soonest first.
        phases: [{ where, key: 'queueKey', dir: input.status && DONE_STATUSES.includes(input.status) ? -1 : 1, bounds }],
        limit: input.limit ?? 20,
        ...(input.cursor ? { cursor: input.cursor } : {}),
      }),
    ]);
    return { items: page.docs.map((d) => queueItem(d, env)), nextCursor: page.nextCursor, counts: queueCounts(stats, nowIso) };
  },
});
