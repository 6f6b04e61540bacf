// The announcement record's rules, pure: expiry read off the clock, edits waiting while published, versions frozen
// only when the text changed, the followers' fan-out marked on the first publication only.
import {
  checkAnnouncementDates,
  editAnnouncement,
  effectiveAnnouncementStatus,
  isAnnouncementFileID,
  newAnnouncement,
  publishAnnouncement,
  withdrawAnnouncement,
  type AnnouncementContent,
} from '../../../cloudfunctions/api/src/domain/announcements/announcement';

const content = (over: Partial<AnnouncementContent> = {}): AnnouncementContent => ({
  title: '关于幸福路交通管制的通告',
  departmentId: 'dept-transport',
  date: '2026-03-02',
  paragraphs: ['幸福路半幅封闭施工。'],
  ...over,
});
const T1 = '2026-03-02T02:00:00.000Z';
const T2 = '2026-03-03T02:00:00.000Z';

test('有效期至 is the last current day: it expires at 00:00 Shanghai of the next day', () => {
  const doc = publishAnnouncement(newAnnouncement('a1', content({ expiresAt: '2026-03-05' }), T1), null, T1, undefined).doc;
  expect(doc.expiresKey).toBe('2026-03-05T16:00:00.000Z');
  expect(effectiveAnnouncementStatus(doc, new Date('2026-03-05T15:59:59.999Z'))).toBe('published');
  expect(effectiveAnnouncementStatus(doc, new Date('2026-03-05T16:00:00.000Z'))).toBe('expired');
  const forever = publishAnnouncement(newAnnouncement('a2', content(), T1), null, T1, undefined).doc;
  expect(effectiveAnnouncementStatus(forever, new Date('2099-01-01T00:00:00.000Z'))).toBe('published');
});

test('dates: real days, an expiry not before the date', () => {
  expect(checkAnnouncementDates({ date: '2026-02-30' })).toEqual({ date: '发布日期无效，格式应为 2026-01-31' });
  expect(checkAnnouncementDates({ date: '2026-03-02', expiresAt: '2026-03-01' })).toEqual({ expiresAt: '有效期不能早于发布日期' });
  expect(checkAnnouncementDates({ date: '2026-03-02', expiresAt: '2026-03-02' })).toEqual({});
});

test('an edit of a published announcement waits; publishing it freezes version 2 with the saved note; the same text again freezes none', () => {
  const v1 = publishAnnouncement(newAnnouncement('a1', content(), T1), null, T1, undefined);
  expect(v1.snapshot?.version).toBe(1);
  expect(v1.doc.fanoutKey).toBe(`${T1}|a1`);
  const edited = editAnnouncement({ ...v1.doc, fanoutKey: undefined }, content({ title: '关于幸福路交通管制的通告（更正）' }), T2, '更正标题');
  expect(edited.title).toBe('关于幸福路交通管制的通告');
  expect(edited.pending?.title).toBe('关于幸福路交通管制的通告（更正）');
  const v2 = publishAnnouncement(edited, v1.snapshot!.content, T2, undefined);
  expect(v2.doc.title).toBe('关于幸福路交通管制的通告（更正）');
  expect(v2.doc.versions.map((v) => [v.version, v.note])).toEqual([[1, undefined], [2, '更正标题']]);
  // A revision is not news to followers again.
  expect(v2.doc.fanoutKey).toBeUndefined();
  // Only a published one is in the citizens' list index (docs/adr/0150-current-announcements-index.md).
  expect([newAnnouncement('a2', content(), T1).current, v1.doc.current, edited.current, v2.doc.current]).toEqual([undefined, true, true, true]);
  const withdrawn = withdrawAnnouncement(v2.doc, T2, '信息有误');
  expect(withdrawn).not.toHaveProperty('current');
  const again = publishAnnouncement(withdrawn, v2.snapshot!.content, T2, undefined);
  expect(again.snapshot).toBeNull();
  expect(again.doc).toMatchObject({ status: 'published', pubVersion: 2, current: true });
  expect(again.doc.withdrawReason).toBeUndefined();
});

test('search tokens come from the face, never from pending edits', () => {
  const v1 = publishAnnouncement(newAnnouncement('a1', content(), T1), null, T1, undefined).doc;
  const edited = editAnnouncement(v1, content({ paragraphs: ['燃气管道检修。'] }), T2);
  expect(edited.searchTokens).not.toContain('燃气');
  expect(edited.searchTokens).toContain('封闭');
});

test('attachments only from cloud storage under announcements/', () => {
  expect(isAnnouncementFileID('cloud://env.bucket/announcements/a.pdf')).toBe(true);
  expect(isAnnouncementFileID('cloud://env.bucket/policies/a.pdf')).toBe(false);
  expect(isAnnouncementFileID('cloud://env.bucket/announcements/../cases/a.pdf')).toBe(false);
});
