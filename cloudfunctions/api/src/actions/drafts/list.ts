import { keyBoundary, toDraftListItem } from '../../domain/policies/drafts';
import { defineAction } from '../../lib/action';
import { _ } from '../../lib/db';
import { assertMayListDraftStatus, seesUnpublished } from '../../permissions';
import { draftPage } from '../../repositories/drafts';
import type { Phase } from '../../repositories/phased-page';
import { draftListSchema } from '../policies/schemas';
import { openSurveys } from '../surveys/link';

const HOME_SURVEYS = 3;

/**
 * Open consultations first, closing soonest first (the countdown that matters); then, for editors, the scheduled ones
 * by opening; then the ended ones, latest closed first. Each is one phase on a unique key: closeKey, openKey.
 */
function phasesFor(status: string | undefined, staff: boolean, now: Date): Phase[] {
  const b = keyBoundary(now.toISOString());
  // A draft closing after now that has not opened yet is scheduled: the opensAt re-check leaves it out.
  const open: Phase = { where: { opensAt: _.lte(now.toISOString()) }, key: 'closeKey', dir: 1, bounds: [['gt', b]] };
  const scheduled: Phase = { where: {}, key: 'openKey', dir: 1, bounds: [['gt', b]] };
  const ended = (reported?: boolean): Phase => ({ where: reported === undefined ? {} : { reported }, key: 'closeKey', dir: -1, bounds: [['lte', b]] });
  switch (status) {
    case 'open':
      return [open];
    case 'scheduled':
      return [scheduled];
    case 'closed':
      return [ended(false)];
    case 'reported':
      return [ended(true)];
    default:
      return staff ? [open, scheduled, ended()] : [open, ended()];
  }
}

export const draftList = defineAction<'draft.list'>({
  schema: draftListSchema,
  async run(input, { caller, now }) {
    assertMayListDraftStatus(caller, input.status);
    const [page, surveys] = await Promise.all([
      draftPage(phasesFor(input.status, seesUnpublished(caller), now), input.limit ?? 20, input.cursor),
      // The home page's one call: the open consultations and, beside them, the open surveys.
      input.withSurveys ? openSurveys(HOME_SURVEYS, now) : Promise.resolve(null),
    ]);
    const out = { items: page.docs.map((d) => toDraftListItem(d, now)), nextCursor: page.nextCursor };
    return surveys ? { ...out, openSurveys: surveys } : out;
  },
});
