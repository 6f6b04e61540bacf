// The e2e harness passes a worker's tab from one preview to the next (ADR 0166): the next preview boots in the same
// tab, from the same origin, so V8 reuses the scripts it compiled; nothing of the earlier preview may reach it.
import { closeBrowser, openPreview } from './helpers/preview';

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
  await first.close();

  const second = await openPreview({ page: 'pages/privacy/index' });
  try {
    expect(second.page).toBe(first.page);
    expect(new URL(second.previewUrl).port).toBe(firstPort);
    // Only the second preview's own problem watcher listens.
    expect(second.page.listenerCount('console')).toBe(1);
    expect(second.page.listenerCount('response')).toBe(1);
    expect(await second.app.evaluate(() => (window as unknown as StorageWindow).wx.getStorageSync('left-behind'))).toBe('');
    // The earlier route is gone: the request reaches the server (a 404), instead of being aborted.
    const status = await second.app.evaluate(() => fetch('/never-requested').then((r) => r.status, () => -1));
    expect(status).toBe(404);
    second.takeProblems();
  } finally {
    await second.close();
  }
});
