// guide.withdraw: a published service-guide item is taken down, with a reason.
import { applyGuideWithdraw } from '../../domain/guide/item';
import { defineAction } from '../../lib/action';
import { GUIDE_ITEMS } from '../../repositories/guide';
import { withdrawVersioned } from '../../repositories/versioned-publish';
import { guideWithdrawSchema } from './schemas';
import { guideView } from './view';

/** Takes an item off the guide with the reason; citizens no longer find it, editors can publish it again. */
export const guideWithdraw = defineAction<'guide.withdraw'>({
  schema: guideWithdrawSchema,
  async run(input, { caller, now }) {
    const doc = await withdrawVersioned({ ...GUIDE_ITEMS, withdraw: applyGuideWithdraw, event: 'unpublished' }, input, caller, now);
    return guideView(doc, caller);
  },
});
