import type { Announcement, AnnouncementListItem, MessageItem } from '../../../typings/api';
import { announcementCardView, announcementDetailView, badgeText, messageView, subjectUrl } from '../../../miniprogram/utils/announcement-view';
import { announcementFileCloudPath, formErrors, formFromAnnouncement, paragraphsOf, toAnnouncementInput } from '../../../miniprogram/staff/announcement-edit/form';

const item = (over: Partial<AnnouncementListItem> = {}): AnnouncementListItem => ({
  id: 'a1',
  title: '关于幸福路交通管制的通告',
  departmentId: 'dept-transport',
  departmentName: '交通运输局',
  date: '2026-03-02',
  status: 'published',
  statusLabel: '已发布',
  ...over,
});

test('a card names the department and the date; only a status that is not simply current is shown to citizens', () => {
  expect(announcementCardView(item())).toMatchObject({ meta: '交通运输局 · 2026年3月2日', statusLabel: '', titleParts: [{ text: '关于幸福路交通管制的通告', hit: false }] });
  expect(announcementCardView(item({ status: 'expired', statusLabel: '已过期' })).statusLabel).toBe('已过期');
  expect(announcementCardView(item(), { alwaysShowStatus: true }).statusLabel).toBe('已发布');
});

test('the detail view: 已过期 and 有效期至, versions with the one being read, the old-version notice', () => {
  const a: Announcement = {
    ...item({ status: 'expired', statusLabel: '已过期' }),
    paragraphs: ['第一段'],
    expiresAt: '2026-03-10',
    version: 4,
    updatedAt: '2026-03-03T02:00:00.000Z',
    versions: [
      { version: 2, publishedAt: '2026-03-03T02:00:00.000Z', note: '更正' },
      { version: 1, publishedAt: '2026-03-02T02:00:00.000Z' },
    ],
    publishedVersion: 2,
    following: false,
  };
  const v = announcementDetailView(a);
  expect(v).toMatchObject({ expired: true, validText: '有效期至2026年3月10日', oldVersionNotice: '' });
  expect(v.versions.map((r) => [r.version, r.reading, r.note])).toEqual([[2, true, '更正'], [1, false, '']]);
  expect(announcementDetailView(a, 1).oldVersionNotice).toBe('您正在查看第 1 版，不是最新内容。');
});

test('a message opens its subject; the badge reads 99+ past 99 and nothing at 0', () => {
  const m: MessageItem = { id: 'm1', kind: 'case_status', kindLabel: '办理进度', title: '楼道灯不亮', text: '已答复：…', at: '2026-03-02T02:00:00.000Z', read: false, subject: { kind: 'case', id: 'c 1' } };
  expect(messageView(m, Date.parse('2026-03-02T03:00:00.000Z'))).toMatchObject({ url: '/pages/case/index?id=c%201', read: false, kindLabel: '办理进度' });
  expect(subjectUrl({ kind: 'letter', id: 'x' })).toBe('/pages/letter/index?id=x');
  expect(subjectUrl({ kind: 'announcement', id: 'x' })).toBe('/pages/announcement/index?id=x');
  expect([badgeText(0), badgeText(7), badgeText(100)]).toEqual(['', '7', '99+']);
});

test('the editor form: one paragraph per non-empty line, optional parts left out, server errors under their fields', () => {
  expect(paragraphsOf('第一段\n\n  第二段  \r\n')).toEqual(['第一段', '第二段']);
  const form = { title: ' 标题 ', departmentId: 'dept-env', date: '2026-03-02', expiresAt: '', body: '正文', attachments: [] };
  expect(toAnnouncementInput(form)).toEqual({ title: '标题', departmentId: 'dept-env', date: '2026-03-02', paragraphs: ['正文'] });
  expect(formErrors({ 'paragraphs.2': '正文段落不能超过 3000 个字', 'attachments.0': '附件不存在' })).toEqual({ body: '正文段落不能超过 3000 个字', attachments: '附件不存在' });
  expect(announcementFileCloudPath('名单.PDF', 'ab-12')).toBe('announcements/ab12.pdf');
  const a = { ...item(), paragraphs: ['一', '二'], version: 1, updatedAt: '', versions: [], following: false, attachments: [{ fileID: 'cloud://x/announcements/a.pdf', name: 'a.pdf', url: 'http://t' }] } as Announcement;
  expect(formFromAnnouncement(a)).toMatchObject({ body: '一\n二', attachments: [{ fileID: 'cloud://x/announcements/a.pdf', name: 'a.pdf' }] });
});
