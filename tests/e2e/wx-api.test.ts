// The wx APIs the product uses, called in the browser preview and answered the WeChat way: the page stack and its
// lifecycles, the native UI (modal, action sheet, toast, subscribe prompt, privacy prompt), storage, media through
// the local cloud's storage, documents, device info.
import { closeBrowser, openPreview, type PreviewHandle } from './helpers/preview';
import { pollUntil } from './helpers/ui';

jest.setTimeout(60_000);

let preview: PreviewHandle;
beforeAll(async () => {
  preview = await openPreview({ identity: 'supervisor', page: '__preview__/lifecycle/index', query: { n: '1' }, fontSize: 20 });
});
afterAll(async () => {
  await preview?.close();
  await closeBrowser();
});
afterEach(() => preview.expectNoProblems());

/* eslint-disable @typescript-eslint/no-explicit-any -- calling the page's untyped wx from the test */
type W = { wx: any; getApp(): any; getCurrentPages(): any[] };
const call = <T>(fn: (w: W, arg: any) => T | Promise<T>, arg?: unknown): Promise<T> =>
  preview.app.evaluate(([source, a]) => new Function('w', 'a', `return (${source})(w, a)`)(window, a), [fn.toString(), arg] as const) as Promise<T>;
const log = () => call((w) => w.getApp().globalData.lifecycleLog.splice(0) as string[]);

test('the page stack: navigateTo (relative, query read as WeChat does), redirectTo, navigateBack, reLaunch, with lifecycles in order', async () => {
  expect(await log()).toEqual(['1:onLoad:{"n":"1"}', '1:onShow', '1:onReady']);
  // WeChat leaves values encoded, turns a bare key into "undefined" and cuts a value at its next "=".
  await call((w) => w.wx.navigateTo({ url: 'index?n=2&x=%E4%B8%AD&flag&v=a=b' }));
  await preview.waitForData<{ n: string }>((d) => d.n === '2');
  await new Promise((r) => setTimeout(r, 50));
  expect(await log()).toEqual(['1:onHide', '2:onLoad:{"n":"2","x":"%E4%B8%AD","flag":"undefined","v":"a"}', '2:onShow', '2:onReady']);

  await call((w) => w.wx.redirectTo({ url: '/__preview__/lifecycle/index?n=3' }));
  await preview.waitForData<{ n: string }>((d) => d.n === '3');
  expect(await call((w) => w.getCurrentPages().map((p: any) => `${p.route}?n=${p.options.n}`))).toEqual(['__preview__/lifecycle/index?n=1', '__preview__/lifecycle/index?n=3']);
  expect(await preview.app.isVisible('[data-testid="mp-nav-back"]')).toBe(true);

  await call((w) => w.wx.navigateBack());
  await preview.waitForData<{ n: string }>((d) => d.n === '1');
  await new Promise((r) => setTimeout(r, 50));
  expect(await log()).toEqual(['2:onUnload', '3:onLoad:{"n":"3"}', '3:onShow', '3:onReady', '3:onUnload', '1:onShow']);

  await call((w) => w.wx.reLaunch({ url: '/__preview__/lifecycle/index?n=4' }));
  await preview.waitForData<{ n: string }>((d) => d.n === '4');
  expect(await call((w) => w.getCurrentPages().length)).toBe(1);
  // A lone page that is not the home page gets WeChat's home button instead of a back arrow.
  expect(await preview.app.isVisible('[data-testid="mp-nav-home"]')).toBe(true);
  expect(await preview.app.isVisible('[data-testid="mp-nav-back"]')).toBe(false);

  const missing = await call((w) => new Promise((resolve) => w.wx.navigateTo({ url: '/pages/nope/index', fail: resolve })));
  expect(missing).toEqual({ errMsg: 'navigateTo:fail page "pages/nope/index" is not found' });

  await call((w) => w.wx.setNavigationBarTitle({ title: '新的标题' }));
  expect(await preview.app.textContent('[data-testid="mp-nav-title"]')).toBe('新的标题');
  await log();
});

test('a subpackage page opens by its absolute path', async () => {
  await call((w) => w.wx.navigateTo({ url: '/staff/queue/index' }));
  await preview.waitForIdle();
  expect(await preview.route()).toBe('staff/queue/index');
  await call((w) => w.wx.navigateBack());
  expect(await preview.route()).toBe('__preview__/lifecycle/index');
  await log();
});

test('enableAlertBeforeUnload: the user\'s back asks first (cancel stays, 确定 leaves); wx.navigateBack and the lowest page are not held', async () => {
  const { app } = preview;
  await call((w) => w.wx.reLaunch({ url: '/__preview__/lifecycle/index?n=a1' }));
  await preview.waitForData<{ n: string }>((d) => d.n === 'a1');
  // On the lowest page there is nothing to go back to: WeChat never asks there.
  expect(await call((w) => w.wx.canIUse('enableAlertBeforeUnload'))).toBe(true);
  await call((w) => w.wx.navigateTo({ url: 'index?n=a2' }));
  await preview.waitForData<{ n: string }>((d) => d.n === 'a2');
  // Callback-style only, as in WeChat: no promise comes back.
  const returned = await call((w) => new Promise((resolve) => {
    const r = w.wx.enableAlertBeforeUnload({ message: '内容还没有保存，确定离开吗？', success: (res: unknown) => resolve({ r: r === undefined, res }) });
  }));
  expect(returned).toEqual({ r: true, res: { errMsg: 'enableAlertBeforeUnload:ok' } });

  await app.tap('[data-testid="mp-nav-back"]');
  await app.waitForSelector('[data-testid="mp-modal"]');
  expect(await app.textContent('[data-testid="mp-modal"]')).toContain('内容还没有保存，确定离开吗？');
  await app.tap('[data-testid="mp-modal-cancel"]');
  await new Promise((r) => setTimeout(r, 100));
  expect(await preview.pageData<{ n: string }>()).toMatchObject({ n: 'a2' });
  expect(await call((w) => w.getCurrentPages().length)).toBe(2);

  await app.tap('[data-testid="mp-nav-back"]');
  await app.tap('[data-testid="mp-modal-confirm"]');
  await preview.waitForData<{ n: string }>((d) => d.n === 'a1');

  // Disabled again: back goes straight back. And the page's own wx.navigateBack is never asked about.
  await call((w) => w.wx.navigateTo({ url: 'index?n=a3' }));
  await preview.waitForData<{ n: string }>((d) => d.n === 'a3');
  await call((w) => { w.wx.enableAlertBeforeUnload({ message: '确定离开吗？' }); w.wx.disableAlertBeforeUnload(); });
  await app.tap('[data-testid="mp-nav-back"]');
  await preview.waitForData<{ n: string }>((d) => d.n === 'a1');
  await call((w) => w.wx.navigateTo({ url: 'index?n=a4' }));
  await preview.waitForData<{ n: string }>((d) => d.n === 'a4');
  await call((w) => w.wx.enableAlertBeforeUnload({ message: '确定离开吗？' }));
  await call((w) => w.wx.navigateBack());
  await preview.waitForData<{ n: string }>((d) => d.n === 'a1');
  expect(await app.$('[data-testid="mp-modal"]')).toBeNull();
  await log();
});

test('openLocation shows the place it would open on WeChat\'s map, and refuses coordinates out of range', async () => {
  const { app } = preview;
  expect(await call((w) => w.wx.openLocation({ latitude: 30.245, longitude: 120.21, name: '住建局', address: '市民中心 A 座' }))).toEqual({ errMsg: 'openLocation:ok' });
  await app.waitForSelector('[data-testid="mp-modal"]');
  expect(await app.textContent('[data-testid="mp-modal"]')).toContain('市民中心 A 座');
  await app.tap('[data-testid="mp-modal-confirm"]');
  expect(await call((w) => w.wx.openLocation({ latitude: 120.21, longitude: 30.245 }).catch((e: unknown) => e))).toEqual({
    errMsg: 'openLocation:fail parameter error: latitude should be a number between -90 and 90',
  });
});

test('showModal, showActionSheet and showToast are drawn and answer with what the user tapped', async () => {
  const { app } = preview;
  const confirm = call((w) => w.wx.showModal({ title: '确认撤回？', content: '撤回后不能恢复' }));
  await app.waitForSelector('[data-testid="mp-modal"]');
  expect(await app.textContent('[data-testid="mp-modal"]')).toContain('撤回后不能恢复');
  await app.tap('[data-testid="mp-modal-confirm"]');
  expect(await confirm).toEqual({ errMsg: 'showModal:ok', confirm: true, cancel: false });

  const edited = call((w) => w.wx.showModal({ title: '原因', editable: true, placeholderText: '请输入' }));
  await app.fill('[data-testid="mp-modal-input"]', '重复提交');
  await app.tap('[data-testid="mp-modal-cancel"]');
  expect(await edited).toEqual({ errMsg: 'showModal:ok', confirm: false, cancel: true, content: '重复提交' });

  const sheet = call((w) => w.wx.showActionSheet({ itemList: ['拍照', '从相册选择'] }));
  await app.tap('[data-testid="mp-action-sheet"] >> text=从相册选择');
  expect(await sheet).toEqual({ errMsg: 'showActionSheet:ok', tapIndex: 1 });
  const cancelled = call((w) => w.wx.showActionSheet({ itemList: ['拍照'] }).catch((e: unknown) => e));
  await app.tap('[data-testid="mp-action-sheet"] >> text=取消');
  expect(await cancelled).toEqual({ errMsg: 'showActionSheet:fail cancel' });

  await call((w) => w.wx.showLoading({ title: '提交中' }));
  expect(await app.textContent('[data-testid="mp-loading"]')).toBe('提交中');
  await call((w) => w.wx.hideLoading());
  expect(await app.$('[data-testid="mp-loading"]')).toBeNull();
  await call((w) => w.wx.showToast({ title: '已提交', icon: 'success', duration: 200 }));
  expect(await app.textContent('[data-testid="mp-toast"]')).toContain('已提交');
  await app.waitForSelector('[data-testid="mp-toast"]', { state: 'detached' });
});

test('requestSubscribeMessage shows the templates and returns each answer, and only from a tap', async () => {
  const { app } = preview;
  // Not from a tap (a timer, onLoad, after an awaited cloud call): WeChat refuses.
  await new Promise((r) => setTimeout(r, 3100));
  expect(await call((w) => w.wx.requestSubscribeMessage({ tmplIds: ['TPL_STATUS'] }).catch((e: unknown) => e))).toEqual({
    errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.',
  });
  await app.tap('[data-testid="box"]');
  const answer = call((w) => w.wx.requestSubscribeMessage({ tmplIds: ['TPL_STATUS', 'TPL_REPLY'] }));
  await app.waitForSelector('[data-testid="mp-subscribe"]');
  expect(await app.textContent('[data-testid="mp-subscribe"]')).toContain('TPL_REPLY');
  await app.uncheck('[data-tmpl-id="TPL_REPLY"]');
  await app.tap('[data-testid="mp-subscribe-allow"]');
  expect(await answer).toEqual({ errMsg: 'requestSubscribeMessage:ok', TPL_STATUS: 'accept', TPL_REPLY: 'reject' });
  await app.tap('[data-testid="box"]');
  const refused = call((w) => w.wx.requestSubscribeMessage({ tmplIds: ['TPL_STATUS'] }));
  await app.tap('[data-testid="mp-subscribe-cancel"]');
  expect(await refused).toEqual({ errMsg: 'requestSubscribeMessage:ok', TPL_STATUS: 'reject' });
});

test('storage is per user and keeps types', async () => {
  const result = await call((w) => {
    w.wx.clearStorageSync();
    w.wx.setStorageSync('draft', { title: '路灯', images: 2 });
    w.wx.setStorageSync('count', 3);
    const info = w.wx.getStorageInfoSync();
    const out = { draft: w.wx.getStorageSync('draft'), count: w.wx.getStorageSync('count'), missing: w.wx.getStorageSync('nope'), keys: info.keys.sort() };
    w.wx.removeStorageSync('count');
    return { ...out, after: w.wx.getStorageInfoSync().keys };
  });
  expect(result).toEqual({ draft: { title: '路灯', images: 2 }, count: 3, missing: '', keys: ['count', 'draft'], after: ['draft'] });
  expect(await call((w) => w.wx.getStorage({ key: 'nope' }).catch((e: unknown) => e))).toEqual({ errMsg: 'getStorage:fail data not found' });
});

test('privacy: a privacy API asks first (WeChat\'s own prompt, or the page\'s agreement flow when it registered one)', async () => {
  const { app } = preview;
  await preview.goto({ identity: 'dispatcher', page: '__preview__/lifecycle/index', query: { n: 'p' } });
  expect(await call((w) => w.wx.getPrivacySetting())).toMatchObject({ needAuthorization: true, privacyContractName: '《民声小程序隐私保护指引》' });
  // No handler registered: WeChat's prompt. 拒绝 fails the API; 同意 lets it through and is remembered.
  const refused = call((w) => w.wx.setClipboardData({ data: 'x' }).catch((e: unknown) => e));
  await app.tap('[data-testid="mp-privacy-disagree"]');
  expect(await refused).toEqual({ errMsg: 'setClipboardData:fail privacy permission is not authorized', errno: 104 });
  const agreed = call((w) => w.wx.setClipboardData({ data: 'x' }));
  await app.tap('[data-testid="mp-privacy-agree"]');
  expect(await agreed).toEqual({ errMsg: 'setClipboardData:ok' });
  expect(await call((w) => w.wx.getPrivacySetting())).toMatchObject({ needAuthorization: false });

  // Another user, whose page registered its own agreement flow (as the product's privacy service does).
  await preview.goto({ identity: 'handler', page: '__preview__/lifecycle/index', query: { n: 'p' } });
  const outcome = call(
    (w) =>
      new Promise((resolve) => {
        w.wx.onNeedPrivacyAuthorization((answer: (r: object) => void, info: { referrer: string }) => {
          (w as any).__referrer = info.referrer;
          answer({ event: 'exposureAuthorization' });
          setTimeout(() => answer({ event: 'agree', buttonId: 'agree-btn' }), 10);
        });
        w.wx.requirePrivacyAuthorize({ success: () => resolve('agreed'), fail: (e: unknown) => resolve(e) });
      }),
  );
  expect(await outcome).toBe('agreed');
  expect(await app.evaluate(() => (window as any).__referrer)).toBe('requirePrivacyAuthorize');
  expect(await app.$('[data-testid="mp-privacy"]')).toBeNull();
  expect(await call((w) => w.wx.getPrivacySetting())).toMatchObject({ needAuthorization: false });
  await preview.goto({ identity: 'supervisor', page: '__preview__/lifecycle/index', query: { n: '1' }, fontSize: 20 });
  await log();
});

/** Agrees to the privacy guide if this user has not yet (tests may run alone). */
async function agreeToPrivacy(): Promise<void> {
  if (!(await call((w) => w.wx.getPrivacySetting())).needAuthorization) return;
  const done = call((w) => w.wx.requirePrivacyAuthorize());
  await preview.app.tap('[data-testid="mp-privacy-agree"]');
  await done;
}

test('setClipboardData and makePhoneCall are shown, not done', async () => {
  const { app } = preview;
  await agreeToPrivacy();
  await call((w) => w.wx.setClipboardData({ data: 'MS20261125-0042' }));
  expect(await app.textContent('[data-testid="mp-toast"]')).toContain('内容已复制');
  expect(await call((w) => w.wx.getClipboardData())).toMatchObject({ data: 'MS20261125-0042' });
  const dial = call((w) => w.wx.makePhoneCall({ phoneNumber: '12345' }));
  await app.tap('[data-testid="mp-action-sheet"] >> text=呼叫 12345');
  expect(await dial).toEqual({ errMsg: 'makePhoneCall:ok' });
});

test('chooseMedia returns temp files that upload to the local cloud, and come back by getTempFileURL and downloadFile', async () => {
  const { page } = preview;
  await agreeToPrivacy();
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  const chooser = page.waitForEvent('filechooser');
  const chosen = call((w) => w.wx.chooseMedia({ count: 1, mediaType: ['image'] }));
  await (await chooser).setFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png });
  const media = (await chosen) as { tempFiles: Array<{ tempFilePath: string; size: number; fileType: string; width: number }> };
  expect(media.tempFiles).toEqual([expect.objectContaining({ size: png.length, fileType: 'image', width: 1 })]);
  expect(media.tempFiles[0]!.tempFilePath).toMatch(/^wxfile:\/\/tmp_\w+\.png$/);

  const uploaded = await call((w, path) => w.wx.cloud.uploadFile({ cloudPath: 'cases/o_demo_supervisor/photo.png', filePath: path }), media.tempFiles[0]!.tempFilePath);
  expect(uploaded).toMatchObject({ errMsg: 'cloud.uploadFile:ok', statusCode: 200, fileID: expect.stringMatching(/^cloud:\/\/.+\/cases\/o_demo_supervisor\/photo\.png$/) });
  const fileID = (uploaded as { fileID: string }).fileID;
  expect(preview.localCloud.storage.read(fileID)).toEqual(png);

  const temp = (await call((w, id) => w.wx.cloud.getTempFileURL({ fileList: [id] }), fileID)) as { fileList: Array<{ tempFileURL: string; status: number }> };
  expect(temp.fileList[0]).toMatchObject({ status: 0, tempFileURL: expect.stringContaining(`${preview.gatewayUrl}/_storage/`) });
  const downloaded = await call(async (w, url) => {
    const res = await w.wx.downloadFile({ url });
    return { ...res, image: await w.wx.getImageInfo({ src: res.tempFilePath }) };
  }, temp.fileList[0]!.tempFileURL);
  expect(downloaded).toMatchObject({ errMsg: 'downloadFile:ok', statusCode: 200, tempFilePath: expect.stringMatching(/^wxfile:\/\/tmp_\w+\.png$/), image: { width: 1, height: 1, type: 'png' } });

  // openDocument opens the file in a new browser tab. A browser with a PDF viewer shows the blob: there; one without
  // (the headless shell the tests run, ADR 0163) hands it to the opener as a download. Either way it is the document's blob:.
  const popup = page.waitForEvent('popup');
  const downloads: string[] = [];
  const onDownload = (d: { url(): string }) => downloads.push(d.url());
  page.on('download', onDownload);
  await call((w, path) => w.wx.openDocument({ filePath: path, fileType: 'pdf' }), (downloaded as { tempFilePath: string }).tempFilePath);
  const tab = await popup;
  const opened = () => [tab.url(), ...downloads].find((url) => url.startsWith('blob:'));
  await pollUntil(() => opened() !== undefined);
  page.off('download', onDownload);
  expect(opened()).toMatch(/^blob:/);
});

test('device and app info: the phone the preview draws, and the font size chosen in the console', async () => {
  const info = await call((w) => ({ base: w.wx.getAppBaseInfo(), win: w.wx.getWindowInfo(), sys: w.wx.getSystemInfoSync(), capsule: w.wx.getMenuButtonBoundingClientRect() }));
  expect(info.base).toMatchObject({ fontSizeSetting: 20, SDKVersion: expect.stringMatching(/^\d+\.\d+\.\d+$/), language: 'zh_CN' });
  // A non-tab page with the default navigation bar: the window is the screen below the bar.
  expect(info.win).toMatchObject({ screenWidth: 375, screenHeight: 812, windowWidth: 375, windowHeight: 812 - 88, statusBarHeight: 44 });
  expect(info.sys.fontSizeSetting).toBe(20);
  expect(info.capsule).toMatchObject({ width: 87, height: 32, top: 48 });
  // rpx at 375 px: 1rpx = 0.5px; SelectorQuery measures from the top of the page, below the navigation bar.
  const rect = await call(
    (w) =>
      new Promise((resolve) =>
        w.wx.createSelectorQuery().select('.box').boundingClientRect((r: unknown) => resolve(r)).exec(),
      ),
  );
  expect(rect).toMatchObject({ width: 150, height: 50, left: 10, top: 20 });
  expect(await call((w) => new Promise((resolve) => w.wx.nextTick(() => resolve('ticked'))))).toBe('ticked');
});
