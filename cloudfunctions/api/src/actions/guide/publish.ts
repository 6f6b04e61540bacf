// guide.publish: the working words of a service-guide item become a published version.
import { applyGuidePublish, isGuidePublishedAsIs } from '../../domain/guide/item';
import { defineAction } from '../../lib/action';
import { GUIDE_ITEMS, putGuideVersionInTx } from '../../repositories/guide';
import { publishVersioned } from '../../repositories/versioned-publish';
import { guidePublishSchema } from './schemas';
import { guideView } from './view';

/** Publishes the working words; changed words become a new version, and every earlier version is kept. */
export const guidePublish = defineAction<'guide.publish'>({
  schema: guidePublishSchema,
  async run(input, { caller, now }) {
    const doc = await publishVersioned(
      {
        ...GUIDE_ITEMS,
        publishedAsIs: isGuidePublishedAsIs,
        publish: async (_tx, existing, nowIso, note) => applyGuidePublish(existing, nowIso, note),
        writeVersion: putGuideVersionInTx,
      },
      input,
      caller,
      now,
    );
    return guideView(doc, caller);
  },
});
