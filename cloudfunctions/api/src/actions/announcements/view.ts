// announcement.get's answer, shared by every action that answers an Announcement.
import type { Announcement, AnnouncementListItem } from '../../../../../typings/api';
import { toAnnouncement, toAnnouncementItem, type AnnouncementDoc, type AnnouncementVersionDoc } from '../../domain/announcements/announcement';
import type { Caller } from '../../lib/caller';
import { seesUnpublished } from '../../permissions';
import { isFollowing } from '../../repositories/announcements';
import { loadCatalogMaps } from '../../repositories/catalog';
import { fileUrls } from '../../repositories/policy-files';

export async function departmentNames(): Promise<(id: string) => string> {
  const { departments } = await loadCatalogMaps();
  return (id) => departments.get(id)?.name ?? '';
}

export async function announcementView(doc: AnnouncementDoc, caller: Caller, now: Date, snapshot?: AnnouncementVersionDoc): Promise<Announcement> {
  const staff = seesUnpublished(caller);
  const content = snapshot?.content ?? (staff ? doc.pending ?? doc : doc);
  const [nameOf, following, urls] = await Promise.all([
    departmentNames(),
    caller.openid ? isFollowing(caller.openid, content.departmentId) : Promise.resolve(false),
    fileUrls((content.attachments ?? []).map((a) => a.fileID)),
  ]);
  const attachmentUrls = Object.fromEntries(Object.entries(urls).filter((e): e is [string, string] => e[1] !== null));
  return toAnnouncement(doc, now, { staff, departmentName: nameOf(content.departmentId), following, attachmentUrls, ...(snapshot ? { snapshot } : {}) });
}

export async function announcementItems(docs: readonly AnnouncementDoc[], now: Date): Promise<AnnouncementListItem[]> {
  const nameOf = await departmentNames();
  return docs.map((d) => toAnnouncementItem(d, now, nameOf(d.departmentId)));
}
