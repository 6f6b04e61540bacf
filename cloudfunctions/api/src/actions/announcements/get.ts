// announcement.get: one announcement as the caller may see it, or one published version of it.
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { seesUnpublished } from '../../permissions';
import { findAnnouncement, findAnnouncementVersion } from '../../repositories/announcements';
import { announcementGetSchema } from './schemas';
import { announcementView } from './view';

export const announcementGet = defineAction<'announcement.get'>({
  schema: announcementGetSchema,
  async run(input, { caller, now }) {
    const doc = await findAnnouncement(input.id);
    // An unpublished or withdrawn announcement is, to a citizen, not there; an expired one still opens, marked.
    if (!doc || (doc.status !== 'published' && !seesUnpublished(caller))) throw errors.notFound('通知公告');
    if (input.version === undefined) return announcementView(doc, caller, now);
    const snapshot = doc.versions.some((v) => v.version === input.version) ? await findAnnouncementVersion(doc._id, input.version) : null;
    if (!snapshot) throw errors.notFound('该版本的通知公告');
    return announcementView(doc, caller, now, snapshot);
  },
});
