// WeChat's privacy flow: before a privacy API (choosing photos, ...) runs for the first time, the base library asks
// the page through wx.onNeedPrivacyAuthorization; the page shows the agreement and the user's tap on a
// <button open-type="agreePrivacyAuthorization"> answers it. The listener is global in WeChat (the last page to
// register wins), so each page that uses a privacy API registers when it shows.

type Resolve = (answer: WechatMiniprogram.PrivacyAnswer) => void;

/** The id of the agree button in components/privacy-popup: WeChat checks the answer came from that tap. */
export const AGREE_BUTTON_ID = 'agree-privacy';

let pending: Resolve | null = null;

/** Calls `show` whenever WeChat needs the user's agreement; answer with `answerPrivacy`. */
export function watchPrivacy(show: () => void): void {
  // Base libraries before 2.32.3 have no privacy flow: their privacy APIs need no agreement.
  if (typeof wx.onNeedPrivacyAuthorization !== 'function') return;
  wx.onNeedPrivacyAuthorization((resolve: Resolve) => {
    pending = resolve;
    show();
  });
}

export function answerPrivacy(agree: boolean): void {
  const resolve = pending;
  pending = null;
  if (!resolve) return;
  resolve(agree ? { event: 'agree', buttonId: AGREE_BUTTON_ID } : { event: 'disagree' });
}
