// Phone calls and the clipboard are shown, not done; subscribe messages ask with WeChat's prompt; the app-level
// event registrations (onAppShow, onError, ...) are kept and fired by the runtime.
import type { AnyObject } from '../env';
import { inTapGesture } from '../activity';
import { askSubscribe } from '../ui/dialogs';
import { showModal } from '../ui/modal';
import { showActionSheet } from '../ui/sheet';
import { showToast } from '../ui/toast';
import { asyncApi, WxFail } from './promisify';

export interface MiscContext {
  ensurePrivacy(api: string): Promise<void>;
  /** Every answer to a subscribe prompt, for tests and the console. */
  onSubscribeAnswer(answer: Record<string, string>): void;
}

type Handler = (...args: unknown[]) => void;

export class AppEvents {
  private readonly handlers = new Map<string, Set<Handler>>();

  on(name: string, fn: Handler): void {
    if (typeof fn !== 'function') throw new TypeError(`wx.on${name} needs a function`);
    const set = this.handlers.get(name) ?? new Set();
    set.add(fn);
    this.handlers.set(name, set);
  }

  off(name: string, fn?: Handler): void {
    if (fn) this.handlers.get(name)?.delete(fn);
    else this.handlers.delete(name);
  }

  emit(name: string, ...args: unknown[]): void {
    for (const fn of this.handlers.get(name) ?? []) fn(...args);
  }

  api(): AnyObject {
    const out: AnyObject = {};
    for (const name of ['AppShow', 'AppHide', 'Error', 'UnhandledRejection', 'PageNotFound', 'NetworkStatusChange', 'ThemeChange', 'MemoryWarning', 'WindowResize']) {
      out[`on${name}`] = (fn: Handler) => this.on(name, fn);
      out[`off${name}`] = (fn?: Handler) => this.off(name, fn);
    }
    return out;
  }
}

export function miscApi(ctx: MiscContext): AnyObject {
  let clipboard = '';
  return {
    makePhoneCall: asyncApi('makePhoneCall', async ({ phoneNumber }) => {
      if (!phoneNumber) throw new WxFail('makePhoneCall:fail parameter error: phoneNumber is required');
      const tapped = await showActionSheet({ itemList: [`呼叫 ${phoneNumber}`], alertText: '预览中不会真的拨打电话' });
      if (tapped === null) throw new WxFail('makePhoneCall:fail cancel');
      console.info(`[preview] makePhoneCall ${phoneNumber} (not dialled)`);
    }),
    // WeChat opens its own map page; the preview shows the place it would open (name, address, coordinates).
    openLocation: asyncApi('openLocation', ({ latitude, longitude, name, address }) => {
      if (typeof latitude !== 'number' || latitude < -90 || latitude > 90) throw new WxFail('openLocation:fail parameter error: latitude should be a number between -90 and 90');
      if (typeof longitude !== 'number' || longitude < -180 || longitude > 180) throw new WxFail('openLocation:fail parameter error: longitude should be a number between -180 and 180');
      console.info(`[preview] openLocation ${latitude},${longitude} ${name ?? ''} ${address ?? ''}`);
      void showModal({ title: String(name || '位置'), content: `${address ? `${String(address)}\n` : ''}地图（预览）：纬度 ${latitude}，经度 ${longitude}`, showCancel: false, confirmText: '返回' });
    }),
    setClipboardData: asyncApi('setClipboardData', async ({ data }) => {
      await ctx.ensurePrivacy('setClipboardData');
      clipboard = String(data ?? '');
      console.info(`[preview] setClipboardData: ${clipboard}`);
      showToast({ title: '内容已复制', icon: 'none' });
    }),
    getClipboardData: asyncApi('getClipboardData', async () => {
      await ctx.ensurePrivacy('getClipboardData');
      return { data: clipboard };
    }),
    requestSubscribeMessage: asyncApi('requestSubscribeMessage', async ({ tmplIds }) => {
      if (!Array.isArray(tmplIds) || tmplIds.length === 0) throw new WxFail('requestSubscribeMessage:fail Invalid template id', { errCode: 20001 });
      if (tmplIds.length > 3) throw new WxFail('requestSubscribeMessage:fail Templates count out of max bounds', { errCode: 20003 });
      if (!inTapGesture()) {
        console.warn('[preview] wx.requestSubscribeMessage was not called from a tap (or only after an awaited cloud call): WeChat refuses it there.');
        throw new WxFail('requestSubscribeMessage:fail can only be invoked by user TAP gesture.');
      }
      const answer = await askSubscribe(tmplIds.map(String));
      ctx.onSubscribeAnswer(answer);
      return answer;
    }),
    showShareMenu: asyncApi('showShareMenu', () => undefined),
    hideShareMenu: asyncApi('hideShareMenu', () => undefined),
    updateShareMenu: asyncApi('updateShareMenu', () => undefined),
  };
}
