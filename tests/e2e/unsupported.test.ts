// What the preview cannot do fails loudly: a console.error naming it, and for wx APIs a thrown error or a rejected
// promise / fail callback. (The other e2e tests fail on any console error, so a page relying on one cannot pass.)
import { closeBrowser, openPreview, type PreviewHandle } from './helpers/preview';

jest.setTimeout(60_000);

let preview: PreviewHandle;
afterAll(async () => {
  await preview?.close();
  await closeBrowser();
});

type AnyWx = { wx: Record<string, (...args: unknown[]) => unknown> };

test('a built-in the preview cannot draw (<canvas>) logs an error naming it', async () => {
  preview = await openPreview({ page: '__preview__/unsupported/index' });
  await preview.app.waitForSelector('wx-canvas', { state: 'attached' });
  expect(preview.problems.consoleErrors).toEqual([expect.stringContaining('<canvas>')]);
  expect(preview.problems.consoleErrors[0]).toContain('预览不支持');
  preview.problems.consoleErrors.length = 0;
});

test('an async wx API the preview cannot honour rejects its promise and logs its name', async () => {
  const outcome = await preview.app.evaluate(() =>
    ((window as unknown as AnyWx).wx.getLocation({ type: 'gcj02' }) as Promise<unknown>).then(
      () => 'resolved',
      (e: Error) => `rejected: ${e.message}`,
    ),
  );
  expect(outcome).toMatch(/^rejected: .*wx\.getLocation/);
  expect(preview.problems.consoleErrors).toEqual([expect.stringContaining('wx.getLocation')]);
  preview.problems.consoleErrors.length = 0;
});

test('with callbacks, fail and complete get a WeChat-shaped errMsg', async () => {
  const res = await preview.app.evaluate(
    () => new Promise((resolve) => (window as unknown as AnyWx).wx.request({ url: 'https://example.com', fail: resolve })),
  );
  expect(res).toEqual({ errMsg: 'request:fail not supported in the preview' });
  expect(preview.problems.consoleErrors).toEqual([expect.stringContaining('wx.request')]);
  preview.problems.consoleErrors.length = 0;
});

test('a sync or factory API throws', async () => {
  const thrown = await preview.app.evaluate(() => {
    try {
      (window as unknown as AnyWx).wx.createMapContext('map');
      return 'no error';
    } catch (e) {
      return (e as Error).message;
    }
  });
  expect(thrown).toContain('wx.createMapContext');
  expect(preview.problems.consoleErrors).toEqual([expect.stringContaining('wx.createMapContext')]);
  preview.problems.consoleErrors.length = 0;
  // A name WeChat does not have stays undefined, as in WeChat.
  expect(await preview.app.evaluate(() => typeof (window as unknown as AnyWx).wx.noSuchApi)).toBe('undefined');
  preview.expectNoProblems();
});

test('a request aborted on its own is reported; one aborted because the test reopened the mini program is not', async () => {
  // This test's own calls (marked ?probe=) are held until the end, so each is still in flight when it is aborted.
  const probe = (n: number) => `${preview.gatewayUrl}/functions/api?probe=${n}`;
  const held = new Set<string>();
  let release = () => {};
  const released = new Promise<void>((r) => (release = r));
  const probes = (url: URL) => url.searchParams.has('probe');
  await preview.page.route(
    probes,
    async (route) => {
      held.add(route.request().url());
      await released;
      await route.continue().catch(() => undefined);
    },
  );
  const whenHeld = async (url: string) => {
    while (!held.has(url)) await new Promise((r) => setTimeout(r, 20));
  };

  // The page aborts its own call: its failure, reported.
  let failed = preview.page.waitForEvent('requestfailed', (req) => req.url() === probe(1));
  await preview.app.evaluate((url) => {
    const c = new AbortController();
    void fetch(url, { method: 'POST', body: '{}', signal: c.signal }).catch(() => undefined);
    (window as unknown as { abortCall: () => void }).abortCall = () => c.abort();
  }, probe(1));
  await whenHeld(probe(1));
  await preview.app.evaluate(() => (window as unknown as { abortCall: () => void }).abortCall());
  await failed;
  expect(() => preview.expectNoProblems()).toThrow(/functions\/api\?probe=1: net::ERR_ABORTED/);

  // A call still in flight when the test opens the mini program again: the left document's call, not reported.
  failed = preview.page.waitForEvent('requestfailed', (req) => req.url() === probe(2));
  await preview.app.evaluate((url) => void fetch(url, { method: 'POST', body: '{}' }).catch(() => undefined), probe(2));
  await whenHeld(probe(2));
  await preview.goto({ page: 'pages/mine/index' });
  await failed;
  release();
  await preview.page.unroute(probes);
  preview.expectNoProblems();
});
