// Shared set-up of the announcement and message-centre tests: a valid announcement and its publication.
import type { RequestOf } from '../../../typings/api';
import { ok } from '../../helpers/cloud';

let serial = 0;

export function announcementInput(over: Partial<RequestOf<'announcement.save'>> = {}): RequestOf<'announcement.save'> {
  return {
    title: `关于幸福路燃气管道施工期间交通管制的通告${++serial}`,
    departmentId: 'dept-housing',
    date: '2026-03-02',
    paragraphs: ['因燃气管道改造施工，幸福路（建设路至光明路段）实行半幅封闭。', '请过往车辆绕行，施工期间给您带来的不便敬请谅解。'],
    ...over,
  };
}

export async function publishedAnnouncement(editor: string, over: Partial<RequestOf<'announcement.save'>> = {}) {
  const a = await ok(editor, 'announcement.save', announcementInput(over));
  return ok(editor, 'announcement.publish', { id: a.id, version: a.version });
}
