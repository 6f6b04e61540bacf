import { toSurveyListItem } from '../../domain/surveys';
import { keyBoundary } from '../../domain/policies/drafts';
import { defineAction } from '../../lib/action';
import { _ } from '../../lib/db';
import { seesUnpublished } from '../../permissions';
import type { Phase } from '../../repositories/phased-page';
import { surveyPage } from '../../repositories/surveys';
import { surveyListSchema } from './schemas';

/**
 * Citizens: the open surveys, closing soonest first, then those whose results are public, newest first. Editors see
 * every survey, newest first (one phase on createdKey).
 */
export function surveyPhases(status: 'open' | 'results' | 'all' | undefined, staff: boolean, now: Date): Phase[] {
  const nowIso = now.toISOString();
  const open: Phase = { where: { published: true, resultsPublished: false, opensAt: _.lte(nowIso) }, key: 'closeKey', dir: 1, bounds: [['gt', keyBoundary(nowIso)]] };
  const results: Phase = { where: { resultsPublished: true }, key: 'resultsKey', dir: -1 };
  if (status === 'open') return [open];
  if (status === 'results') return [results];
  return staff ? [{ where: {}, key: 'createdKey', dir: -1 }] : [open, results];
}

export const surveyList = defineAction<'survey.list'>({
  schema: surveyListSchema,
  async run(input, { caller, now }) {
    const page = await surveyPage(surveyPhases(input.status, seesUnpublished(caller), now), input.limit ?? 20, input.cursor);
    return { items: page.docs.map((d) => toSurveyListItem(d, now)), nextCursor: page.nextCursor };
  },
});
