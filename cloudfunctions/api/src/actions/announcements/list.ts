// announcement.list: current announcements for citizens; every state, by department and keyword, for editors.
import type { AnnouncementListItem } from '../../../../../typings/api';
import { searchTokensFor, snippet, titleParts } from '../../domain/policies/search';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { seesUnpublished } from '../../permissions';
import { announcementPage, currentAnnouncements, searchAnnouncements, searchPhases, type AnnouncementRow } from '../../repositories/announcements';
import type { PhasedPage } from '../../repositories/phased-page';
import { announcementListSchema } from './schemas';
import { announcementItems } from './view';

const DEFAULT_LIMIT = 20;

/** Editors list by stored status (all of them by default); everyone else the current ones only. */
function staffPage(status: string | undefined, departmentId: string | undefined, keyword: string | undefined, limit: number, cursor: string | undefined): Promise<PhasedPage<AnnouncementRow>> {
  const where: Record<string, unknown> = {};
  if (status && status !== 'all') where.status = status;
  if (departmentId) where.departmentId = departmentId;
  if (keyword === undefined) return announcementPage([{ where, key: 'listKey', dir: -1 }], limit, cursor);
  const tokens = searchTokensFor(keyword);
  return tokens ? announcementPage(searchPhases(where, tokens), limit, cursor) : Promise.resolve({ docs: [], nextCursor: null });
}

export const announcementList = defineAction<'announcement.list'>({
  schema: announcementListSchema,
  async run(input, { caller, now }) {
    const limit = input.limit ?? DEFAULT_LIMIT;
    const staff = seesUnpublished(caller);
    if (input.status !== undefined && input.status !== 'published' && !staff) throw errors.denied('未发布和已撤回的通知公告仅编辑可以查看。');
    let page: PhasedPage<AnnouncementRow>;
    if (staff && input.status !== undefined) page = await staffPage(input.status, input.departmentId, input.keyword, limit, input.cursor);
    else if (input.keyword !== undefined) page = await searchAnnouncements(input.keyword, { now, limit, ...(input.cursor ? { cursor: input.cursor } : {}), ...(input.departmentId ? { departmentId: input.departmentId } : {}) });
    else page = await announcementPage([{ where: currentAnnouncements(now, input.departmentId), key: 'listKey', dir: -1 }], limit, input.cursor);
    const items = await announcementItems(page.docs, now);
    const keyword = input.keyword;
    if (keyword !== undefined) {
      page.docs.forEach((d, i) => {
        const item: AnnouncementListItem = items[i]!;
        item.titleParts = titleParts(d.title, keyword);
        item.snippet = snippet(d.paragraphs, keyword);
      });
    }
    return { items, nextCursor: page.nextCursor };
  },
});
