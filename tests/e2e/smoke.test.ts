// Every page of app.json (subpackages included) renders in the browser preview against the local cloud (seeded with
// the demo agency) with no console error, page error or failed request. The list is read from app.json, so a new
// page is covered as it lands; staff pages are opened as a staff identity (tools/preview/pages.ts). The preview boots
// once per identity; its other pages open inside the running mini program (wx.reLaunch), as a user reaches them,
// which costs a page render instead of a reload of the whole preview.
import { appRoutes, smokeIdentityFor } from '../../tools/preview/pages';
import { closeBrowser, DEFAULT_IDENTITY, openPreview, type PreviewHandle } from './helpers/preview';

jest.setTimeout(60_000);

const routes = appRoutes();
// Grouped by identity, so that each identity boots the preview once.
const visits = routes.map((r) => [r.route, smokeIdentityFor(r)] as const).sort((a, b) => a[1].localeCompare(b[1]));
let preview: PreviewHandle;
let bootedAs = DEFAULT_IDENTITY;

beforeAll(async () => {
  preview = await openPreview();
  await preview.waitForIdle();
  preview.expectNoProblems();
});

afterAll(async () => {
  await preview?.close();
  await closeBrowser();
});

test('app.json is read with its subpackages', () => {
  expect(routes[0]!.route).toBe('pages/index/index');
  expect(routes.some((r) => r.subpackage === 'staff')).toBe(true);
});

test.each(visits)('%s renders as %s without errors', async (route, identity) => {
  if (identity === bootedAs) {
    await preview.reLaunch(route);
  } else {
    await preview.goto({ identity, page: route });
    bootedAs = identity;
  }
  await preview.waitForIdle();
  expect(await preview.route()).toBe(route);
  // The page mounted, has content, and is not the preview's error page.
  const mounted = await preview.app.evaluate((r) => {
    const root = document.querySelector(`[data-mp-page="${r}"]`);
    return { root: Boolean(root), text: root?.textContent?.trim().length ?? 0, error: document.querySelector('[data-testid="mp-page-error"]')?.textContent ?? null };
  }, route);
  expect(mounted.error).toBeNull();
  expect(mounted.root).toBe(true);
  expect(mounted.text).toBeGreaterThan(0);
  preview.expectNoProblems();
});
