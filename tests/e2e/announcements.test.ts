// Announcements end to end, in Chromium on the browser preview against the local cloud with the demo data: the editor
// publishes an announcement through the staff pages; a citizen goes from the home page to 通知公告, finds it with the
// home page's one search box and follows its department. (A reply reaching the citizen's 消息 is part of the service
// guide's journey, tests/e2e/guide.test.ts.)
import { demoIdentity } from '../../tools/seed/identities';
import { closeBrowser, openPreview } from './helpers/preview';
import { callAction as api, openAs, tap, text, type, waitForRoute } from './helpers/ui';

jest.setTimeout(180_000);
afterAll(() => closeBrowser());

const CITIZEN_A = demoIdentity('citizenA').openid;
const CITIZEN_B = demoIdentity('citizenB').openid;
const TITLE = '关于西湖文化广场地下通道夜间封闭检修的通告';

test('an editor publishes an announcement; a citizen finds it from the home page by search and follows its department', async () => {
  const preview = await openPreview({ identity: 'editor', page: 'staff/announcement-edit/index' });
  try {
    let app = preview.app;
    await preview.waitForData((d: { loading: boolean }) => d.loading === false);
    await type(app, 'field-title', TITLE);
    await type(app, 'field-body', '因设备检修，西湖文化广场地下通道本周三至周五每晚22:00至次日6:00封闭。\n请行人绕行地面人行横道。');
    await tap(app, 'publish');
    const published = await preview.waitForData((d: { status: string; saving: boolean }) => d.status === 'published' && !d.saving);
    expect(published).toMatchObject({ statusLabel: '已发布' });

    app = await openAs(preview, 'citizenA', 'pages/index/index', { settle: true });
    // The newest announcement is on the home page, and the home page's one search box finds it among the other kinds.
    expect(await text(app, 'home-announcement')).toContain(TITLE);
    await type(app, 'search', '地下通道');
    await tap(app, 'search-button');
    await waitForRoute(preview, 'pages/search/index');
    const searched = await preview.waitForData(
      (d: { searched: string; loading: boolean; groups: Array<{ kind: string; items: Array<{ id: string; path: string; titleParts: Array<{ text: string }> }> }> }) =>
        d.searched === '地下通道' && !d.loading,
    );
    const group = searched.groups.find((g) => g.kind === 'announcement');
    const found = { items: group?.items ?? [] };
    expect(found.items.map((i) => i.titleParts.map((r) => r.text).join(''))).toEqual([TITLE]);
    expect(await text(app, 'group-announcement')).toContain('通知公告');
    await app.locator(`[data-testid="search-hit"][data-path="${found.items[0]!.path}"]`).click();
    await waitForRoute(preview, 'pages/announcement/index');
    await preview.waitForData((d: { loading: boolean }) => d.loading === false);
    expect(await text(app, 'announcement')).toContain('请行人绕行地面人行横道。');
    await tap(app, 'follow');
    await preview.waitForData((d: { following: boolean; followBusy: boolean }) => d.following && !d.followBusy);
    const departmentId = (await preview.pageData<{ view: { departmentId: string } }>()).view.departmentId;
    expect((await api(preview, CITIZEN_A, 'announcement.get', { id: found.items[0]!.id })).following).toBe(true);
    expect((await api(preview, CITIZEN_B, 'announcement.get', { id: found.items[0]!.id })).following).toBe(false);
    expect(departmentId).toBeTruthy();
    preview.expectNoProblems();
  } finally {
    await preview.close();
  }
});
