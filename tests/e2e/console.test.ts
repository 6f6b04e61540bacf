// The emulator console beside the phone: switching the WeChat identity reopens the mini program as that user (me.get
// answers for them, storage is theirs), the cloud clock is set and returned to real time, a timer trigger runs.
import sdk from '../../tools/local-cloud/sdk';
import { closeBrowser, openPreview, type PreviewHandle } from './helpers/preview';

jest.setTimeout(60_000);

let preview: PreviewHandle;
afterEach(async () => {
  await preview?.close();
});
afterAll(() => closeBrowser());

interface Me {
  openid: string;
  roles: string[];
  departmentId: string;
  loaded: boolean;
}

type Wx = { wx: { setStorageSync(k: string, v: unknown): void; getStorageSync(k: string): unknown } };

test('the identity switch changes who calls the cloud: me.get answers for the chosen demo person', async () => {
  preview = await openPreview({ shell: true, identity: 'citizenA', page: '__preview__/whoami/index' });
  const citizen = await preview.waitForData<Me>((d) => d.loaded);
  expect(citizen).toMatchObject({ openid: 'o_demo_citizen_a', roles: [], departmentId: '' });
  // A Vant component created by a later setData still gets its `ready` (van-grid-item sizes itself there).
  await preview.app.waitForFunction(() => document.querySelector('[data-testid="roles-grid"] van-grid-item > *')?.getAttribute('style')?.includes('width:50%'));
  await preview.app.evaluate(() => (window as unknown as Wx).wx.setStorageSync('draft', '张阿姨的草稿'));

  await preview.page.click('[data-testid="pv-identity-handler"]');
  const handler = await preview.waitForData<Me>((d) => d.loaded && d.openid === 'o_demo_handler');
  expect(handler).toMatchObject({ roles: ['handler'], departmentId: 'dept-housing' });
  expect(await preview.route()).toBe('__preview__/whoami/index');
  // Storage belongs to the WeChat user, as on a phone.
  expect(await preview.app.evaluate(() => (window as unknown as Wx).wx.getStorageSync('draft'))).toBe('');

  await preview.page.click('[data-testid="pv-identity-admin"]');
  const admin = await preview.waitForData<Me>((d) => d.loaded && d.openid === 'o_demo_admin');
  expect(admin.roles).toContain('admin');

  await preview.page.click('[data-testid="pv-identity-citizenA"]');
  await preview.waitForData<Me>((d) => d.loaded && d.openid === 'o_demo_citizen_a');
  expect(await preview.app.evaluate(() => (window as unknown as Wx).wx.getStorageSync('draft'))).toBe('张阿姨的草稿');
  preview.expectNoProblems();
});

test('the console sets the cloud clock, returns to real time, and runs a timer trigger', async () => {
  preview = await openPreview({ shell: true });
  const { page } = preview;
  await page.fill('input[type="datetime-local"]', '2027-02-03T09:30');
  await page.check('input[aria-label="冻结"]');
  await page.click('button:has-text("设定")');
  await page.waitForFunction(() => document.querySelector('[data-testid="pv-clock"]')?.textContent?.includes('2027/02/03 09:30'));
  expect(preview.localCloud.clock.now().toISOString()).toBe('2027-02-03T01:30:00.000Z');

  await page.click('button:has-text("回到真实时间")');
  await page.waitForFunction(() => !document.querySelector('[data-testid="pv-clock"]')?.textContent?.includes('2027/02/03'));
  expect(Math.abs(preview.localCloud.clock.now().getTime() - Date.now())).toBeLessThan(5000);

  const trigger = await page.$('[data-testid^="pv-timer-"]');
  expect(trigger).not.toBeNull();
  await trigger!.click();
  await page.waitForFunction(() => document.querySelector('.result')?.textContent?.includes('"trigger"'));
  preview.expectNoProblems();
});

test('the outbox lists subscribe messages the cloud sent, newest first; reset restores the demo data', async () => {
  preview = await openPreview({ shell: true });
  const { page } = preview;
  const send = (touser: string, title: string) =>
    preview.localCloud.invoke(async () => {
      await sdk.openapi.subscribeMessage.send({ touser, templateId: 'TPL_STATUS', page: 'pages/cases/index', data: { thing1: { value: title } } });
    }, {});
  await page.waitForSelector('[data-testid="pv-outbox"] >> text=还没有发出的订阅消息');
  await send('o_demo_citizen_a', '第一条');
  await send('o_demo_citizen_b', '第二条');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="pv-outbox"] .msg').length === 2, undefined, { timeout: 10_000 });
  const titles = await page.$$eval('[data-testid="pv-outbox"] .msg b', (els) => els.map((e) => e.textContent));
  expect(titles).toEqual(['发给 市民 李先生 · 模板 TPL_STATUS', '发给 市民 张阿姨 · 模板 TPL_STATUS']);
  expect(await page.textContent('[data-testid="pv-outbox"]')).toContain('第二条');

  // Reset: the demo agency comes back as seeded (after a change), the outbox is emptied.
  await preview.localCloud.invoke(async () => {
    await sdk.database().collection('departments').doc('dept-housing').update({ data: { name: '改过的名字' } });
  }, {});
  page.once('dialog', (dialog) => void dialog.accept());
  await page.click('[data-testid="pv-reset"]');
  await page.waitForFunction(() => document.body.textContent?.includes('已重置'));
  const meta = await fetch(`${preview.gatewayUrl}/functions/api`, { method: 'POST', headers: { 'x-wx-openid': 'o_demo_citizen_a' }, body: JSON.stringify({ action: 'meta.get', payload: {} }) });
  const body = (await meta.json()) as { result: { data: { departments: Array<{ id: string; name: string }> } } };
  expect(body.result.data.departments.find((d) => d.id === 'dept-housing')?.name).toBe('住房和城乡建设局');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="pv-outbox"] .msg').length === 0, undefined, { timeout: 10_000 });
  // 清空 empties it too.
  await send('o_demo_citizen_a', '第三条');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="pv-outbox"] .msg').length === 1, undefined, { timeout: 10_000 });
  await page.click('button:has-text("清空")');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="pv-outbox"] .msg').length === 0);
  expect(preview.localCloud.openapi.calls).toEqual([]);
  preview.expectNoProblems();
});
