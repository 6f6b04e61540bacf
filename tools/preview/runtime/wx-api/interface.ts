// WeChat's interface APIs (toast, modal, action sheet, navigation bar, tab bar, pull-down refresh, page scroll) and
// its route APIs, on the preview's own native UI and page stack.
import type { AnyObject } from '../env';
import type { Router } from '../router';
import type { TabBar } from '../tabbar';
import { showModal } from '../ui/modal';
import { showActionSheet } from '../ui/sheet';
import { hideLoading, hideToast, showLoading, showToast } from '../ui/toast';
import { asyncApi, callbackApi, WxFail } from './promisify';

export function interfaceApi(router: Router, tabbar: TabBar): AnyObject {
  const top = (api: string) => {
    const page = router.top;
    if (!page) throw new WxFail(`${api}:fail no page`);
    return page;
  };
  return {
    showToast: asyncApi('showToast', (o) => showToast({ title: String(o.title ?? ''), icon: o.icon, duration: o.duration, mask: o.mask })),
    hideToast: asyncApi('hideToast', () => hideToast()),
    showLoading: asyncApi('showLoading', (o) => showLoading({ title: String(o.title ?? ''), mask: o.mask })),
    hideLoading: asyncApi('hideLoading', () => hideLoading()),
    showModal: asyncApi('showModal', (o) => showModal(o)),
    showActionSheet: asyncApi('showActionSheet', async (o) => {
      if (!Array.isArray(o.itemList) || o.itemList.length === 0 || o.itemList.length > 6) {
        throw new WxFail('showActionSheet:fail parameter error: itemList should have 1 to 6 items');
      }
      const tapIndex = await showActionSheet({ itemList: o.itemList.map(String), itemColor: o.itemColor, alertText: o.alertText });
      if (tapIndex === null) throw new WxFail('showActionSheet:fail cancel');
      return { tapIndex };
    }),

    setNavigationBarTitle: asyncApi('setNavigationBarTitle', ({ title }) => {
      top('setNavigationBarTitle').nav.title = String(title ?? '');
      router.refreshChrome();
    }),
    setNavigationBarColor: asyncApi('setNavigationBarColor', ({ frontColor, backgroundColor }) => {
      const page = top('setNavigationBarColor');
      if (frontColor !== '#ffffff' && frontColor !== '#000000') throw new WxFail('setNavigationBarColor:fail invalid frontColor');
      page.nav.textStyle = frontColor === '#ffffff' ? 'white' : 'black';
      if (backgroundColor) page.nav.backgroundColor = String(backgroundColor);
      router.refreshChrome();
    }),
    showNavigationBarLoading: asyncApi('showNavigationBarLoading', () => {
      top('showNavigationBarLoading').nav.loading = true;
      router.refreshChrome();
    }),
    hideNavigationBarLoading: asyncApi('hideNavigationBarLoading', () => {
      top('hideNavigationBarLoading').nav.loading = false;
      router.refreshChrome();
    }),
    setBackgroundColor: asyncApi('setBackgroundColor', ({ backgroundColor }) => {
      if (backgroundColor) top('setBackgroundColor').webview.setBackgroundColor(String(backgroundColor));
    }),
    setBackgroundTextStyle: asyncApi('setBackgroundTextStyle', () => undefined),

    startPullDownRefresh: asyncApi('startPullDownRefresh', () => top('startPullDownRefresh').webview.startRefresh()),
    stopPullDownRefresh: asyncApi('stopPullDownRefresh', () => router.top?.webview.stopRefresh()),
    pageScrollTo: asyncApi('pageScrollTo', ({ scrollTop, duration = 300 }) => {
      if (typeof scrollTop !== 'number') throw new WxFail('pageScrollTo:fail only scrollTop is supported in the preview');
      top('pageScrollTo').webview.scroller.scrollTo({ top: scrollTop, behavior: duration > 0 ? 'smooth' : 'auto' });
    }),

    setTabBarBadge: asyncApi('setTabBarBadge', ({ index, text }) => tabbar.setBadge(Number(index), String(text))),
    removeTabBarBadge: asyncApi('removeTabBarBadge', ({ index }) => tabbar.setBadge(Number(index), null)),
    showTabBarRedDot: asyncApi('showTabBarRedDot', ({ index }) => tabbar.setRedDot(Number(index), true)),
    hideTabBarRedDot: asyncApi('hideTabBarRedDot', ({ index }) => tabbar.setRedDot(Number(index), false)),
    showTabBar: asyncApi('showTabBar', () => tabbar.setVisible(true)),
    hideTabBar: asyncApi('hideTabBar', () => tabbar.setVisible(false)),

    // Callback-only in WeChat (no promise style); the message belongs to the page that is on top when it is called.
    enableAlertBeforeUnload: callbackApi('enableAlertBeforeUnload', ({ message }) => {
      if (typeof message !== 'string' || !message) throw new WxFail('enableAlertBeforeUnload:fail parameter error: parameter.message should be String');
      top('enableAlertBeforeUnload').alertBeforeUnload = message;
    }),
    disableAlertBeforeUnload: callbackApi('disableAlertBeforeUnload', () => {
      top('disableAlertBeforeUnload').alertBeforeUnload = null;
    }),

    navigateTo: asyncApi('navigateTo', ({ url, events }) => router.navigateTo(url, events)),
    redirectTo: asyncApi('redirectTo', ({ url }) => router.redirectTo(url)),
    navigateBack: asyncApi('navigateBack', ({ delta }) => router.navigateBack(delta ?? 1)),
    switchTab: asyncApi('switchTab', ({ url }) => router.switchTab(url)),
    reLaunch: asyncApi('reLaunch', ({ url }) => router.reLaunch(url)),
  };
}
