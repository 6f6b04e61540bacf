// The e2e harness passes a worker's tab from one preview to the next (ADR 0166): the next preview boots in the same
// tab, from the same origin, so V8 reuses the scripts it compiled; nothing of the earlier preview may reach it.
import { closeBrowser, openPreview } from './helpers/preview';
import { pollUntil } from './helpers/ui';

jest.setTimeout(60_000);

afterAll(() => closeBrowser());

interface StorageWindow {
  wx: { setStorageSync(key: string, value: unknown): void; getStorageSync(key: string): unknown };
}

test('the next preview gets the same tab and origin, without the earlier listeners, routes or storage', async () => {
  const first = await openPreview({ page: 'pages/privacy/index' });
  await first.app.evaluate(() => (window as unknown as StorageWindow).wx.setStorageSync('left-behind', 'yes'));
  await first.page.route('**/never-requested', (route) => route.abort());
  const firstPort = new URL(first.previewUrl).port;
  expect(first.takeProblems()).toEqual([]);
  await first.close();

  const second = await openPreview({ page: 'pages/privacy/index' });
  try {
    expect(second.page).toBe(first.page);
    expect(new URL(second.previewUrl).port).toBe(firstPort);
    // Only the second preview's problem watcher hears the tab now.
    await second.app.evaluate(() => console.error('heard by the second preview'));
    await pollUntil(() => second.problems.consoleErrors.length > 0);
    expect(second.takeProblems()).toEqual([expect.stringContaining('heard by the second preview')]);
    expect(first.problems.consoleErrors).toEqual([]);
    expect(await second.app.evaluate(() => (window as unknown as StorageWindow).wx.getStorageSync('left-behind'))).toBe('');
    // The earlier route is gone: the request reaches the server (a 404), instead of being aborted.
    const status = await second.app.evaluate(() => fetch('/never-requested').then((r) => r.status, () => -1));
    expect(status).toBe(404);
    expect(second.takeProblems().filter((p) => p.startsWith('request: '))).toEqual([expect.stringContaining('/never-requested: HTTP 404')]);
  } finally {
    await second.close();
  }
});
