// guide.get: one service-guide item as the caller may see it.
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { assertGuideVisible } from '../../permissions';
import { findGuideItem } from '../../repositories/guide';
import { guideGetSchema } from './schemas';
import { guideView } from './view';

export const guideGet = defineAction<'guide.get'>({
  schema: guideGetSchema,
  async run(input, { caller }) {
    const doc = await findGuideItem(input.id);
    if (!doc) throw errors.notFound('事项');
    assertGuideVisible(caller, doc.status);
    return guideView(doc, caller);
  },
});
