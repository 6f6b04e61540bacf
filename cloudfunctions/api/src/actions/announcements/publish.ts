// announcement.publish: the working words become a published version; followers are told after the write.
import { publishAnnouncement } from '../../domain/announcements/announcement';
import { defineAction } from '../../lib/action';
import { ANNOUNCEMENTS, announcementVersionInTx, putAnnouncementVersionInTx } from '../../repositories/announcements';
import { publishVersioned } from '../../repositories/versioned-publish';
import { fanOutAfterPublish } from '../../services/announcement-fanout';
import { announcementPublishSchema } from './schemas';
import { announcementView } from './view';

export const announcementPublish = defineAction<'announcement.publish'>({
  schema: announcementPublishSchema,
  async run(input, { caller, now }) {
    const doc = await publishVersioned(
      {
        ...ANNOUNCEMENTS,
        publishedAsIs: (existing) => existing.status === 'published' && !existing.pending,
        // The words last published decide whether this publication is a new version.
        publish: async (tx, existing, nowIso, note) => {
          const last = existing.pubVersion > 0 ? await announcementVersionInTx(tx, existing._id, existing.pubVersion) : null;
          return publishAnnouncement(existing, last?.content ?? null, nowIso, note);
        },
        writeVersion: putAnnouncementVersionInTx,
      },
      input,
      caller,
      now,
    );
    await fanOutAfterPublish(doc);
    return announcementView(doc, caller, now);
  },
});
