// The service guide end to end, in Chromium on the browser preview against the local cloud seeded with the demo
// agency, driven through the UI: a citizen goes from home to 办事指南, finds 居民身份证换领 by what they would type
// (身份证到期), ticks the materials they have, taps 就此事项咨询 and sends the prefilled inquiry; the case is linked to
// the item, and the dispatcher sees the item on the case.
import { demoIdentity } from '../../tools/seed/identities';
import { closeBrowser, openPreview } from './helpers/preview';
import { runAxe } from './helpers/axe';
import { auditPage } from './helpers/page-audit';
import { LIMITS } from './helpers/sweep';
import { allowSubscribe, callAction as api, openAs, tap, text, type, waitForRoute } from './helpers/ui';

jest.setTimeout(180_000);
afterAll(() => closeBrowser());

const CITIZEN_A = demoIdentity('citizenA').openid;

test('find an item by search, tick materials, ask about it, and submit the prefilled inquiry', async () => {
  const preview = await openPreview({ identity: 'citizenA', page: 'pages/index/index' });
  try {
    const app = preview.app;
    await preview.waitForData((d: { loading: boolean }) => d.loading === false);
    expect(await text(app, 'hot-questions')).not.toBe('');
    await tap(app, 'link-guide');
    await waitForRoute(preview, 'pages/guide/index');
    await preview.waitForData((d: { loading: boolean }) => d.loading === false);

    await type(app, 'search', '身份证到期');
    await tap(app, 'search-button');
    const found = await preview.waitForData((d: { searched: string; loading: boolean; items: Array<{ id: string; name: string }> }) => d.searched === '身份证到期' && !d.loading && d.items.length > 0);
    expect(found.items[0]!.name).toBe('居民身份证换领');
    const itemId = found.items[0]!.id;
    await app.locator(`[data-testid="guide-card"][data-id="${itemId}"]`).click();
    await waitForRoute(preview, 'pages/guide-item/index');
    await preview.waitForData((d: { loading: boolean }) => d.loading === false);
    expect(await text(app, 'item-name')).toBe('居民身份证换领');

    expect(await text(app, 'progress')).toBe('必需材料已备齐 0/3 项');
    // A tap that lands while the page is still scrolling is cancelled, on a phone as in the preview: tap again then.
    const tick = async (nth: number, progress: string) => {
      for (let attempt = 1; ; attempt++) {
        await tap(app, 'material', { nth });
        try {
          await preview.waitForData((d: { progress: { text: string } }) => d.progress.text === progress, 3000);
          return;
        } catch (error) {
          if (attempt === 3) throw error;
        }
      }
    };
    await tick(0, '必需材料已备齐 1/3 项');
    await tick(2, '必需材料已备齐 2/3 项');
    expect(await app.locator('[data-testid="material"]').nth(0).getAttribute('aria-checked')).toBe('true');

    // The item page with its content (the accessibility sweep opens it without an item): the house limits hold.
    const audit = await auditPage(app, 'pages/guide-item/index', LIMITS.normal);
    expect([audit.smallText, audit.lowContrast, audit.smallTargets, audit.unlabelled]).toEqual([[], [], [], []]);
    expect(audit.texts).toBeGreaterThan(30);
    const axe = await runAxe(app, 'pages/guide-item/index');
    expect(axe.violations.filter((r) => r.impact === 'serious' || r.impact === 'critical')).toEqual([]);

    await tap(app, 'ask');
    await waitForRoute(preview, 'pages/submit/index');
    const form = await preview.waitForData((d: { loading: boolean; form: { title: string; type: string; categoryId: string } }) => d.loading === false);
    expect(form).toMatchObject({ guideLinked: true, form: { type: 'inquiry', categoryId: 'cat-other', title: '咨询：居民身份证换领' } });
    await type(app, 'content-field', '我的身份证下个月到期，人在外地工作，能不能在工作地换领？需要回户籍地吗？');
    await tap(app, 'submit');
    if (await app.locator('[data-testid="mp-subscribe"]').isVisible().catch(() => false)) await allowSubscribe(app);
    const done = await preview.waitForData((d: { result: { id: string } | null }) => d.result !== null, 15_000);

    const c = await api(preview, CITIZEN_A, 'case.get', { id: done.result!.id });
    expect(c).toMatchObject({ type: 'inquiry', guideItem: { id: itemId, name: '居民身份证换领' }, title: '咨询：居民身份证换领' });
    preview.expectNoProblems();

    // The dispatcher sees which item the citizen asks about.
    await openAs(preview, 'dispatcher', 'staff/case/index', { query: { id: c.id }, settle: true });
    expect(await text(app, 'guide-item')).toBe('关联办事事项：居民身份证换领');
    preview.expectNoProblems();
  } finally {
    await preview.close();
  }
});
