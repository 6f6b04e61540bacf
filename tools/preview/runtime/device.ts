// The phone the preview draws: an iPhone X-sized screen (375 x 812 CSS px) with WeChat's chrome around the page.
// rpx follows the screen width as in WeChat: 750rpx is the screen's width.

export const DEVICE = {
  width: 375,
  height: 812,
  pixelRatio: 3,
  statusBarHeight: 44,
  navigationBarHeight: 44,
  tabBarHeight: 50,
  model: 'iPhone X (preview)',
  system: 'iOS 16.0',
  platform: 'devtools',
  brand: 'preview',
  /** The base library version the project targets (project.config.json libVersion). */
  SDKVersion: '3.7.0',
  wechatVersion: '8.0.50',
} as const;

export const RPX_FACTOR = DEVICE.width / 750;

export function rpxToPx(style: string): string {
  return style.replace(/(-?\d*\.?\d+)rpx/gi, (_all, n: string) => `${Number((Number(n) * RPX_FACTOR).toFixed(4))}px`);
}

/** WeChat's capsule (the "..." and close buttons), in screen coordinates; custom navigation bars align to it. */
export const CAPSULE = { width: 87, height: 32, right: 375 - 7, top: 48, left: 375 - 7 - 87, bottom: 48 + 32 } as const;
