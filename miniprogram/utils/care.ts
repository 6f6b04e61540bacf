// 长辈模式 (care mode): larger text (18px and up at 375px), roomier lines, stronger contrast and 48px tap targets on
// every page. It is one page-root style (page-meta page-style, written by definePage into `pageStyle`), so pages
// follow without styles of their own: Vant reads its variables, and the pages' own font sizes are multiplied by
// --text-scale. Remembered per WeChat user (storage is per user); until the user chooses, it follows WeChat's own
// font size setting (wx.getAppBaseInfo().fontSizeSetting, 16 by default).

export const CARE_KEY = 'careMode';

/** WeChat's font size setting from which care mode is on by default (the standard size is 16). */
const LARGE_SYSTEM_FONT = 18;

export const CARE_STYLE = [
  '--text-scale:1.3',
  'font-size:20px',
  'line-height:1.6',
  '--text:#1a1a1a',
  '--text-secondary:#3c3d3f',
  '--text-muted:#3c3d3f',
  '--cell-font-size:20px',
  '--cell-line-height:48px',
  '--cell-vertical-padding:4px',
  '--cell-large-vertical-padding:6px',
  '--cell-label-font-size:18px',
  '--cell-label-line-height:28px',
  '--cell-large-title-font-size:22px',
  '--cell-large-label-font-size:18px',
  '--cell-group-title-font-size:18px',
  '--field-error-message-text-font-size:18px',
  '--field-word-limit-font-size:18px',
  '--field-placeholder-text-color:#4a4b4d',
  '--field-text-area-min-height:48px',
  '--search-input-height:48px',
  '--tag-font-size:18px',
  '--tag-medium-font-size:18px',
  '--tag-large-font-size:18px',
  '--tag-padding:4px 10px',
  '--button-normal-font-size:20px',
  '--button-default-height:56px',
  '--button-small-height:48px',
  '--button-small-font-size:18px',
  '--button-mini-font-size:18px',
  '--tab-font-size:20px',
  '--tabs-line-height:56px',
  '--grid-item-text-font-size:18px',
  '--loading-text-font-size:18px',
  '--checkbox-size:32px',
  '--switch-width:88px',
  '--switch-height:48px',
  '--switch-node-size:48px',
  '--button-default-font-size:20px',
  '--button-line-height:32px',
  '--button-large-height:56px',
  '--target-min:48px',
  '--radio-size:28px',
  '--stepper-input-height:48px',
  '--stepper-input-font-size:20px',
  '--popup-close-icon-size:28px',
].join(';');

function systemFontIsLarge(): boolean {
  try {
    return (wx.getAppBaseInfo().fontSizeSetting ?? 16) >= LARGE_SYSTEM_FONT;
  } catch {
    return false;
  }
}

/** Whether care mode is on for this WeChat user: their choice, or else WeChat's font size. */
export function careModeOn(): boolean {
  const chosen: unknown = wx.getStorageSync(CARE_KEY);
  return typeof chosen === 'boolean' ? chosen : systemFontIsLarge();
}

/** The page-root style for the current choice. */
export function carePageStyle(): string {
  return careModeOn() ? CARE_STYLE : '';
}

/** Remembers the choice and restyles every open page at once. */
export function setCareMode(on: boolean): void {
  wx.setStorageSync(CARE_KEY, on);
  const style = on ? CARE_STYLE : '';
  for (const page of getCurrentPages()) page.setData({ pageStyle: style, careMode: on });
}
