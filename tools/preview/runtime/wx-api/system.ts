// Device, window and app information, shaped like WeChat's, for the phone the preview draws (device.ts).
import type { AnyObject } from '../env';
import { CAPSULE, DEVICE } from '../device';
import { asyncApi } from './promisify';

export interface SystemContext {
  fontSizeSetting: number;
  /** Height of the current page's webview (depends on its navigation bar and the tab bar). */
  windowHeight(): number;
  launchOptions(): AnyObject;
}

export function systemApi(ctx: SystemContext): AnyObject {
  const safeArea = () => ({ left: 0, right: DEVICE.width, top: DEVICE.statusBarHeight, bottom: DEVICE.height, width: DEVICE.width, height: DEVICE.height - DEVICE.statusBarHeight });
  const windowInfo = () => ({
    pixelRatio: DEVICE.pixelRatio,
    screenWidth: DEVICE.width,
    screenHeight: DEVICE.height,
    windowWidth: DEVICE.width,
    windowHeight: ctx.windowHeight(),
    statusBarHeight: DEVICE.statusBarHeight,
    safeArea: safeArea(),
    screenTop: DEVICE.height - ctx.windowHeight(),
  });
  const deviceInfo = () => ({ brand: DEVICE.brand, model: DEVICE.model, system: DEVICE.system, platform: DEVICE.platform, benchmarkLevel: 1, memorySize: 4096 });
  const appBaseInfo = () => ({
    SDKVersion: DEVICE.SDKVersion,
    enableDebug: false,
    host: { appId: 'wx-preview' },
    language: 'zh_CN',
    version: DEVICE.wechatVersion,
    theme: 'light',
    fontSizeSetting: ctx.fontSizeSetting,
  });
  const systemInfo = () => ({ ...deviceInfo(), ...windowInfo(), ...appBaseInfo(), fontSizeScaleFactor: ctx.fontSizeSetting / 16, albumAuthorized: true, cameraAuthorized: true, locationAuthorized: false, microphoneAuthorized: false, notificationAuthorized: true, bluetoothEnabled: false, locationEnabled: false, wifiEnabled: true });
  return {
    getSystemInfoSync: systemInfo,
    getSystemInfo: asyncApi('getSystemInfo', systemInfo),
    getSystemInfoAsync: asyncApi('getSystemInfoAsync', systemInfo),
    getWindowInfo: windowInfo,
    getDeviceInfo: deviceInfo,
    getAppBaseInfo: appBaseInfo,
    getSystemSetting: () => ({ bluetoothEnabled: false, locationEnabled: false, wifiEnabled: true, deviceOrientation: 'portrait' }),
    getAppAuthorizeSetting: () => ({ albumAuthorized: 'authorized', cameraAuthorized: 'authorized', notificationAuthorized: 'authorized', locationAuthorized: 'not determined', microphoneAuthorized: 'not determined', phoneCalendarAuthorized: 'not determined' }),
    getAccountInfoSync: () => ({ miniProgram: { appId: 'touristappid', envVersion: 'develop', version: '' } }),
    getLaunchOptionsSync: () => ctx.launchOptions(),
    getEnterOptionsSync: () => ctx.launchOptions(),
    getMenuButtonBoundingClientRect: () => ({ ...CAPSULE }),
    getNetworkType: asyncApi('getNetworkType', () => ({ networkType: 'wifi', signalStrength: 100 })),
    nextTick: (fn: () => void) => {
      window.setTimeout(fn, 0);
    },
    getUpdateManager: () => ({
      onCheckForUpdate: (cb: (r: { hasUpdate: boolean }) => void) => window.setTimeout(() => cb({ hasUpdate: false }), 0),
      onUpdateReady: () => undefined,
      onUpdateFailed: () => undefined,
      applyUpdate: () => undefined,
    }),
    getLogManager: () => ({ debug: console.debug, info: console.info, log: console.log, warn: console.warn }),
    getRealtimeLogManager: () => ({ info: console.info, warn: console.warn, error: console.error, setFilterMsg: () => undefined, addFilterMsg: () => undefined, in: () => undefined }),
    reportAnalytics: () => undefined,
    reportEvent: () => undefined,
    reportMonitor: () => undefined,
    setKeepScreenOn: asyncApi('setKeepScreenOn', () => undefined),
    vibrateShort: asyncApi('vibrateShort', () => console.info('[preview] vibrateShort')),
    vibrateLong: asyncApi('vibrateLong', () => console.info('[preview] vibrateLong')),
    hideKeyboard: asyncApi('hideKeyboard', () => (document.activeElement as HTMLElement | null)?.blur()),
    getSetting: asyncApi('getSetting', () => ({ authSetting: {}, subscriptionsSetting: { mainSwitch: true, itemSettings: {} } })),
    env: { USER_DATA_PATH: 'wxfile://usr' },
  };
}
