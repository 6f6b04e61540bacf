// Boots the mini program in the browser: simulate's build has loaded (window.simulate), the file map and wcc's
// templates are in place; this installs what WeChat's base library and client would provide, runs app.js and opens
// the first page. window.__mp is the handle the e2e tests and the console use.
import { installMiniprogramShims, type ShimGlobals } from '../../mp-shims';
import { isIdle, noteTap } from './activity';
import { applyAria } from './aria';
import { installBuiltins } from './builtins';
import { DEVICE, rpxToPx } from './device';
import { win, type AnyObject } from './env';
import { reportError, reportUnsupported } from './loud';
import { installModuleSystem, requireModule } from './modules';
import { NavBar } from './navbar';
import { RouteError, Router, type PageRecord } from './router';
import { installBaseStyles } from './styles';
import { TabBar } from './tabbar';
import { installTouchBridge } from './touch-bridge';
import { h, setOverlayLayer } from './ui/dom';
import { showModal } from './ui/modal';
import { showActionSheet } from './ui/sheet';
import { showToast } from './ui/toast';
import { createWx } from './wx-api';
import { tempUrlOf } from './wx-api/cloud';
import { AppEvents } from './wx-api/misc';
import { Privacy } from './wx-api/privacy';
import { tempFileUrl } from './wx-api/temp-files';

interface ShareRecord {
  from: string;
  route: string;
  title: string;
  path: string;
  imageUrl?: string;
}

function boot(): void {
  const config = win.__PREVIEW__;
  const manifest = win.__MANIFEST__;
  installBaseStyles();
  win.__mpRpx = rpxToPx;
  win.__mpAria = applyAria;
  for (const wxml of manifest.wxmlList) win.__FILE_MAP__[wxml] = win.__mpGwx(wxml);
  installModuleSystem();
  const knownNames = Object.keys(win.wx ?? {});
  const shims = installMiniprogramShims(win as unknown as ShimGlobals, { readyForLateComponents: true });
  win.Page = () => {
    throw reportUnsupported('Page(): this project builds pages with Component() (miniprogram/utils/page.ts definePage)');
  };

  const shares: ShareRecord[] = [];
  const subscribeAnswers: Array<Record<string, string>> = [];
  const appEvents = new AppEvents();
  const privacy = new Privacy(config.identity.openid);
  const assetUrl = (path: string) => `${config.assetBase}/mp/${path.replace(/^\/+/, '')}`;

  const root = h('div', { className: 'mp-screen', id: 'mp-screen', 'data-identity': config.identity.key });
  const overlays = h('div', { className: 'mp-overlays' });
  const webviews = h('div', { className: 'mp-webviews' });
  setOverlayLayer(overlays);

  // The navigation bar and tab bar call the router, which needs them first: their handlers read it lazily.
  // eslint-disable-next-line prefer-const
  let router: Router;
  const share = async (from: 'menu' | 'button', target?: AnyObject) => {
    const top = router.top;
    if (!top || typeof top.instance?.onShareAppMessage !== 'function') {
      showToast({ title: '当前页面不可转发', icon: 'none' });
      return;
    }
    let content = (router.call(top, 'onShareAppMessage', { from, target, webViewUrl: undefined }) ?? {}) as AnyObject;
    if (content.promise && typeof content.promise.then === 'function') {
      const late = await Promise.race([content.promise, new Promise((r) => window.setTimeout(r, 3000))]);
      if (late && typeof late === 'object') content = { ...content, ...(late as AnyObject) };
    }
    const qs = Object.entries(top.query).map(([k, v]) => `${k}=${v}`).join('&');
    const record: ShareRecord = {
      from,
      route: top.route,
      title: String(content.title ?? '民声'),
      path: String(content.path ?? `/${top.route}${qs ? `?${qs}` : ''}`),
      ...(content.imageUrl ? { imageUrl: String(content.imageUrl) } : {}),
    };
    shares.push(record);
    console.info('[preview] share', record);
    await showModal({ title: '转发给朋友（预览）', content: `标题：${record.title}\n路径：${record.path}${record.imageUrl ? `\n图片：${record.imageUrl}` : ''}`, showCancel: false });
  };

  const navbar = new NavBar({
    back: () =>
      void router
        .userBack(async (message) => (await showModal({ content: message, cancelText: '取消', confirmText: '确定' })).confirm)
        .catch((e: unknown) => reportError('back', e)),
    home: () => void router.reLaunch(`/${manifest.entryPage}`).catch((e: unknown) => reportError('home', e)),
    menu: () =>
      void showActionSheet({ itemList: ['转发给朋友', '重新进入小程序'] }).then((i) => {
        if (i === 0) void share('menu');
        if (i === 1) void router.reLaunch(`/${manifest.entryPage}`);
      }),
    close: () => showToast({ title: '预览中不能退出小程序', icon: 'none' }),
  });
  const tabbar = new TabBar(manifest.tabBar, assetUrl, (route) => {
    const index = (manifest.tabBar?.list ?? []).findIndex((item) => item.pagePath.replace(/^\/+/, '') === route);
    const item = manifest.tabBar?.list[index];
    router
      .switchTab(`/${route}`)
      .then(() => {
        if (router.top && item) router.call(router.top, 'onTabItemTap', { index: String(index), pagePath: route, text: item.text });
      })
      .catch((e: unknown) => reportError('switchTab', e));
  });
  router = new Router({
    manifest,
    container: webviews,
    navbar,
    tabbar,
    shims,
    onChange: (top: PageRecord | null) => {
      if (top && window.parent !== window) window.parent.postMessage({ type: 'mp-route', route: top.route, query: top.query }, '*');
    },
  });
  root.append(webviews, navbar.el, navbar.statusBar, tabbar.el, navbar.capsule, overlays);
  document.body.append(root);
  installTouchBridge(root);
  // A finger lifted (a tap, real or from the mouse) or a click on the native UI opens WeChat's "user gesture" window.
  root.addEventListener('touchend', noteTap, true);
  root.addEventListener('click', noteTap, true);

  const resolveSrc = (src: string): string => {
    if (!src) return '';
    if (src.startsWith('wxfile://')) return tempFileUrl(src) ?? src;
    if (src.startsWith('cloud://')) return tempUrlOf(config.gatewayUrl, src) ?? src;
    // Vant's default empty-state pictures live on a CDN: the preview serves stand-ins so it works offline.
    const vantCdn = /^https?:\/\/img\.yzcdn\.cn\/vant\/([\w.-]+)$/.exec(src);
    if (vantCdn) return `${config.assetBase}/vant-cdn/${vantCdn[1]}`;
    if (/^(https?:|data:|blob:)/.test(src)) return src;
    if (src.startsWith('/')) return assetUrl(src);
    const dir = router.top ? router.top.route.split('/').slice(0, -1).join('/') : '';
    return assetUrl(`${dir}/${src}`);
  };

  installBuiltins({
    resolveSrc,
    share: (from, target) => void share(from, target),
    agreePrivacy: () => privacy.agree(),
    route: (openType, url, delta) => {
      const go =
        openType === 'redirect'
          ? router.redirectTo(url)
          : openType === 'switchTab'
            ? router.switchTab(url)
            : openType === 'reLaunch'
              ? router.reLaunch(url)
              : openType === 'navigateBack'
                ? router.navigateBack(delta)
                : router.navigateTo(url);
      go.catch((e: unknown) => console.error(`[mini program] <navigator open-type="${openType}" url="${url}">: ${e instanceof RouteError ? e.errMsg : String(e)}`));
    },
  });

  const launch = { path: config.startPage, query: Object.fromEntries(new URLSearchParams(config.startQuery)), scene: 1001, referrerInfo: {}, apiCategory: 'default' };
  win.wx = createWx({
    gatewayUrl: config.gatewayUrl,
    openid: config.identity.openid,
    fontSizeSetting: config.fontSizeSetting,
    router,
    tabbar,
    privacy,
    appEvents,
    knownNames,
    resolveSrc,
    windowHeight: () => {
      const top = router.top;
      return DEVICE.height - (top?.nav.custom ? 0 : DEVICE.statusBarHeight + DEVICE.navigationBarHeight) - (top && router.isTab(top.route) ? DEVICE.tabBarHeight : 0);
    },
    launchOptions: () => ({ ...launch }),
    onSubscribeAnswer: (answer) => subscribeAnswers.push(answer),
  });

  const viewport = () => router.top?.webview.scroller ?? null;
  win.__mpViewport = () => {
    const el = viewport();
    return { width: el?.clientWidth ?? DEVICE.width, height: el?.clientHeight ?? DEVICE.height, scrollTop: el?.scrollTop ?? 0 };
  };
  win.__mpRect = (el: Element) => {
    const rect = el.getBoundingClientRect();
    const base = viewport()?.parentElement?.getBoundingClientRect();
    return base ? new DOMRect(rect.left - base.left, rect.top - base.top, rect.width, rect.height) : rect;
  };

  requireModule('app');
  const app = win.getApp!();
  const callApp = (name: string, ...args: unknown[]) => {
    if (typeof app[name] !== 'function') return;
    try {
      app[name](...args);
    } catch (error) {
      reportError(`App.${name}`, error);
    }
  };
  window.addEventListener('error', (e) => {
    appEvents.emit('Error', String(e.message));
    callApp('onError', String(e.message));
  });
  window.addEventListener('unhandledrejection', (e) => {
    appEvents.emit('UnhandledRejection', { reason: e.reason, promise: e.promise });
    callApp('onUnhandledRejection', { reason: e.reason, promise: e.promise });
  });
  document.addEventListener('visibilitychange', () => {
    const top = router.top;
    if (document.hidden) {
      callApp('onHide');
      appEvents.emit('AppHide');
      if (top) router.call(top, 'onHide');
    } else {
      callApp('onShow', { ...launch });
      appEvents.emit('AppShow', { ...launch });
      if (top) router.call(top, 'onShow');
    }
  });
  callApp('onLaunch', { ...launch });
  callApp('onShow', { ...launch });

  const startUrl = `/${config.startPage}${config.startQuery ? `?${config.startQuery}` : ''}`;
  router.reLaunch(startUrl).catch((error: unknown) => {
    console.error(`[preview] cannot open ${startUrl}: ${error instanceof RouteError ? error.errMsg : String(error)}`);
    appEvents.emit('PageNotFound', { path: config.startPage, query: launch.query, isEntryPage: true });
    void router.reLaunch(`/${manifest.entryPage}`);
  });

  (window as unknown as { __mp: AnyObject }).__mp = {
    config,
    manifest,
    router,
    shares,
    subscribeAnswers,
    privacy,
    route: () => router.top?.route ?? null,
    query: () => router.top?.query ?? null,
    stack: () => router.stack.map((r) => r.route),
    pageData: () => JSON.parse(JSON.stringify(router.top?.instance?.data ?? null)),
    idle: (quietMs?: number) => isIdle(quietMs),
  };
  document.body.setAttribute('data-mp-ready', '1');
}

try {
  boot();
} catch (error) {
  console.error('[preview] the mini program could not start:', error);
  document.body.setAttribute('data-mp-error', error instanceof Error ? (error.stack ?? error.message) : String(error));
  document.body.append(Object.assign(document.createElement('pre'), { textContent: `预览启动失败\n${String(error instanceof Error ? error.stack : error)}`, style: 'color:#f66;white-space:pre-wrap;padding:16px' }));
}
